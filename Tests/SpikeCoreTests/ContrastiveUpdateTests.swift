import Testing
@testable import SpikeCore

/// The contrastive (wake–sleep) rule of science.md 2.4 on exact statistics.
@Suite("Contrastive update (science.md 2.4)")
struct ContrastiveUpdateTests {
    static let target = BoltzmannDistribution(.canonical)

    @Test func momentsFromSamplesMatchMomentsFromTheirHistogram() {
        let samples: [[Bool]] = [[true, false, true], [true, true, false], [false, false, true], [true, false, true]]
        let fromSamples = BinaryMoments(samples: samples)
        var counts = Array(repeating: 0.0, count: 8)
        for z in samples { counts[z.reduce(0) { ($0 << 1) | ($1 ? 1 : 0) }] += 1 }
        let fromCounts = BinaryMoments(distribution: counts, unitCount: 3)
        #expect(fromSamples.means == [0.75, 0.25, 0.75])
        #expect(fromSamples.secondMoment(0, 2) == 0.5)
        #expect(fromSamples.secondMoment(1, 2) == 0)
        for (a, b) in zip(fromSamples.secondMoments, fromCounts.secondMoments) { #expect(abs(a - b) < 1e-15) }
        // Diagonal holds the means; exact marginals of the canonical BM come out of the distribution.
        let exact = BinaryMoments(Self.target)
        for k in 0..<5 {
            #expect(exact.secondMoment(k, k) == exact.means[k])
            #expect(abs(exact.means[k] - Self.target.marginals[k]) < 1e-12)
        }
    }

    @Test func gradientIsSymmetricWithZeroDiagonalAndVanishesAtEquality() {
        let data = BinaryMoments(Self.target)
        let model = BinaryMoments(BoltzmannDistribution(BoltzmannMachine(weights: Array(repeating: Array(repeating: 0, count: 5), count: 5),
                                                                         biases: Array(repeating: 0, count: 5))))
        let (gw, gb) = ContrastiveUpdate.gradient(data: data, model: model)
        for i in 0..<5 {
            #expect(gw[i * 5 + i] == 0)
            for j in 0..<5 { #expect(gw[i * 5 + j] == gw[j * 5 + i]) }
            // Independent fair units: ⟨z_i⟩_model = ½, so Δb_i = p*_i − ½.
            #expect(abs(gb[i] - (Self.target.marginals[i] - 0.5)) < 1e-12)
        }
        let zero = ContrastiveUpdate.gradient(data: data, model: data)
        #expect(zero.weights.allSatisfy { $0 == 0 } && zero.biases.allSatisfy { $0 == 0 })
    }

    @Test func momentumAndDecayFollowTheirDefinitions() {
        let data = BinaryMoments(means: [1, 0], secondMoments: [1, 0, 0, 0])
        let model = BinaryMoments(means: [0.5, 0.5], secondMoments: [0.5, 0.25, 0.25, 0.5])
        var rule = ContrastiveUpdate(learningRate: 0.2, momentum: 0.5, decayIterations: 1)
        let first = rule.update(weights: [0, 0, 0, 0], biases: [0, 0], data: data, model: model)
        // g_b = (0.5, −0.5), g_W01 = −0.25; η_0 = 0.2.
        #expect(abs(first.biases[0] - 0.1) < 1e-15 && abs(first.weights[1] + 0.05) < 1e-15)
        #expect(abs(rule.currentLearningRate - 0.2 / 2.0.squareRoot()) < 1e-15)
        let second = rule.update(weights: first.weights, biases: first.biases, data: data, model: model)
        // v_2 = 0.5·v_1 + η_1 g.
        let expected = 0.1 + 0.5 * 0.1 + 0.2 / 2.0.squareRoot() * 0.5
        #expect(abs(second.biases[0] - expected) < 1e-14)
        #expect(second.weights[1] == second.weights[2] && second.weights[0] == 0 && second.weights[3] == 0)
        rule.reset()
        #expect(rule.iteration == 0 && rule.weightVelocity.isEmpty)
    }

    /// With exact model statistics the rule is gradient ascent on the (concave) log-likelihood of a
    /// fully visible BM: from W = 0, b = 0 it must reach the canonical target (D_KL ≪ the LIF floor).
    @Test func exactStatisticsLearnTheCanonicalMachine() {
        let data = BinaryMoments(Self.target)
        var machine = BoltzmannMachine(weights: Array(repeating: Array(repeating: 0, count: 5), count: 5),
                                       biases: Array(repeating: 0, count: 5))
        var rule = ContrastiveUpdate(learningRate: 0.5, momentum: 0.9, decayIterations: 200)
        let start = KullbackLeibler.targetToSampled(target: Self.target.probabilities,
                                                    counts: BoltzmannDistribution(machine).probabilities)
        for _ in 0..<1500 {
            machine = rule.update(machine, data: data, model: BinaryMoments(BoltzmannDistribution(machine)))
        }
        let end = KullbackLeibler.targetToSampled(target: Self.target.probabilities,
                                                  counts: BoltzmannDistribution(machine).probabilities)
        #expect(start > 0.3)
        #expect(end < 1e-5, "D_KL after exact contrastive learning \(end)")
        for i in 0..<5 { for j in 0..<5 { #expect(abs(machine.weight(i, j) - BoltzmannMachine.canonical.weight(i, j)) < 0.02) } }
    }
}
