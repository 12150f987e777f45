import Foundation
import Testing
@testable import SpikeCore

@Suite("Restricted Boltzmann machine and PCD training")
struct RBMTests {
    static func randomMachine(seed: UInt64) -> RestrictedBoltzmannMachine {
        var m = RestrictedBoltzmannMachine(pixelCount: 5, labelCount: 2, hiddenCount: 3)
        var rng = Xoshiro256StarStar(seed: seed)
        for k in m.weights.indices { m.weights[k] = rng.nextNormal(mean: 0, sd: 1) }
        for k in m.visibleBiases.indices { m.visibleBiases[k] = rng.nextNormal(mean: 0, sd: 1) }
        for k in m.hiddenBiases.indices { m.hiddenBiases[k] = rng.nextNormal(mean: 0, sd: 1) }
        return m
    }

    @Test("text form round-trips exactly, and bad text names the line")
    func textRoundTrip() throws {
        let m = Self.randomMachine(seed: 3)
        let text = m.text(comments: ["a comment"])
        let back = try RestrictedBoltzmannMachine(text: text)
        #expect(back == m)
        #expect(back.text(comments: ["a comment"]) == text)
        let broken = text.replacingOccurrences(of: "hidden_biases ", with: "hidden_biases 1 ")
        #expect(throws: RestrictedBoltzmannMachine.TextError.self) { try RestrictedBoltzmannMachine(text: broken) }
    }

    @Test("free energy gives the exact marginal p(v) = Σ_h p(v, h) of the equivalent Boltzmann machine")
    func freeEnergyMatchesFullMachine() {
        let m = Self.randomMachine(seed: 5)
        let full = BoltzmannDistribution(m.boltzmannMachine)
        let nv = m.visibleCount, nh = m.hiddenCount
        // p(v) from the full machine (v = the top nv bits of the state index).
        var exact = Array(repeating: 0.0, count: 1 << nv)
        for (index, p) in full.probabilities.enumerated() { exact[index >> nh] += p }
        let weights = (0..<(1 << nv)).map { v in
            exp(-m.freeEnergy((0..<nv).map { Double((v >> (nv - 1 - $0)) & 1) }))
        }
        let z = weights.reduce(0, +)
        for v in 0..<(1 << nv) { #expect(abs(weights[v] / z - exact[v]) < 1e-12) }
    }

    @Test("PCD is deterministic for a seed and lowers the reconstruction error on real digits")
    func pcdTraining() {
        let training = DigitTestData.optdigits.split().training
        let settings = RBMTrainingSettings(hiddenCount: 16, epochs: 6, chains: 20, learningRate: 0.05, initialWeightSD: 0.1, seed: 9)
        let a = PCDTrainer(settings: settings, training: training)
        let b = PCDTrainer(settings: settings, training: training)
        let before = a.report()
        var last = before
        for _ in 0..<6 { last = a.trainEpoch(); b.trainEpoch() }
        #expect(a.machine == b.machine)
        // Initial weights are small, so the reconstruction is about the pixel mean: the error is
        // about the mean pixel variance (0.129); the trained machine must do clearly better.
        #expect(last.reconstructionError < 0.9 * before.reconstructionError)
        #expect(last.pseudoLogLikelihood > before.pseudoLogLikelihood)
        let c = PCDTrainer(settings: RBMTrainingSettings(hiddenCount: 16, epochs: 6, chains: 20, learningRate: 0.05, initialWeightSD: 0.1, seed: 10),
                           training: training)
        c.trainEpoch()
        #expect(c.machine != a.machine)
    }
}
