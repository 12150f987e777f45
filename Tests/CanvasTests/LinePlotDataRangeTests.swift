import Testing
@testable import Canvas

/// LinePlot's data range, read from the series in place (issue 13), equals `Ticks.dataRange`
/// of the arrays of every x (or every y, then the reference lines) it used to build: random
/// series with NaN, ±∞, signed zeros and non-positive values on log axes, bit for bit.
@Suite struct LinePlotDataRangeTests {
    @Test func inPlaceRangeEqualsTheRangeOfTheCollectedValues() {
        var g = TestRandom(seed: 0xDA7A)
        func value() -> Double {
            switch g.next() % 8 {
            case 0: return [Double.nan, .infinity, -.infinity, 0, -0.0, -1, 1e-300][Int(g.next() % 7)]
            default: return g.uniform() * 20 - 5
            }
        }
        for trial in 0..<3000 {
            let series = (0..<Int(g.next() % 4)).map { _ in
                LinePlot.Series(name: "s", points: (0..<Int(g.next() % 30)).map { _ in (x: value(), y: value()) })
            }
            let references = (0..<Int(g.next() % 3)).map { _ in LinePlot.ReferenceLine(y: value()) }
            let plot = LinePlot(series: series, references: references)
            for scale in [AxisScale.linear, .log10] {
                let xs = Ticks.dataRange(series.flatMap { $0.points.map(\.x) }, scale: scale)
                let ys = Ticks.dataRange(series.flatMap { $0.points.map(\.y) } + references.map(\.y), scale: scale)
                let bits = { (r: ClosedRange<Double>?) in r.map { [$0.lowerBound.bitPattern, $0.upperBound.bitPattern] } }
                #expect(bits(plot.dataRange(scale, ofX: true, extra: [])) == bits(xs), "trial \(trial) x \(scale)")
                #expect(bits(plot.dataRange(scale, ofX: false, extra: references.map(\.y))) == bits(ys), "trial \(trial) y \(scale)")
            }
        }
    }
}
