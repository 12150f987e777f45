import Testing
@testable import Canvas

/// A raster aligned to its cells (`alignsToCells`, as the app draws them) scrolls like a strip
/// chart: with the window end k cells later, every cell shows what the cell k to its right
/// showed, spikes listed or given as states, with and without on-window bars.
@Suite struct SpikeRasterStripChartTests {
    @Test func laterWindowsShowTheSameCellsShifted() {
        var g = TestRandom(seed: 0x5C20)
        for trial in 0..<80 {
            let width = 20 + Int(g.next() % 100), height = 2 + Int(g.next() % 20)
            let neurons = trial % 2 == 0 ? height : 1 + Int(g.next() % 60)
            let span = [1000.0, 100, 10, 3.3][trial % 4], unit = trial % 3 == 0 ? 1.0 : 1000
            let times = (0..<400).map { _ in g.uniform() * span * 3 }.sorted()
            let ids = times.map { _ in Int32(g.next() % UInt64(neurons)) }
            let end0 = span * (1 + g.uniform()), cell = span / Double(width)
            func draw(_ end: Double) -> CellBuffer {
                var r = SpikeRaster(neuronCount: neurons, timeStart: (end - span) / unit, timeEnd: end / unit, spikeTimes: times,
                                    dividedBy: unit, spikeNeurons: ids, showAxes: false, onWindow: trial % 4 == 1 ? span / 50 / unit : nil)
                r.neuronAxisTitle = ""
                r.alignsToCells = true
                var buffer = CellBuffer(width: width, height: height)
                r.render(into: &buffer, area: buffer.bounds, theme: .defaultTheme)
                return buffer
            }
            let k = 1 + Int(g.next() % UInt64(width / 2))
            let a = draw(end0), b = draw(end0 + Double(k) * cell)
            var differing = 0, dots = 0
            for y in 0..<height {
                for x in 0..<(width - k) where b[x, y] != a[x + k, y] { differing += 1 }
                for x in 0..<width where a[x, y].character != " " { dots += 1 }
            }
            // Rounding may move a spike lying exactly on a dot-column boundary; allow one cell
            // in a thousand.
            #expect(differing <= (width - k) * height / 1000, "trial \(trial): \(differing) cells differ (k \(k), \(width)x\(height))")
            #expect(dots > 0, "trial \(trial): nothing drawn")
        }
    }

    @Test func theWindowMovesAtMostOneCellAhead() {
        var g = TestRandom(seed: 0x5C21)
        for _ in 0..<1000 {
            let span = 1 + g.uniform() * 5000, end = g.uniform() * 1e7, width = 1 + Int(g.next() % 300)
            let raster = SpikeRaster(neuronCount: 1, timeStart: end - span, timeEnd: end, spikeTimes: [], spikeNeurons: [])
            let w = raster.cellAlignedWindow(plotWidth: width)!
            let cell = span / Double(width)
            #expect(w.end >= end && w.end - end < cell * (1 + 1e-9))
            #expect(abs((w.end - w.start) - span) <= span * 1e-9)
        }
    }
}
