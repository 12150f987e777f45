/// Grey-level images drawn cell by cell straight into a buffer, exactly as a `HalfBlockCanvas`
/// draws them (every pixel `set(x:y:intensity:gradient:)`, then `render(into:area:depth:)`;
/// shared/terminal.md 5.5), without the canvas's pixel array, optional pixels and per-cell
/// closure (issue 13: the mixing screens draw ~90 images a frame).
///
/// A pixel's colour is the gradient's step `round(100 · clamp(intensity))` (Gradient.color(at:));
/// each step's colour reduced to `depth` is computed once per painter. Tests compare every cell
/// with the canvas (HalfBlockImagePainterTests).
public struct HalfBlockImagePainter {
    public let gradient: Gradient
    public let depth: ColorDepth
    /// The gradient's steps reduced to `depth`, filled on first use.
    private var reducedSteps: [Color?]
    /// The last background reduced to `depth` (the cells below are mostly one panel colour).
    private var lastBackground: (color: Color, reduced: Color)?

    public init(gradient: Gradient, depth: ColorDepth) {
        self.gradient = gradient
        self.depth = depth
        reducedSteps = Array(repeating: nil, count: gradient.steps.count)
    }

    /// Draws the image `values` (row-major, `imageWidth` x `imageHeight` pixels, intensities in
    /// 0...1; NaN and ±∞ count as 0) enlarged `scale` times into a canvas of `imageWidth · scale`
    /// x `cellRows` cells placed at `area`'s top-left and cropped to `area`. Pixel rows beyond
    /// `imageHeight · scale` stay unset (the cell below shows through as on the canvas).
    public mutating func draw(_ values: [Double], imageWidth: Int, imageHeight: Int, scale: Int = 1, cellRows: Int,
                              into buffer: inout CellBuffer, area: Rect) {
        let s = max(1, scale)
        let canvasWidth = max(0, imageWidth * s), canvasRows = max(0, cellRows)
        let setRows = min(imageHeight * s, canvasRows * 2)
        guard values.count >= imageWidth * imageHeight else { return }
        let x0 = max(area.x, 0), x1 = min(area.x + min(canvasWidth, area.width), buffer.width)
        let y0 = max(area.y, 0), y1 = min(area.y + min(canvasRows, area.height), buffer.height)
        guard x1 > x0, y1 > y0 else { return }
        let shadeForeground = Color.default   // the canvas's shade colour: `.default` reduced, which stays `.default`
        let width = buffer.width
        let steps = gradient.steps
        values.withUnsafeBufferPointer { values in
            buffer.cells.withUnsafeMutableBufferPointer { cells in
                for y in y0..<y1 {
                    let topRow = 2 * (y - area.y), bottomRow = topRow + 1
                    let topBase = topRow < setRows ? (topRow / s) * imageWidth : -1
                    let bottomBase = bottomRow < setRows ? (bottomRow / s) * imageWidth : -1
                    if topBase < 0 && bottomBase < 0 { break }   // rows further down are unset too
                    for x in x0..<x1 {
                        let px = (x - area.x) / s
                        let index = y * width + x
                        let background = reducedBackground(cells[index].style.background)
                        if depth <= .ansi16 {
                            let t = topBase >= 0 ? Self.clamped(values[topBase + px]) : 0
                            let b = bottomBase >= 0 ? Self.clamped(values[bottomBase + px]) : 0
                            cells[index] = Cell(Glyphs.shade((t + b) / 2), style: Style(foreground: shadeForeground, background: background))
                            continue
                        }
                        let t = topBase >= 0 ? Self.step(values[topBase + px]) : -1
                        let b = bottomBase >= 0 ? Self.step(values[bottomBase + px]) : -1
                        if t >= 0 && b >= 0 {
                            if t == b || steps[t] == steps[b] {
                                cells[index] = Cell(Glyphs.fullBlock, style: Style(foreground: reduced(t), background: background))
                            } else {
                                cells[index] = Cell(Glyphs.upperHalf, style: Style(foreground: reduced(t), background: reduced(b)))
                            }
                        } else if t >= 0 {
                            cells[index] = Cell(Glyphs.upperHalf, style: Style(foreground: reduced(t), background: background))
                        } else {
                            cells[index] = Cell(Glyphs.lowerHalf, style: Style(foreground: reduced(b), background: background))
                        }
                    }
                }
            }
        }
    }

    /// An intensity as the canvas keeps it: clamped to 0...1, NaN and ±∞ as 0.
    static func clamped(_ intensity: Double) -> Double { intensity.isFinite ? min(1, max(0, intensity)) : 0 }

    /// The gradient step of an intensity (Gradient.color(at:) of the clamped value).
    static func step(_ intensity: Double) -> Int { Int((clamped(intensity) * 100).rounded()) }

    private mutating func reduced(_ step: Int) -> Color {
        if let c = reducedSteps[step] { return c }
        let c = ColorReduction.reduce(gradient.steps[step], to: depth)
        reducedSteps[step] = c
        return c
    }

    private mutating func reducedBackground(_ color: Color) -> Color {
        if let last = lastBackground, last.color == color { return last.reduced }
        let r = ColorReduction.reduce(color, to: depth)
        lastBackground = (color, r)
        return r
    }
}
