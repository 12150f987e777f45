import Testing
@testable import SpikeCore

/// The digits lane keeps its weight histogram between readouts and recomputes it when a
/// training iteration changes the in-the-loop weights: after every advance it must equal the
/// histogram of the current weight lists.
@Suite struct DigitsWeightHistogramCacheTests {
    static func same(_ a: Distribution, _ b: Distribution) -> Bool {
        a.label == b.label && a.categories == b.categories && a.seriesNames == b.seriesNames && a.values == b.values
    }

    @Test func histogramFollowsTrainingIterations() throws {
        var s = DigitsOnChipSettings()
        s.testImages = 2
        s.iterations = 3
        s.batchSize = 2
        s.presentationMs = 20
        s.settleMs = 5
        var d = DigitsOnChip(digits: DigitTestData.optdigits, machine: try DigitTestData.shippedMachine(), settings: s,
                             neuron: .sbsDefault, background: .sbsDefault, calibration: .sbsReference,
                             hardware: HardwareRealisation(profile: .bss1, chipSeed: 5), stepMs: 0.1, delayMs: 0.1, seed: 42)
        func fresh() -> Distribution {
            DigitsOnChip.weightHistogram(ideal: d.idealWeightValues, openLoop: d.openLoopWeightValues, inTheLoop: d.inTheLoopWeightValues)
        }
        #expect(Self.same(d.weightHistogram, fresh()))
        let initial = d.weightHistogram
        var iterationsSeen = 0
        while d.trainer.iterationsDone < s.iterations {
            let before = d.trainer.iterationsDone
            d.advance(steps: 100)
            #expect(Self.same(d.weightHistogram, fresh()), "stale histogram after \(d.trainer.iterationsDone) iterations")
            if d.trainer.iterationsDone != before { iterationsSeen += 1 }
        }
        #expect(iterationsSeen == s.iterations)
        #expect(!Self.same(d.weightHistogram, initial), "training did not change the in-the-loop histogram")
    }
}
