/// A grid of braille dots, 2 x 4 per cell, with one colour per cell (last painter wins).
///
/// Dots are addressed from the top left (`dotX` right, `dotY` down) and packed into cells in
/// drawille's bit order (`Glyphs.brailleBits`). World coordinates map onto dots like ratatui's
/// `Painter::get_point`: `px = round((x − x0)·(W·2 − 1)/(x1 − x0))`,
/// `py = round((y1 − y)·(H·4 − 1)/(y1 − y0))` (y up in the world, down on screen).
/// Drawing onto a buffer skips cells without dots, so what lies below shows through.
///
/// ```swift
/// var canvas = BrailleCanvas(width: 20, height: 5, xBounds: 0...1, yBounds: -1...1)
/// canvas.line(from: (0, -1), to: (1, 1), color: .rgb(200, 80, 80))
/// canvas.render(into: &buffer, area: plotArea)
/// ```
public struct BrailleCanvas: Sendable {
    /// Width in cells.
    public let width: Int
    /// Height in cells.
    public let height: Int
    /// World x range mapped onto the dot columns.
    public var xBounds: ClosedRange<Double>
    /// World y range mapped onto the dot rows (upper bound at the top).
    public var yBounds: ClosedRange<Double>
    var masks: [UInt8]
    var colors: [Color]

    /// An empty canvas of `width` x `height` cells; world bounds default to the dot grid.
    public init(width: Int, height: Int, xBounds: ClosedRange<Double>? = nil, yBounds: ClosedRange<Double>? = nil) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.xBounds = xBounds ?? 0...Double(max(1, 2 * self.width - 1))
        self.yBounds = yBounds ?? 0...Double(max(1, 4 * self.height - 1))
        masks = Array(repeating: 0, count: self.width * self.height)
        colors = Array(repeating: .default, count: self.width * self.height)
    }

    /// Columns of dots (2 per cell).
    public var dotWidth: Int { width * 2 }
    /// Rows of dots (4 per cell).
    public var dotHeight: Int { height * 4 }

    /// Turns on the dot (dotX, dotY) and sets its cell's colour; dots outside are ignored.
    public mutating func set(dotX: Int, dotY: Int, color: Color = .default) {
        guard dotX >= 0, dotY >= 0, dotX < dotWidth, dotY < dotHeight else { return }
        let i = (dotY / 4) * width + dotX / 2
        masks[i] |= Glyphs.brailleBit(row: dotY % 4, column: dotX % 2)
        colors[i] = color
    }

    /// Sets dots on the canvas's storage: `set(dotX:dotY:color:)` per dot without a uniqueness
    /// check each (the rasters set thousands of dots a frame; issue 13). Valid inside
    /// `withDotWriter` only.
    public struct DotWriter {
        let masks: UnsafeMutableBufferPointer<UInt8>
        let colors: UnsafeMutableBufferPointer<Color>
        let width: Int, dotWidth: Int, dotHeight: Int

        /// What `BrailleCanvas.set(dotX:dotY:color:)` does.
        @inline(__always)
        public func set(dotX: Int, dotY: Int, color: Color = .default) {
            guard dotX >= 0, dotY >= 0, dotX < dotWidth, dotY < dotHeight else { return }
            let i = (dotY / 4) * width + dotX / 2
            masks[i] |= Glyphs.brailleBit(row: dotY % 4, column: dotX % 2)
            colors[i] = color
        }
    }

    /// Runs `body` with a `DotWriter` on this canvas.
    public mutating func withDotWriter<R>(_ body: (DotWriter) -> R) -> R {
        let w = width, dw = dotWidth, dh = dotHeight
        return masks.withUnsafeMutableBufferPointer { m in
            colors.withUnsafeMutableBufferPointer { c in
                body(DotWriter(masks: m, colors: c, width: w, dotWidth: dw, dotHeight: dh))
            }
        }
    }

    /// Whether the dot (dotX, dotY) is on.
    public func isSet(dotX: Int, dotY: Int) -> Bool {
        guard dotX >= 0, dotY >= 0, dotX < dotWidth, dotY < dotHeight else { return false }
        return masks[(dotY / 4) * width + dotX / 2] & Glyphs.brailleBit(row: dotY % 4, column: dotX % 2) != 0
    }

    /// The dot mask of cell (x, y) (0 when empty or outside).
    public func mask(cellX x: Int, cellY y: Int) -> UInt8 {
        guard x >= 0, y >= 0, x < width, y < height else { return 0 }
        return masks[y * width + x]
    }

    /// The colour of cell (x, y) (the colour of the last dot set there).
    public func color(cellX x: Int, cellY y: Int) -> Color {
        guard x >= 0, y >= 0, x < width, y < height else { return .default }
        return colors[y * width + x]
    }

    /// Sets the colour of cell (x, y) without changing its dots.
    public mutating func setColor(_ color: Color, cellX x: Int, cellY y: Int) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        colors[y * width + x] = color
    }

    /// Adds the dots of `other` (a canvas of the same size) and gives every cell it has dots in
    /// `color`: the same canvas as drawing `other`'s dots here now in that colour.
    mutating func merge(_ other: BrailleCanvas, color: Color) {
        precondition(other.width == width && other.height == height, "merging canvases of different sizes")
        other.masks.withUnsafeBufferPointer { o in
            masks.withUnsafeMutableBufferPointer { m in
                colors.withUnsafeMutableBufferPointer { c in
                    for i in 0..<o.count where o[i] != 0 {
                        m[i] |= o[i]
                        c[i] = color
                    }
                }
            }
        }
    }

    /// Draws a Bresenham line between two dots (both ends included), clipped to the grid.
    public mutating func line(fromDot a: (x: Int, y: Int), toDot b: (x: Int, y: Int), color: Color = .default) {
        // On the arrays' storage (lines are most of a plot's dots; issue 13).
        withDotWriter { Self.bresenham(from: a, to: b, color: color, dots: $0) }
    }

    /// The dots of a Bresenham line from `a` to `b` (both ends included; dots outside the grid
    /// skipped), set through `dots`.
    static func bresenham(from a: (x: Int, y: Int), to b: (x: Int, y: Int), color: Color, dots: DotWriter) {
        var x = a.x
        var y = a.y
        let dx = abs(b.x - a.x)
        let dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1
        let sy = a.y < b.y ? 1 : -1
        var err = dx + dy
        while true {
            dots.set(dotX: x, dotY: y, color: color)
            if x == b.x && y == b.y { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    // MARK: World coordinates

    /// The dot for a world point, or nil when it lies outside the bounds (or is not finite).
    public func dot(x: Double, y: Double) -> (x: Int, y: Int)? { mapping.dot(x: x, y: y) }

    /// The fractional dot position of a world point (may lie outside the grid).
    public func unclampedDot(x: Double, y: Double) -> (x: Double, y: Double)? { mapping.unclampedDot(x: x, y: y) }

    /// The world → dot mapping of this canvas (its bounds and dot grid).
    var mapping: DotMapping {
        DotMapping(xBounds: xBounds, yBounds: yBounds, dotWidth: dotWidth, dotHeight: dotHeight)
    }

    /// Turns on the dot nearest to a world point (ignored outside the bounds).
    public mutating func point(x: Double, y: Double, color: Color = .default) {
        guard let d = dot(x: x, y: y) else { return }
        set(dotX: d.x, dotY: d.y, color: color)
    }

    /// Draws a line between two world points, clipped to the bounds (NaN ends draw nothing).
    public mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), color: Color = .default) {
        guard let p = unclampedDot(x: a.x, y: a.y), let q = unclampedDot(x: b.x, y: b.y),
              let (from, to) = mapping.clippedDots(p, q)
        else { return }
        line(fromDot: from, toDot: to, color: color)
    }

    /// Liang–Barsky clipping of a segment to [-0.5, maxX] x [-0.5, maxY].
    ///
    /// A coordinate cut by a boundary is set to that boundary exactly, so segments with
    /// enormous ends (1e300) still clip correctly.
    static func clip(_ p: (x: Double, y: Double), _ q: (x: Double, y: Double), maxX: Double, maxY: Double)
        -> ((x: Double, y: Double), (x: Double, y: Double))?
    {
        let dx = q.x - p.x
        let dy = q.y - p.y
        guard dx.isFinite, dy.isFinite else { return nil }
        var t0 = 0.0
        var t1 = 1.0
        var enter: (axis: Int, value: Double)?
        var exit: (axis: Int, value: Double)?
        // One boundary test; false: the segment lies outside. (Four calls in a fixed order
        // rather than a loop over an array: this runs for every segment of every line, every frame.)
        func inside(_ pk: Double, _ qk: Double, _ axis: Int, _ boundary: Double) -> Bool {
            if pk == 0 { return !(qk < 0) }
            let r = qk / pk
            if pk < 0 {
                if r > t0 { t0 = r; enter = (axis, boundary) }
            } else {
                if r < t1 { t1 = r; exit = (axis, boundary) }
            }
            return !(t0 > t1)
        }
        guard inside(-dx, p.x + 0.5, 0, -0.5), inside(dx, maxX - p.x, 0, maxX),
              inside(-dy, p.y + 0.5, 1, -0.5), inside(dy, maxY - p.y, 1, maxY) else { return nil }
        func point(_ t: Double, _ cut: (axis: Int, value: Double)?) -> (x: Double, y: Double) {
            var x = p.x + t * dx
            var y = p.y + t * dy
            if let cut { if cut.axis == 0 { x = cut.value } else { y = cut.value } }
            return (min(max(x, -0.5), maxX), min(max(y, -0.5), maxY))
        }
        return (point(t0, enter), point(t1, exit))
    }

    // MARK: Output

    /// The canvas as text, one line per cell row (empty cells as U+2800 blanks).
    public var lines: [String] {
        (0..<height).map { y in
            var s = String.UnicodeScalarView()
            for x in 0..<width { s.append(Glyphs.braille(masks[y * width + x])) }
            return String(s)
        }
    }

    /// Draws the non-empty cells into `area` (cropped to it) from its top-left corner.
    ///
    /// Each drawn cell gets the canvas colour as foreground and keeps the background of the
    /// cell below. With `blocksAsBackground`, a cell below that holds a full block `█` lends
    /// its foreground as the new background, so a curve over solid bars keeps the bar visible.
    public func render(into buffer: inout CellBuffer, area: Rect, blocksAsBackground: Bool = false) {
        for cy in 0..<min(height, area.height) {
            for cx in 0..<min(width, area.width) {
                let mask = masks[cy * width + cx]
                guard mask != 0 else { continue }
                let color = colors[cy * width + cx]
                buffer.modify(x: area.x + cx, y: area.y + cy, clip: area) { cell in
                    var background = cell.style.background
                    if blocksAsBackground, cell.character == Glyphs.fullBlock { background = cell.style.foreground }
                    cell = Cell(Glyphs.braille(mask), style: Style(foreground: color, background: background))
                }
            }
        }
    }
}
