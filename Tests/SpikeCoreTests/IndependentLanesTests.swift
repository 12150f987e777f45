import Testing
@testable import SpikeCore

/// The noise-source lanes run on several threads (issue 13): every thread count gives the
/// same calibration, states, D_KL curves and readout, bit for bit, as one thread.
@Suite struct IndependentLanesTests {
    @Test func forEachVisitsEveryLaneOnceWhateverTheThreadCount() {
        for threads in [1, 2, 3, 8] {
            var lanes = Array(repeating: 0, count: 7)
            IndependentLanes.forEach(&lanes, threads: threads) { i, lane in lane += i + 1 }
            #expect(lanes == Array(1...7), "threads \(threads)")
            #expect(IndependentLanes.map(count: 5, threads: threads) { $0 * $0 } == [0, 1, 4, 9, 16])
        }
    }

    @Test func binaryNoiseSourcesAreTheSameOnOneOrManyThreads() {
        var c = NoiseSourcesConfig()
        c.networks = 6
        c.calibrationCycles = 300
        let one = NoiseSourcesExperiment(config: c, laneThreads: 1)
        let many = NoiseSourcesExperiment(config: c, laneThreads: 3)
        #expect(one.lanes.map(\.calibration.beta) == many.lanes.map(\.calibration.beta))
        for duration in [1_000.0, 3_330, 7] {   // whole and partial frames of cycles
            one.advance(by: duration)
            many.advance(by: duration)
        }
        #expect(one.timeMs == many.timeMs)
        #expect(one.lanes.map(\.recentStates) == many.lanes.map(\.recentStates))
        #expect(one.lanes.map { $0.dkl.map(\.value) } == many.lanes.map { $0.dkl.map(\.value) })
        #expect(!one.lanes[0].dkl.isEmpty)
        #expect(one.stateChecksum() == many.stateChecksum())
        for e in [one, many] {   // the D_KL each lane keeps is the one of its histograms now
            #expect(e.lanes.indices.allSatisfy { e.lanes[$0].divergence == e.meanDivergence($0) })
        }
    }

    @Test func spikingNoiseSourcesAreTheSameOnOneOrManyThreads() {
        var c = SpikingNoiseSourcesConfig()
        c.networks = 2
        c.probes = 4
        c.calibrationMs = 300
        let one = SpikingNoiseSourcesExperiment(config: c, laneThreads: 1)
        let many = SpikingNoiseSourcesExperiment(config: c, laneThreads: 2)
        #expect(one.lanes.map { $0.calibration?.vP05 } == many.lanes.map { $0.calibration?.vP05 })
        for duration in [150.0, 333.3] {
            one.advance(by: duration)
            many.advance(by: duration)
        }
        #expect(one.timeMs == many.timeMs)
        #expect(one.lanes.map(\.recentStates) == many.lanes.map(\.recentStates))
        #expect(one.lanes.map { $0.dkl.map(\.value) } == many.lanes.map { $0.dkl.map(\.value) })
        #expect(one.stateChecksum() == many.stateChecksum())
        for e in [one, many] {   // what each lane keeps is what its state gives now
            #expect(e.lanes.indices.allSatisfy { e.lanes[$0].divergence == e.meanDivergence($0) })
            for lane in e.lanes {
                let kept = lane.excitatoryStatistics, now = SpikingNoiseSourcesExperiment.excitatoryInputStatistics(of: lane)
                #expect([kept.mean, kept.expectedMean, kept.variance, kept.expectedVariance].map(\.bitPattern)
                        == [now.mean, now.expectedMean, now.variance, now.expectedVariance].map(\.bitPattern))
            }
        }
    }

    /// The natural-gradient learners take their steps on several threads, batch by batch:
    /// weights, RMSE and cost records, weight-plane paths (thinned twice here), crossings and the
    /// teacher's spikes are those of one thread, bit for bit, across uneven batch boundaries.
    @Test func naturalGradientLearnersAreTheSameOnOneOrManyThreads() {
        func trainer() -> NaturalGradientTrainer {
            NaturalGradientTrainer(setup: .figure3DE, learners: [("e", .euclidean, nil), ("n", .natural, nil), ("a", .approximate, nil),
                                                                 ("n50", .natural, [1, 0.5])],
                                   seed: 7, evaluationSeconds: 0.5, pathSeconds: 0.05, pathCapacity: 16)
        }
        var one = trainer(), many = trainer()
        for steps in [1, NaturalGradientTrainer.batchSteps + 3, 999, 2 * NaturalGradientTrainer.batchSteps] {
            one.advance(steps: steps, threads: 1)
            many.advance(steps: steps, threads: 3)
        }
        #expect(one.stepIndex == many.stepIndex)
        #expect(one.teacherSpikes == many.teacherSpikes && one.teacherSpikes > 0)
        #expect(one.pathSteps == many.pathSteps)
        #expect(one.pathSteps > 100, "the 16-point paths were thinned (100 steps per point at the start)")
        for (a, b) in zip(one.tracks, many.tracks) {
            #expect(a.learner.somaticWeights == b.learner.somaticWeights, "\(a.name)")
            #expect(a.rmse.map(\.value) == b.rmse.map(\.value) && a.rmse.count > 3)
            #expect(a.cost.map(\.value) == b.cost.map(\.value))
            #expect(a.path.map(\.x) == b.path.map(\.x) && a.path.map(\.y) == b.path.map(\.y))
            #expect(a.crossingSecond == b.crossingSecond)
        }
    }
}
