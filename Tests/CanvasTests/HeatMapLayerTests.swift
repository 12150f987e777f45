import Testing
@testable import Canvas

/// The heat map's field layer is written straight into the buffer's storage (issue 13): that
/// equals writing each of its cells with `put(_:x:y:style:clip:)` clipped to the plot, for
/// layers larger or smaller than the plot and plots reaching past any edge of the buffer.
@Suite struct HeatMapLayerTests {
    @Test func layerDrawEqualsPuttingEveryCell() {
        var g = TestRandom(seed: 0x1A7E)
        for trial in 0..<300 {
            let w = 1 + Int(g.next() % 30), h = 1 + Int(g.next() % 12)
            let cells: [Cell?] = (0..<w * h).map { _ in
                g.next() % 4 == 0 ? nil : Cell(Unicode.Scalar(0x2580 + UInt32(g.next() % 16))!,
                                               style: Style(foreground: .indexed(UInt8(g.next() % 256)), background: .indexed(7)))
            }
            let layer = HeatMapFieldCache.Layer(width: w, height: h, cells: cells, mean: [Color](repeating: .default, count: w * h))
            let bw = 1 + Int(g.next() % 40), bh = 1 + Int(g.next() % 15)
            let plot = Rect(x: Int(g.next() % 50) - 10, y: Int(g.next() % 20) - 5,
                            width: Int(g.next() % 35), height: Int(g.next() % 14))
            var start = CellBuffer(width: bw, height: bh)
            start.put("background text that the layer may cover", x: 0, y: Int(g.next() % UInt64(bh)))
            var direct = start, byCell = start
            layer.draw(into: &direct, at: plot)
            for cy in 0..<h {
                for cx in 0..<w {
                    guard let cell = cells[cy * w + cx] else { continue }
                    byCell.put(cell.character, x: plot.x + cx, y: plot.y + cy, style: cell.style, clip: plot)
                }
            }
            #expect(direct == byCell, "trial \(trial): layer \(w)x\(h), buffer \(bw)x\(bh), plot \(plot)")
        }
    }
}
