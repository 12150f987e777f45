import Testing
@testable import Canvas

/// A raster given sampled binary states (`SpikeRaster.States`, issue 13) draws exactly what the
/// raster of their spikes, listed by the definition, draws: dots and their density colours on
/// the spike path, spikes and bars on the on-window path, axes; for lanes of equal and unequal
/// length, several states per dot column and several dot columns per state, states before and
/// after the window, NaN times, more or fewer neurons than the lanes hold.
@Suite struct SpikeRasterStatesTests {
    /// Entry i of lane l (count states) at (end − (count − i)·spacing)/unit, unit k in bit n−1−k:
    /// a spike of neuron l·n + k, listed lane by lane.
    static func listed(_ lanes: [[Int]], n: Int, end: Double, spacing: Double, unit: Double) -> (times: [Double], ids: [Int32]) {
        var times: [Double] = [], ids: [Int32] = []
        for (l, lane) in lanes.enumerated() {
            for (i, state) in lane.enumerated() {
                for k in 0..<n where (state >> (n - 1 - k)) & 1 == 1 {
                    times.append(end - Double(lane.count - i) * spacing)
                    ids.append(Int32(l * n + k))
                }
            }
        }
        return (times, ids)
    }

    @Test func statesDrawAsTheirListedSpikes() {
        var g = TestRandom(seed: 0x57A7E5)
        for trial in 0..<160 {
            let n = 1 + Int(g.next() % 8), laneCount = 1 + Int(g.next() % 5)
            let equal = trial % 4 != 0
            let baseCount = Int(g.next() % 1500)
            let lanes: [[Int]] = (0..<laneCount).map { _ in
                let count = equal ? baseCount : Int(g.next() % 1500)
                // Higher bits than the n units are set too: they must be ignored.
                return (0..<count).map { _ in Int(g.next() % 4096) & (g.uniform() < 0.3 ? 0 : -1) }
            }
            let spacing = [1.0, 0.1, 10, 3.7][trial % 4]
            let endMs = trial % 37 == 5 ? Double.nan : 200 + Double(g.next() % 5000)
            let windowMs = 50 + Double(g.next() % 3000)
            let unit = trial % 3 == 0 ? 1.0 : 1000
            let neurons = trial % 5 == 0 ? max(1, laneCount * n - 2) : laneCount * n + Int(g.next() % 3)
            let onWindow: Double? = trial % 2 == 0 ? spacing / unit : nil
            let start = ((endMs.isNaN ? 1000 : endMs) - windowMs) / unit, end = (endMs.isNaN ? 1000 : endMs) / unit
            let states = SpikeRaster(neuronCount: neurons, timeStart: start, timeEnd: end,
                                     states: .init(lanes: lanes, unitCount: n, timeEnd: endMs, spacing: spacing),
                                     dividedBy: unit, timeAxisTitle: "time", onWindow: onWindow)
            let spikes = Self.listed(lanes, n: n, end: endMs, spacing: spacing, unit: unit)
            let listed = SpikeRaster(neuronCount: neurons, timeStart: start, timeEnd: end, spikeTimes: spikes.times,
                                     dividedBy: unit, spikeNeurons: spikes.ids, timeAxisTitle: "time", onWindow: onWindow)
            let area = Rect(x: 1, y: 1, width: 10 + Int(g.next() % 120), height: 4 + Int(g.next() % 40))
            var a = CellBuffer(width: 140, height: 50), b = a
            states.render(into: &a, area: area, theme: .defaultTheme)
            listed.render(into: &b, area: area, theme: .defaultTheme)
            #expect(a == b, "trial \(trial): \(laneCount) lanes × \(n) units, \(spikes.times.count) spikes, unit \(unit), area \(area)")
        }
    }

    /// The two forms are drawn by different code (`setStateDots`, `setListedDots`): a raster
    /// with dots on both sides of the comparison, so an empty drawing cannot pass.
    @Test func theComparisonSeesDots() {
        let lanes = [[0b101, 0b010, 0b111], [0b001, 0, 0b100]]
        let raster = SpikeRaster(neuronCount: 6, timeStart: 0, timeEnd: 3, states: .init(lanes: lanes, unitCount: 3, timeEnd: 3, spacing: 1),
                                 dividedBy: 1, showAxes: false)
        var buffer = CellBuffer(width: 6, height: 2)
        raster.render(into: &buffer, area: buffer.bounds, theme: .defaultTheme)
        let dots = buffer.cells.map { Int($0.character.value) - 0x2800 }.filter { $0 > 0 && $0 < 256 }
        // 8 spikes (6 in lane 0, 2 in lane 1) in 6 rows × 3 columns of dots.
        #expect(dots.map(\.nonzeroBitCount).reduce(0, +) == 8)
    }
}
