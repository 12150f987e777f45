/// A grid of square-ish pixels, 1 x 2 per cell, each with its own colour (shared/terminal.md 5.5).
///
/// A cell shows its top pixel as the foreground of `▀` and its bottom pixel as the background
/// (`█` when both are equal, `▄` when only the bottom is set, nothing when neither is set, so
/// lower layers show through). Terminals without enough colours (`.none`, `.ansi16`) get a
/// shade glyph ` ░▒▓█` chosen by the mean intensity of the two pixels instead.
public struct HalfBlockCanvas: Sendable {
    /// One pixel: its colour and its intensity in 0...1 (used for the shade fallback).
    public struct Pixel: Hashable, Sendable {
        public var color: Color
        public var intensity: Double
        public init(color: Color, intensity: Double) {
            self.color = color
            self.intensity = intensity
        }
    }

    /// Width in cells (= pixel columns).
    public let width: Int
    /// Height in cells (pixel rows are twice as many).
    public let height: Int
    private var pixels: [Pixel?]

    /// An empty canvas of `width` x `height` cells (`width` x `2·height` pixels).
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        pixels = Array(repeating: nil, count: self.width * self.height * 2)
    }

    /// Pixel rows (two per cell).
    public var pixelHeight: Int { height * 2 }

    /// Sets pixel (x, y) (y down, 0 at the top); ignored outside.
    ///
    /// `intensity` defaults to the colour's luminance (`Y = 0.2126R + 0.7152G + 0.0722B`).
    public mutating func set(x: Int, y: Int, color: Color, intensity: Double? = nil) {
        guard x >= 0, y >= 0, x < width, y < pixelHeight else { return }
        pixels[y * width + x] = Pixel(color: color, intensity: intensity ?? Self.luminance(color))
    }

    /// Sets pixel (x, y) to an intensity in 0...1 coloured through `gradient`.
    public mutating func set(x: Int, y: Int, intensity: Double, gradient: Gradient) {
        let i = intensity.isFinite ? min(1, max(0, intensity)) : 0
        set(x: x, y: y, color: gradient.color(at: i), intensity: i)
    }

    /// Clears pixel (x, y) so the layer below shows through.
    public mutating func unset(x: Int, y: Int) {
        guard x >= 0, y >= 0, x < width, y < pixelHeight else { return }
        pixels[y * width + x] = nil
    }

    /// The pixel at (x, y), nil when unset or outside.
    public func pixel(x: Int, y: Int) -> Pixel? {
        guard x >= 0, y >= 0, x < width, y < pixelHeight else { return nil }
        return pixels[y * width + x]
    }

    /// The relative luminance of a colour in 0...1 (`.default` counts as 1, full ink).
    public static func luminance(_ color: Color) -> Double {
        let (r, g, b): (Int, Int, Int)
        switch color {
        case .default: return 1
        case .indexed(let i): (r, g, b) = ColorReduction.rgb(ofIndex: i)
        case .rgb(let rr, let gg, let bb): (r, g, b) = (Int(rr), Int(gg), Int(bb))
        }
        return (0.2126 * Double(r) + 0.7152 * Double(g) + 0.0722 * Double(b)) / 255
    }

    /// The cell (x, y) as drawn at `depth`, or nil when both its pixels are unset.
    ///
    /// `background` is the background of the cell below, kept where a pixel is unset.
    public func cell(x: Int, y: Int, depth: ColorDepth, background: Color = .default) -> Cell? {
        let top = pixel(x: x, y: 2 * y)
        let bottom = pixel(x: x, y: 2 * y + 1)
        if top == nil && bottom == nil { return nil }
        if depth <= .ansi16 {
            let mean = ((top?.intensity ?? 0) + (bottom?.intensity ?? 0)) / 2
            let color = ColorReduction.reduce(.default, to: depth)
            return Cell(Glyphs.shade(mean), style: Style(foreground: color, background: background))
        }
        switch (top, bottom) {
        case let (t?, b?) where t.color == b.color:
            return Cell(Glyphs.fullBlock, style: Style(foreground: t.color, background: background))
        case let (t?, b?):
            return Cell(Glyphs.upperHalf, style: Style(foreground: t.color, background: b.color))
        case let (t?, nil):
            return Cell(Glyphs.upperHalf, style: Style(foreground: t.color, background: background))
        case let (nil, b?):
            return Cell(Glyphs.lowerHalf, style: Style(foreground: b.color, background: background))
        case (nil, nil):
            return nil
        }
    }

    /// Draws the canvas into `area` (cropped to it) from its top-left corner; colours are
    /// reduced to `depth`, and cells without pixels are left alone.
    public func render(into buffer: inout CellBuffer, area: Rect, depth: ColorDepth) {
        for cy in 0..<min(height, area.height) {
            for cx in 0..<min(width, area.width) {
                buffer.modify(x: area.x + cx, y: area.y + cy, clip: area) { below in
                    guard let cell = self.cell(x: cx, y: cy, depth: depth, background: below.style.background)
                    else { return }
                    below = Cell(cell.character, style: ColorReduction.reduce(cell.style, to: depth))
                }
            }
        }
    }
}
