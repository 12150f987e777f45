import Testing
@testable import Canvas

/// The drawing fast paths of issue 13 give exactly what the definitions they replace give.
@Suite struct FrameFastPathTests {
    /// Nearest heat maps: the per-frame sample index equals resampling every position, over
    /// random grids (NaN holes included), plot sizes, value ranges and colour depths.
    @Test func nearestSampleIndexEqualsResamplingEveryCell() {
        var g = TestRandom(seed: 0x4EA7)
        let themes = [ColorDepth.trueColor, .palette256, .ansi16, .none].map { Theme.defaultTheme.reduced(to: $0) }
        for trial in 0..<200 {
            let columns = 1 + Int(g.next() % 25), rows = 1 + Int(g.next() % 25)
            let values = (0..<columns * rows).map { _ in g.next() % 13 == 0 ? Double.nan : g.uniform() * 2 - 1 }
            let map = HeatMap(columns: columns, rows: rows, values: values, xRange: 0...1, yRange: 0...1,
                              valueRange: trial % 2 == 0 ? -0.3...0.3 : nil, resampling: .nearest)
            let w = 1 + Int(g.next() % 60), h = 1 + Int(g.next() % 20)
            let theme = themes[trial % themes.count]
            let grad = theme.gradient(.energy), range = map.effectiveValueRange
            let indexed = map.fieldCells(width: w, height: h, range: range, gradient: grad, theme: theme)
            let resampled = map.fieldCells(width: w, height: h, range: range, gradient: grad, theme: theme, indexingSamples: false)
            #expect(indexed.cells == resampled.cells && indexed.mean == resampled.mean, "trial \(trial): \(columns)x\(rows) on \(w)x\(h)")
        }
    }

    /// Buffers from the shared filled arrays equal buffers filled cell by cell, and writing into
    /// one never shows in another (copy on write).
    @Test func sharedFilledArraysBehaveAsFreshOnes() {
        let styled = Cell(" ", style: Style(foreground: .indexed(3), background: .rgb(1, 2, 3)))
        var a = CellBuffer(width: 30, height: 7)
        var b = CellBuffer(width: 30, height: 7)
        #expect(a.cells == [Cell](repeating: .blank, count: 210))
        a.put("x", x: 1, y: 1)
        #expect(b[1, 1] == .blank && a[1, 1].character == "x")
        b.fill(b.bounds, with: styled)
        var c = CellBuffer(width: 30, height: 7)
        c.fill(Rect(x: 0, y: 0, width: 30, height: 3), with: styled)
        c.fill(Rect(x: 0, y: 3, width: 30, height: 4), with: styled)
        #expect(b == c)
        b.put("y", x: 0, y: 0)
        let d = CellBuffer(width: 30, height: 7, fill: styled)
        #expect(d.cells == [Cell](repeating: styled, count: 210) && d[0, 0] == styled)
        #expect(a[1, 1].character == "x" && a[0, 0] == .blank)
    }

    @Test func brailleBitEqualsTheTable() {
        for row in 0..<4 {
            for column in 0..<2 { #expect(Glyphs.brailleBit(row: row, column: column) == Glyphs.brailleBits[row][column]) }
        }
    }
}
