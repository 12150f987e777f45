import Canvas
import Testing

/// HalfBlockImagePainter writes the cells a HalfBlockCanvas with every pixel set draws (issue
/// 13 fast path): compared cell by cell on random images, gradients, depths, cells below, crops
/// and positions partly outside the buffer.
@Suite("HalfBlockImagePainter")
struct HalfBlockImagePainterTests {
    /// The straightforward drawing: a canvas, every pixel set through the gradient, rendered.
    static func reference(_ values: [Double], width: Int, height: Int, scale s: Int, cellRows: Int, gradient: Gradient,
                          depth: ColorDepth, into buffer: inout CellBuffer, area: Rect) {
        var canvas = HalfBlockCanvas(width: width * s, height: cellRows)
        for py in 0..<min(height * s, 2 * cellRows) {
            for px in 0..<(width * s) {
                canvas.set(x: px, y: py, intensity: values[(py / s) * width + px / s], gradient: gradient)
            }
        }
        canvas.render(into: &buffer, area: area, depth: depth)
    }

    typealias Generator = TestRandom

    static func color(_ g: inout Generator) -> Color {
        switch Int.random(in: 0..<4, using: &g) {
        case 0: return .default
        case 1: return .indexed(UInt8.random(in: 0...255, using: &g))
        default: return .rgb(UInt8.random(in: 0...255, using: &g), UInt8.random(in: 0...255, using: &g),
                             UInt8.random(in: 0...255, using: &g))
        }
    }

    static func intensity(_ g: inout Generator) -> Double {
        let special: [Double] = [0, 1, 0.5, 0.005, 0.015, 0.995, -0.2, 1.4, .nan, .infinity, -.infinity]
        switch Int.random(in: 0..<4, using: &g) {
        case 0: return special.randomElement(using: &g)!
        case 1: return Bool.random(using: &g) ? 1 : 0       // the mixing streams' binary samples
        default: return Double.random(in: 0...1, using: &g)
        }
    }

    @Test(arguments: ColorDepth.allCases)
    func drawsTheCellsOfTheCanvas(depth: ColorDepth) {
        var g = TestRandom(seed: UInt64(depth.rawValue) &+ 13)
        let theme = Theme.builtInDefault
        let gradients = [theme.gradient(.pixel), theme.gradient(.train), Gradient.flat(.rgb(9, 9, 9)),
                         Gradient(start: .rgb(0, 0, 0), end: .rgb(255, 255, 255)), Gradient(start: .indexed(16), end: .indexed(231))]
        for trial in 0..<400 {
            let gradient = gradients[trial % gradients.count]
            let width = Int.random(in: 1...9, using: &g), height = Int.random(in: 1...9, using: &g)
            let scale = Int.random(in: 1...3, using: &g)
            let cellRows = Int.random(in: 0...(height * scale + 3) / 2 + 1, using: &g)
            let values = (0..<(width * height)).map { _ in Self.intensity(&g) }
            var below = CellBuffer(width: 24, height: 12)
            let panel = Self.color(&g)
            for y in 0..<below.height {
                for x in 0..<below.width {
                    below[x, y] = Cell("·", style: Style(foreground: Self.color(&g),
                                                         background: Int.random(in: 0..<4, using: &g) == 0 ? Self.color(&g) : panel,
                                                         attributes: .bold))
                }
            }
            let area = Rect(x: Int.random(in: -4...20, using: &g), y: Int.random(in: -3...10, using: &g),
                            width: Int.random(in: 0...30, using: &g), height: Int.random(in: 0...12, using: &g))
            var expected = below, fast = below
            Self.reference(values, width: width, height: height, scale: scale, cellRows: cellRows, gradient: gradient,
                           depth: depth, into: &expected, area: area)
            var painter = HalfBlockImagePainter(gradient: gradient, depth: depth)
            painter.draw(values, imageWidth: width, imageHeight: height, scale: scale, cellRows: cellRows, into: &fast, area: area)
            #expect(fast == expected, "trial \(trial): \(width)x\(height) ×\(scale), \(cellRows) rows, \(area) at \(depth)")
            // The painter's per-step colour memo carries over between images: draw once more.
            painter.draw(values, imageWidth: width, imageHeight: height, scale: scale, cellRows: cellRows, into: &fast, area: area)
            Self.reference(values, width: width, height: height, scale: scale, cellRows: cellRows, gradient: gradient,
                           depth: depth, into: &expected, area: area)
            #expect(fast == expected, "trial \(trial), drawn twice")
        }
    }
}

/// The test generator drives the standard library's `random(in:using:)`.
extension TestRandom: RandomNumberGenerator {}
