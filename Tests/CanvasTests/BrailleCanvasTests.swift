import Canvas
import Testing

@Suite("BrailleCanvas")
struct BrailleCanvasTests {
    @Test("one dot at each of the 8 positions uses drawille's bit order",
          arguments: [(0, 0, "⠁"), (0, 1, "⠂"), (0, 2, "⠄"), (0, 3, "⡀"), (1, 0, "⠈"), (1, 1, "⠐"), (1, 2, "⠠"), (1, 3, "⢀")])
    func singleDot(dx: Int, dy: Int, glyph: String) {
        var canvas = BrailleCanvas(width: 1, height: 1)
        canvas.set(dotX: dx, dotY: dy)
        #expect(canvas.lines == [glyph])
        #expect(canvas.isSet(dotX: dx, dotY: dy))
    }

    @Test func allEightDotsMakeAFullCell() {
        var canvas = BrailleCanvas(width: 1, height: 1)
        for dy in 0..<4 { for dx in 0..<2 { canvas.set(dotX: dx, dotY: dy) } }
        #expect(canvas.lines == ["⣿"])
        #expect(canvas.mask(cellX: 0, cellY: 0) == 0xFF)
    }

    @Test func diagonalLineThroughTwoCells() {
        var canvas = BrailleCanvas(width: 2, height: 1)
        canvas.line(fromDot: (0, 0), toDot: (3, 3))
        #expect(canvas.lines == ["⠑⢄"])
    }

    @Test func longDiagonalIsBresenham() {
        var canvas = BrailleCanvas(width: 4, height: 2)
        canvas.line(fromDot: (0, 7), toDot: (7, 0))
        #expect(canvas.lines == ["⠀⠀⡠⠊", "⡠⠊⠀⠀"])
    }

    @Test func dotsOutsideAreIgnored() {
        var canvas = BrailleCanvas(width: 1, height: 1)
        canvas.set(dotX: -1, dotY: 0)
        canvas.set(dotX: 2, dotY: 0)
        canvas.set(dotX: 0, dotY: 4)
        #expect(canvas.lines == ["⠀"])
    }

    @Test func worldToDotMappingIsRatatuis() {
        let canvas = BrailleCanvas(width: 2, height: 2, xBounds: 0...1, yBounds: 0...1)
        #expect(canvas.dot(x: 0, y: 1)! == (0, 0))
        #expect(canvas.dot(x: 1, y: 0)! == (3, 7))
        #expect(canvas.dot(x: 0.5, y: 0.5)! == (2, 4))  // round(1.5) = 2, round(3.5) = 4
        #expect(canvas.dot(x: 1.01, y: 0) == nil)
        #expect(canvas.dot(x: .nan, y: 0) == nil)
    }

    @Test("lines on a filled buffer leave blank cells transparent (ratatui's canvas test)")
    func transparentOverBuffer() {
        var buffer = CellBuffer(lines: Array(repeating: "xxxxx", count: 5))
        var canvas = BrailleCanvas(width: 5, height: 5, xBounds: 0...10, yBounds: 0...10)
        canvas.line(from: (0, 0), to: (0, 10))
        canvas.line(from: (0, 0), to: (10, 0))
        canvas.render(into: &buffer, area: buffer.bounds)
        #expect(buffer.lines == ["⡇xxxx", "⡇xxxx", "⡇xxxx", "⡇xxxx", "⣇⣀⣀⣀⣀"])
    }

    @Test func lastPainterWinsTheCellColour() {
        var canvas = BrailleCanvas(width: 1, height: 1)
        canvas.set(dotX: 0, dotY: 0, color: .indexed(1))
        canvas.set(dotX: 1, dotY: 3, color: .indexed(2))
        #expect(canvas.color(cellX: 0, cellY: 0) == .indexed(2))
        var buffer = CellBuffer(width: 1, height: 1, fill: Cell(" ", style: Style(background: .indexed(4))))
        canvas.render(into: &buffer, area: buffer.bounds)
        #expect(buffer[0, 0] == Cell("⢁", style: Style(foreground: .indexed(2), background: .indexed(4))))
    }

    @Test func worldLinesAreClippedNotWrapped() {
        var canvas = BrailleCanvas(width: 2, height: 1, xBounds: 0...1, yBounds: 0...1)
        canvas.line(from: (-1e300, 1), to: (1e300, 1))
        #expect(canvas.lines == ["⠉⠉"])
        var empty = BrailleCanvas(width: 2, height: 1, xBounds: 0...1, yBounds: 0...1)
        empty.line(from: (2, 2), to: (3, 3))
        #expect(empty.lines == ["⠀⠀"])
    }

    @Test func renderIsCroppedToTheArea() {
        var buffer = CellBuffer(lines: ["....", "...."])
        var canvas = BrailleCanvas(width: 3, height: 2)
        for x in 0..<canvas.dotWidth { for y in 0..<canvas.dotHeight { canvas.set(dotX: x, dotY: y) } }
        canvas.render(into: &buffer, area: Rect(x: 2, y: 1, width: 2, height: 1))
        #expect(buffer.lines == ["....", "..⣿⣿"])
    }
}
