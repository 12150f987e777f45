import Testing
@testable import SpikeCore

/// In-the-loop training with shadow weights (science.md 4.2, 4.3 step 4; [Kungl2019]) on the
/// "4-bit + 20 % synaptic noise" chip of the open-loop table, 5 chip seeds.
///
/// Size: 100 iterations of 5000 ms (half the scenario's 1e4 ms, to keep the test to seconds:
/// the gradient noise per iteration is then ≈ √2 larger, which the 1/√t learning-rate decay
/// averages out). Open loop and trained are both measured over 1e5 ms of samples, so both carry
/// the same finite-sample part of D_KL (≈ 1.5e-3); the criterion is the issue's: the mean over
/// the 5 chips falls by at least 2×. Debug builds run 40 iterations of 2000 ms and check a
/// weaker 1.3× fall.
@Suite("Emulated chip: in-the-loop training (science.md 4.2)")
struct InTheLoopTrainingTests {
    #if DEBUG
    static let iterations = 40, iterationMs = 2_000.0, required = 1.3
    #else
    static let iterations = 100, iterationMs = 5_000.0, required = 2.0
    #endif

    static func train(chipSeed: UInt64, index: Int) -> (openLoop: Double, trained: Double, curve: [Double]) {
        let m = BoltzmannMachine.canonical
        let target = BoltzmannDistribution(m).probabilities
        let profile = HardwareSamplingTests.fourBitNoisy
        let chip = HardwareRealisation(profile: profile, chipSeed: chipSeed)
        let t = HardwareSamplingTests.translation(profile, chipSeed: chipSeed)
        let open = HardwareSamplingTests.noisyOpenLoop[index].sampled
        let sampler = ChipSampler(neuron: .sbsDefault, background: .sbsDefault, unitCount: 5, stepMs: 0.1, seed: 1000 + chipSeed,
                                  delayMs: 0.1, burnInMs: 200, realisation: chip)
        var trainer = InTheLoopTrainer(machine: m, translation: t, sampler: sampler, iterationMs: iterationMs, iterations: iterations)
        trainer.train()
        trainer.evaluate(steps: Int((200 + HardwareSamplingTests.sampledMs) / 0.1))
        let trained = KullbackLeibler.targetToSampled(target: target, counts: trainer.sampler.histogram.counts)
        return (open, trained, trainer.curve)
    }

    @Test("Training in the loop lowers the open-loop D_KL by at least 2× (mean of 5 chips)")
    func lowersDivergence() async {
        let results = await withTaskGroup(of: (Int, (openLoop: Double, trained: Double, curve: [Double])).self) { group in
            for (i, c) in HardwareSamplingTests.chipSeeds.enumerated() { group.addTask { (i, Self.train(chipSeed: c, index: i)) } }
            var out: [(Int, (openLoop: Double, trained: Double, curve: [Double]))] = []
            for await r in group { out.append(r) }
            return out.sorted { $0.0 < $1.0 }.map(\.1)
        }
        let open = results.map(\.openLoop).reduce(0, +) / Double(results.count)
        let trained = results.map(\.trained).reduce(0, +) / Double(results.count)
        print("in the loop: open \(results.map(\.openLoop)) mean \(open); trained \(results.map(\.trained)) mean \(trained)")
        #expect(results.allSatisfy { $0.curve.count == Self.iterations })
        #expect(open >= Self.required * trained)
        // The training curve falls on average: mean of the last 20 iterations below the first 20.
        let early = results.map { $0.curve.prefix(Self.iterations / 5).reduce(0, +) }.reduce(0, +)
        let late = results.map { $0.curve.suffix(Self.iterations / 5).reduce(0, +) }.reduce(0, +)
        #expect(late < early)
    }

    @Test("Shadow weights: the realised weights are on the quantiser's levels, the shadow ones are not")
    func shadowWeights() {
        let profile = HardwareSamplingTests.fourBit
        let t = HardwareSamplingTests.translation(profile, chipSeed: 2)
        let chip = HardwareRealisation(profile: profile, chipSeed: 2)
        let sampler = ChipSampler(neuron: .sbsDefault, background: .sbsDefault, unitCount: 5, stepMs: 0.1, seed: 3,
                                  delayMs: 0.1, burnInMs: 100, realisation: chip)
        var trainer = InTheLoopTrainer(machine: .canonical, translation: t, sampler: sampler, iterationMs: 1000, iterations: 3)
        trainer.train()
        #expect(trainer.shadow != .canonical)
        let q = WeightQuantiser(bits: 4)
        for (j, row) in trainer.realisedWeights.enumerated() {
            for w in row where w != 0 {
                let wMax = trainer.scales.maximum(pre: j, weight: w)
                #expect(q.quantise(w, maximum: wMax) == w)
            }
        }
    }
}
