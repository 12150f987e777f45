import Testing
@testable import Canvas

/// A raster given its spikes in another unit (`dividedBy:`, Int32 neurons, as the app passes a
/// readout's ms spikes to a window in s, issue 13) draws exactly what the raster of the
/// converted spikes draws: dots, density colours, on-window bars, axes, and skipped spikes
/// (NaN, outside the window, out-of-range neurons).
@Suite struct SpikeRasterDivisorTests {
    @Test func dividedTimesDrawAsConvertedTimes() {
        var g = TestRandom(seed: 0x5D1F)
        for trial in 0..<120 {
            let neurons = 1 + Int(g.next() % 60), count = Int(g.next() % 3000)
            let endMs = 500 + Double(g.next() % 5000), startMs = endMs - (100 + Double(g.next() % 3000))
            var times: [Double] = [], ids: [Int32] = []
            var t = startMs - 50
            for _ in 0..<count {
                t += g.uniform() < 0.4 ? 0 : g.uniform() * 3   // runs of equal times, as sampled states give
                times.append(g.next() % 97 == 0 ? .nan : t)
                ids.append(Int32(Int(g.next() % UInt64(neurons + 3)) - 1))   // −1 and ≥ neurons are skipped
            }
            let unit = trial % 3 == 0 ? 1.0 : 1000
            let onWindow: Double? = trial % 2 == 0 ? 1 / unit : nil
            let divided = SpikeRaster(neuronCount: neurons, timeStart: startMs / unit, timeEnd: endMs / unit, spikeTimes: times,
                                      dividedBy: unit, spikeNeurons: ids, timeAxisTitle: "time", onWindow: onWindow)
            let converted = SpikeRaster(neuronCount: neurons, timeStart: startMs / unit, timeEnd: endMs / unit,
                                        spikeTimes: times.map { $0 / unit }, spikeNeurons: ids.map(Int.init),
                                        timeAxisTitle: "time", onWindow: onWindow)
            let area = Rect(x: 1, y: 1, width: 10 + Int(g.next() % 120), height: 4 + Int(g.next() % 60))
            var a = CellBuffer(width: 140, height: 70), b = a
            divided.render(into: &a, area: area, theme: .defaultTheme)
            converted.render(into: &b, area: area, theme: .defaultTheme)
            #expect(a == b, "trial \(trial): \(neurons) neurons, \(count) spikes, unit \(unit), area \(area)")
        }
    }
}
