import Testing
@testable import SpikeCore

/// Readout statistics the live screens compute every frame, in their faster forms (issue 13),
/// equal their definitions bit for bit.
@Suite struct ReadoutFastPathTests {
    typealias LCG = StackedStateRasterTests.LCG

    /// `targetToSampled` in one pass = `divergence(target, normalised(counts))`: random targets
    /// with zeros, counts with zeros (∞ until visited), pseudo-counts, empty histograms (NaN).
    @Test func oneDivergencePassEqualsNormalisingFirst() {
        var g = LCG(state: 0xD1_7E)
        for trial in 0..<2000 {
            let states = 1 << (1 + Int(g.next() % 6))
            let raw = (0..<states).map { _ in g.uniform() < 0.15 ? 0 : g.uniform() }
            let norm = raw.reduce(0, +)
            let target = norm > 0 ? raw.map { $0 / norm } : raw
            let counts = trial % 50 == 0 ? Array(repeating: 0.0, count: states)
                : (0..<states).map { _ in g.uniform() < 0.1 ? 0 : Double(g.next() % 10_000) * (trial % 3 == 0 ? 0.37 : 1) }
            for zero in [KullbackLeibler.ZeroCounts.infiniteUntilVisited, .pseudoCount(1), .pseudoCount(0.25)] {
                let fast = KullbackLeibler.targetToSampled(target: target, counts: counts, zeroCounts: zero)
                let slow = KullbackLeibler.normalised(counts, zeroCounts: zero).0.map { KullbackLeibler.divergence(target, $0) } ?? .nan
                #expect(fast.bitPattern == slow.bitPattern, "trial \(trial) \(zero): \(fast) vs \(slow)")
            }
        }
    }

    /// The correlation matrix and the mean pairwise correlation equal ρ_kl asked pair by pair,
    /// for no samples, one sample (NaN variances), constant units (NaN ρ) and random inputs.
    @Test func pairLoopsEqualCorrelationPerPair() {
        var g = LCG(state: 0xC0_22)
        for trial in 0..<60 {
            let units = 1 + Int(g.next() % 30), matrixUnits = 1 + Int(g.next() % 25)
            var s = InputStatistics(unitCount: units, matrixUnits: matrixUnits)
            let samples = trial % 10 == 0 ? trial % 20 / 10 : 5 + Int(g.next() % 300)
            let constant = Int(g.next() % UInt64(units))
            for _ in 0..<samples {
                var x = (0..<units).map { _ in g.uniform() * 4 - 1 }
                x[constant] = 0.5
                if units > 2 { x[1] = x[0] * 0.7 + x[1] * 0.3 }
                s.add(x)
            }
            let m = s.matrixUnits
            var matrix = [Double](repeating: 0, count: m * m), total = 0.0, pairs = 0, evenTotal = 0.0, evenPairs = 0
            for k in 0..<m {
                for l in 0..<m { matrix[k * m + l] = k == l ? 1 : s.correlation(k, l) }
                for l in (k + 1)..<max(k + 1, m) {
                    let r = s.correlation(k, l)
                    if r.isFinite { total += r; pairs += 1 }
                    if (k + l) % 2 == 0 && r.isFinite { evenTotal += r; evenPairs += 1 }
                }
            }
            #expect(s.correlationMatrix.map(\.bitPattern) == matrix.map(\.bitPattern), "trial \(trial)")
            let mean = pairs > 0 ? total / Double(pairs) : .nan, even = evenPairs > 0 ? evenTotal / Double(evenPairs) : .nan
            #expect(s.meanPairwiseCorrelation().bitPattern == mean.bitPattern, "trial \(trial)")
            #expect(s.meanPairwiseCorrelation { ($0 + $1) % 2 == 0 }.bitPattern == even.bitPattern, "trial \(trial)")
        }
    }

    /// Campbell's expected g_E statistics summed per target over its transposed wiring equal the
    /// pass over the sources: shared and private sources, inhibitory sources mixed in, chip
    /// factors on some targets, probabilities with NaN (no steps counted yet) and 0/1.
    @Test func campbellPerTargetEqualsPassOverSources() {
        var g = LCG(state: 0xCA_3B)
        let neuron = LIFParameters.sbsDefault
        for trial in 0..<40 {
            let targets = 1 + Int(g.next() % 60), privateSources = trial % 3 == 0
            let ke = 1 + Int(g.next() % 20), ki = Int(g.next() % 6)
            let sources = privateSources ? targets * (ke + ki) : ke + ki + Int(g.next() % 300)
            let signs = privateSources ? (0..<sources).map { $0 % (ke + ki) < ke }
                : (0..<sources).map { $0 < ke || ($0 >= ke + ki && g.uniform() < 0.8) }
            var projection = ExternalNoiseProjection(sourceIsExcitatory: signs, targetCount: targets, excitatoryInDegree: ke,
                                                     inhibitoryInDegree: ki, excitatoryWeight: 0.001 + g.uniform() * 0.01,
                                                     inhibitoryWeight: 0.01, privateSources: privateSources, delayMs: 1, stepMs: 0.1,
                                                     sampler: neuron, referencePotential: neuron.vRest, matrixUnits: 0, sampleMs: 1,
                                                     seed: 100 + UInt64(trial))
            if trial % 4 == 1 {
                projection.setTargetFactors((0..<Int(g.next() % UInt64(targets + 1))).map { _ in (0.5 + g.uniform(), 1.0) })
            }
            let p = (0..<sources).map { _ in trial % 13 == 0 ? .nan : [0, 1, g.uniform() * 0.01, g.uniform()][Int(g.next() % 4)] }
            let fast = projection.expectedExcitatoryStatistics(spikeProbabilities: p)
            let slow = projection.expectedExcitatoryStatisticsBySource(spikeProbabilities: p)
            #expect(fast.mean.bitPattern == slow.mean.bitPattern && fast.variance.bitPattern == slow.variance.bitPattern,
                    "trial \(trial): \(fast) vs \(slow)")
        }
    }
}

extension StackedStateRasterTests.LCG {
    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() % (1 << 52)) / Double(1 << 52) }
}

extension ExternalNoiseProjection {
    /// Campbell's sums as a pass over the sources adds them (the definition the per-target sums
    /// of `expectedExcitatoryStatistics` follow; `ReadoutFastPathTests`).
    func expectedExcitatoryStatisticsBySource(spikeProbabilities p: [Double]) -> (mean: Double, variance: Double) {
        var sums = Array(repeating: 0.0, count: targetCount), sumsOfVariances = sums
        for j in 0..<sourceCount where sourceIsExcitatory[j] {
            for i in offsets[j]..<offsets[j + 1] {
                sums[Int(targets[i])] += p[j]
                sumsOfVariances[Int(targets[i])] += p[j] * (1 - p[j])
            }
        }
        if let f = targetFactors?.excitatory {
            for t in 0..<targetCount { sums[t] *= f[t]; sumsOfVariances[t] *= f[t] * f[t] }
        }
        let m = sums.reduce(0, +) / Double(targetCount), v = sumsOfVariances.reduce(0, +) / Double(targetCount)
        return (excitatoryWeight * m / (1 - decayE), excitatoryWeight * excitatoryWeight * v / (1 - decayE * decayE))
    }
}
