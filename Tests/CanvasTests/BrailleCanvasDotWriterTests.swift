import Testing
@testable import Canvas

/// `BrailleCanvas.withDotWriter` sets exactly what `set(dotX:dotY:color:)` sets, dot for dot,
/// inside and outside the grid (the rasters use it for thousands of dots a frame; issue 13).
@Suite struct BrailleCanvasDotWriterTests {
    @Test func writerSetsWhatSetSets() {
        var random = TestRandom(seed: 17)
        func next(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let colors: [Color] = [.default, .indexed(196), .rgb(10, 200, 30)]
        for (w, h) in [(1, 1), (7, 3), (40, 12)] {
            var bySet = BrailleCanvas(width: w, height: h), byWriter = BrailleCanvas(width: w, height: h)
            let dots = (0..<600).map { _ in (x: next(2 * w + 6) - 3, y: next(4 * h + 6) - 3, color: colors[next(3)]) }
            for d in dots { bySet.set(dotX: d.x, dotY: d.y, color: d.color) }
            byWriter.withDotWriter { writer in for d in dots { writer.set(dotX: d.x, dotY: d.y, color: d.color) } }
            #expect(byWriter.masks == bySet.masks, "\(w)x\(h)")
            #expect(byWriter.colors == bySet.colors, "\(w)x\(h)")
            #expect(bySet.masks.contains { $0 != 0 })
        }
    }
}
