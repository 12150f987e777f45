import Testing
@testable import SpikeCore

/// The wiring of a noise-free spiking ensemble (science.md 2.3 step 2, [Dold2019]).
@Suite("Spiking ensemble background (science.md 2.3)")
struct SpikingEnsembleBackgroundTests {
    static let background = SpikingEnsembleBackground(copies: 10, neuronsPerCopy: 5, excitatoryInDegree: 12,
                                                      inhibitoryInDegree: 8, excitatoryWeight: 0.002, inhibitoryWeight: 0.003)

    /// Every neuron (copies and the 3 probes) gets exactly K_E excitatory and K_I inhibitory
    /// synapses from distinct neurons of other copies; probes are never sources.
    @Test func fixedInDegreeFromOtherCopiesOnly() {
        let b = Self.background
        let w = b.weights(neuronCount: 53, seed: 11)
        var excitatory = Array(repeating: 0, count: 53), inhibitory = excitatory
        var sources = Array(repeating: Set<Int>(), count: 53)
        for pre in 0..<53 {
            for i in w.excitatoryRowStart[pre]..<w.excitatoryRowStart[pre + 1] {
                let post = Int(w.excitatoryTargets[i])
                excitatory[post] += 1
                #expect(w.excitatoryWeights[i] == 0.002)
                #expect(sources[post].insert(pre).inserted, "repeated source \(pre) → \(post)")
                #expect(pre < 50, "probe \(pre) used as a source")
                if let c = b.copy(of: post) { #expect(b.copy(of: pre) != c) }
            }
            for i in w.inhibitoryRowStart[pre]..<w.inhibitoryRowStart[pre + 1] {
                let post = Int(w.inhibitoryTargets[i])
                inhibitory[post] += 1
                #expect(w.inhibitoryWeights[i] == 0.003)
                #expect(sources[post].insert(pre).inserted, "repeated source \(pre) → \(post)")
                #expect(pre < 50, "probe \(pre) used as a source")
                if let c = b.copy(of: post) { #expect(b.copy(of: pre) != c) }
            }
        }
        #expect(excitatory == Array(repeating: 12, count: 53))
        #expect(inhibitory == Array(repeating: 8, count: 53))
    }

    /// Same seed, same wiring; another seed, another wiring.
    @Test func deterministicForASeed() {
        let b = Self.background
        #expect(b.weights(neuronCount: 50, seed: 3) == b.weights(neuronCount: 50, seed: 3))
        #expect(b.weights(neuronCount: 50, seed: 3) != b.weights(neuronCount: 50, seed: 4))
    }

    /// Matching a Poisson background: K ν w² equals ν_P w_P² (equal shot-noise variance), and the
    /// equivalent Poisson background has rate K ν.
    @Test func matchingPreservesTheShotNoiseVariance() {
        let b = SpikingEnsembleBackground.matching(.sbsDefault, sourceRateHz: 40, copies: 50, neuronsPerCopy: 5, inDegree: 30)
        let p = b.equivalentPoisson(sourceRateHz: 40)
        #expect(p.excRateHz == 1200)
        #expect(abs(p.excRateHz * p.excWeight * p.excWeight - 3000 * 1e-6) < 1e-15)
        #expect(abs(p.inhRateHz * p.inhWeight * p.inhWeight - 3000 * 1e-6) < 1e-15)
        #expect(b.validate().isEmpty)
        #expect(!SpikingEnsembleBackground(copies: 2, neuronsPerCopy: 5, excitatoryInDegree: 4, inhibitoryInDegree: 2,
                                           excitatoryWeight: 0.001, inhibitoryWeight: 0.001).validate().isEmpty)
    }

    /// Block-diagonal within-copy weights: copy c's block at c·n, zero elsewhere.
    @Test func blockDiagonalPlacesEachCopy() {
        let blocks = [[[0.0, 1], [2, 0]], [[0.0, -3], [4, 0]]]
        let w = SpikingEnsembleBackground.blockDiagonal(blocks, neuronCount: 5)
        #expect(w[0, 1] == 1 && w[1, 0] == 2 && w[2, 3] == -3 && w[3, 2] == 4)
        #expect(w[0, 2] == 0 && w[1, 3] == 0 && w[4, 4] == 0 && w[2, 1] == 0)
    }
}
