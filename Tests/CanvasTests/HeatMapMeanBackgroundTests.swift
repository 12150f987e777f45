import Testing
@testable import Canvas

/// Heat maps without overlays or contours skip their mean backgrounds (issue 13): the same
/// field cells, and a map drawn through a cache shared with maps that do need the backgrounds
/// (same samples, size and colours) draws exactly what an uncached render draws.
@Suite struct HeatMapMeanBackgroundTests {
    @Test func cellsAreTheSameWithoutTheMeans() {
        var g = TestRandom(seed: 0x3EA7)
        let themes = [ColorDepth.trueColor, .palette256, .ansi16, .none].map { Theme.defaultTheme.reduced(to: $0) }
        for trial in 0..<200 {
            let columns = 1 + Int(g.next() % 25), rows = 1 + Int(g.next() % 25)
            let values = (0..<columns * rows).map { _ in g.next() % 13 == 0 ? Double.nan : g.uniform() * 2 - 1 }
            let map = HeatMap(columns: columns, rows: rows, values: values, xRange: 0...1, yRange: 0...1,
                              valueRange: trial % 2 == 0 ? -0.3...0.3 : nil, resampling: trial % 3 == 0 ? .bilinear : .nearest)
            let w = 1 + Int(g.next() % 60), h = 1 + Int(g.next() % 20)
            let theme = themes[trial % themes.count]
            let grad = theme.gradient(.energy), range = map.effectiveValueRange
            let with = map.fieldCells(width: w, height: h, range: range, gradient: grad, theme: theme)
            let without = map.fieldCells(width: w, height: h, range: range, gradient: grad, theme: theme, wantsMean: false)
            #expect(with.cells == without.cells, "trial \(trial)")
        }
    }

    @Test func sharedCacheDrawsWhatAnUncachedRenderDraws() {
        var g = TestRandom(seed: 0x3EA8)
        let cache = HeatMapFieldCache()
        let values = (0..<64).map { _ in g.uniform() * 2 - 1 }
        for trial in 0..<60 {
            var map = HeatMap(columns: 8, rows: 8, values: values, xRange: 0...1, yRange: 0...1, valueRange: -1...1,
                              resampling: .nearest, scale: .none, showAxes: false)
            switch trial % 4 {
            case 0: break
            case 1: map.cursor = (x: g.uniform(), y: g.uniform())
            case 2: map.contours = .levels([0])
            default: map.trails = [HeatMap.Trail(name: "t", points: [(0.1, 0.1), (g.uniform(), g.uniform())])]
            }
            let area = Rect(x: 0, y: 0, width: 30 + trial % 3, height: 12)
            var cached = CellBuffer(width: 40, height: 14), fresh = cached
            map.render(into: &cached, area: area, theme: .defaultTheme, fieldCache: cache, trailCache: nil)
            map.render(into: &fresh, area: area, theme: .defaultTheme, fieldCache: nil, trailCache: nil)
            #expect(cached == fresh, "trial \(trial)")
        }
    }
}
