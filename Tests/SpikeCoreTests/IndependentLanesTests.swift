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
    }
}
