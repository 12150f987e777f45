import Testing
@testable import SpikeCore

/// The noise-sources rasters written in time order directly equal the stable sort by time they
/// replaced (issue 13): same times, same rows, same order, bit for bit.
@Suite struct StackedStateRasterTests {
    /// A small deterministic generator (no engine stream: this is test data).
    struct LCG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
    }

    static func same(_ a: (times: [Double], neurons: [Int32]), _ b: (times: [Double], neurons: [Int32])) -> Bool {
        a.times.map(\.bitPattern) == b.times.map(\.bitPattern) && a.neurons == b.neurons
    }

    @Test func directOrderEqualsSortedOrderForRandomStatesAndWindows() {
        var g = LCG(state: 0x5EED_0013)
        for trial in 0..<300 {
            let n = 1 + Int(g.next() % 12), laneCount = 1 + Int(g.next() % 5), count = Int(g.next() % 400)
            // States with bits above the n units too (they must be ignored, as before).
            let lanes = (0..<laneCount).map { _ in (0..<count).map { _ in Int(g.next() % UInt64(1 << (n + 2))) } }
            let spacing = [1.0, 0.1, 10, 0.3][trial % 4]
            let timeMs = Double(g.next() % 1_000_000) * [1, 0.1, 0.7][trial % 3]
            let direct = StackedStateRaster.spikes(lanes, unitCount: n, timeMs: timeMs, spacingMs: spacing)
            let sorted = StackedStateRaster.bySorting(lanes, unitCount: n, timeMs: timeMs, spacingMs: spacing)
            #expect(Self.same(direct, sorted), "trial \(trial): n \(n), lanes \(laneCount), count \(count)")
        }
    }

    /// A window that slides as states are appended and the oldest dropped (as the experiments
    /// keep `recentStates`), compared after every step.
    @Test func slidingWindowMatchesAfterEveryAppend() {
        var g = LCG(state: 0xA11CE)
        let n = 5, keep = 50
        var lanes: [[Int]] = [[], [], []]
        var timeMs = 0.0
        for _ in 0..<400 {
            timeMs += 1
            for l in lanes.indices {
                lanes[l].append(Int(g.next() % 32))
                if lanes[l].count > keep { lanes[l].removeFirst(lanes[l].count - keep) }
            }
            let direct = StackedStateRaster.spikes(lanes, unitCount: n, timeMs: timeMs, spacingMs: 1)
            #expect(Self.same(direct, StackedStateRaster.bySorting(lanes, unitCount: n, timeMs: timeMs, spacingMs: 1)))
        }
    }

    /// Lanes of different lengths, or times that do not increase (spacing 0), take the sort.
    @Test func unequalLanesAndTiedTimesStillMatch() {
        var g = LCG(state: 7)
        for trial in 0..<50 {
            let lanes = (0..<3).map { l in (0..<(20 + l * (trial % 3))).map { _ in Int(g.next() % 16) } }
            for spacing in [1.0, 0.0] {
                let direct = StackedStateRaster.spikes(lanes, unitCount: 4, timeMs: 100, spacingMs: spacing)
                #expect(Self.same(direct, StackedStateRaster.bySorting(lanes, unitCount: 4, timeMs: 100, spacingMs: spacing)))
            }
        }
        let none = StackedStateRaster.spikes([], unitCount: 4, timeMs: 5, spacingMs: 1)
        #expect(none.times.isEmpty && none.neurons.isEmpty)
    }

    /// A `Raster` holding the states (the noise-sources readouts) is the raster of their listed
    /// spikes to everything that reads it: the spikes, the readout checksum (session logs and
    /// the determinism table) and the numerical guard, also for times that are not finite.
    @Test func rasterOfStatesEqualsRasterOfItsSpikes() {
        var g = LCG(state: 0x57A7E)
        for trial in 0..<200 {
            let n = 1 + Int(g.next() % 12), laneCount = 1 + Int(g.next() % 4)
            let lanes = (0..<laneCount).map { _ in (0..<Int(g.next() % 300)).map { _ in Int(g.next() % UInt64(1 << (n + 1))) } }
            let spacing = [1.0, 0.1, 1e308, .nan][trial % 4]
            let timeMs = trial % 16 < 13 ? Double(g.next() % 100_000) : [.infinity, .nan, -1e308][trial % 16 - 13]
            let states = StackedStates(lanes: lanes, unitCount: n, timeMs: timeMs, spacingMs: spacing)
            let s = states.spikes()
            let a = Raster(neuronCount: laneCount * n, startMs: 0, endMs: 10, states: states, onWindowMs: 1)
            let b = Raster(neuronCount: laneCount * n, startMs: 0, endMs: 10, spikeTimesMs: s.times, spikeNeurons: s.neurons, onWindowMs: 1)
            #expect(Self.same(a.spikes, b.spikes) && a.spikeNeurons == s.neurons)
            var ra = Readout(timeMs: 5, raster: a), rb = Readout(timeMs: 5, raster: b)
            #expect(ra.checksum == rb.checksum, "trial \(trial)")
            let fa = ra.firstNonFinite(), fb = rb.firstNonFinite()
            #expect(fa?.0 == fb?.0 && fa?.1.bitPattern == fb?.1.bitPattern, "trial \(trial): \(String(describing: fa)) vs \(String(describing: fb))")
            // Setting the listed spikes replaces the states.
            ra.raster?.spikeNeurons = s.neurons.map { $0 + 1 }
            rb.raster?.spikeNeurons = s.neurons.map { $0 + 1 }
            #expect(ra.raster?.stackedStates == nil && ra.checksum == rb.checksum)
        }
    }
}
