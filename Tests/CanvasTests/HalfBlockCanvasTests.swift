import Canvas
import Testing

@Suite("HalfBlockCanvas")
struct HalfBlockCanvasTests {
    let red = Color.rgb(255, 0, 0)
    let blue = Color.rgb(0, 0, 255)
    let green = Color.rgb(0, 255, 0)

    @Test("a 3x2 pixel image: top/bottom colours, lower only, equal, empty")
    func smallImage() {
        var canvas = HalfBlockCanvas(width: 4, height: 1)
        canvas.set(x: 0, y: 0, color: red)
        canvas.set(x: 0, y: 1, color: blue)
        canvas.set(x: 1, y: 1, color: green)
        canvas.set(x: 2, y: 0, color: green)
        canvas.set(x: 2, y: 1, color: green)
        var buffer = CellBuffer(lines: ["...."])
        canvas.render(into: &buffer, area: buffer.bounds, depth: .trueColor)
        var expected = CellBuffer(lines: ["▀▄█."])
        expected[0, 0].style = Style(foreground: red, background: blue)
        expected[1, 0].style = Style(foreground: green)
        expected[2, 0].style = Style(foreground: green)
        #expect(buffer == expected)
    }

    @Test func twoByTwoImageUpperOnly() {
        var canvas = HalfBlockCanvas(width: 2, height: 1)
        canvas.set(x: 0, y: 0, color: red)
        canvas.set(x: 1, y: 0, color: blue)
        var buffer = CellBuffer(width: 2, height: 1)
        canvas.render(into: &buffer, area: buffer.bounds, depth: .trueColor)
        #expect(buffer.lines == ["▀▀"])
        #expect(buffer[1, 0].style.foreground == blue)
    }

    @Test("16 colours and no colour fall back to shades by mean intensity",
          arguments: [ColorDepth.none, .ansi16])
    func shadeFallback(depth: ColorDepth) {
        var canvas = HalfBlockCanvas(width: 5, height: 1)
        let grey = Gradient(start: .rgb(0, 0, 0), end: .rgb(255, 255, 255))
        let levels: [(Double, Double)] = [(0, 0), (0.2, 0.3), (0.5, 0.5), (0.7, 0.8), (1, 1)]
        for (x, l) in levels.enumerated() {
            canvas.set(x: x, y: 0, intensity: l.0, gradient: grey)
            canvas.set(x: x, y: 1, intensity: l.1, gradient: grey)
        }
        var buffer = CellBuffer(width: 5, height: 1)
        canvas.render(into: &buffer, area: buffer.bounds, depth: depth)
        #expect(buffer.lines == [" ░▒▓█"])
        #expect(buffer[4, 0].style.foreground == .default)
    }

    @Test func palette256ReducesPixelColours() {
        var canvas = HalfBlockCanvas(width: 1, height: 1)
        canvas.set(x: 0, y: 0, color: .rgb(255, 0, 0))
        canvas.set(x: 0, y: 1, color: .rgb(0, 0, 0))
        var buffer = CellBuffer(width: 1, height: 1)
        canvas.render(into: &buffer, area: buffer.bounds, depth: .palette256)
        #expect(buffer[0, 0] == Cell("▀", style: Style(foreground: .indexed(196), background: .indexed(16))))
    }
}
