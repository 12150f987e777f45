/// Clipped drawing helpers: every widget writes through these so nothing lands outside its area.
extension CellBuffer {
    /// Writes one character if (x, y) lies inside `clip` (and the buffer).
    public mutating func put(_ character: Unicode.Scalar, x: Int, y: Int, style: Style, clip: Rect) {
        guard clip.contains(x: x, y: y) else { return }
        self[x, y] = Cell(character, style: style)
    }

    /// Writes a string left to right, skipping cells outside `clip`; returns the cells advanced.
    @discardableResult
    public mutating func put(_ string: String, x: Int, y: Int, style: Style, clip: Rect) -> Int {
        var cx = x
        // The clip meets the row only inside these columns (and within the buffer).
        let rowVisible = y >= clip.y && y < clip.maxY && y >= 0 && y < height
        let lo = max(clip.x, 0), hi = min(clip.maxX, width)
        for scalar in string.unicodeScalars where !scalar.isNonspacingMark {
            if rowVisible && cx >= lo && cx < hi { cells[y * width + cx] = Cell(scalar, style: style) }
            cx += 1
        }
        return cx - x
    }

    /// Changes one cell in place if (x, y) lies inside `clip`.
    public mutating func modify(x: Int, y: Int, clip: Rect, _ change: (inout Cell) -> Void) {
        guard clip.contains(x: x, y: y), x >= 0, y >= 0, x < width, y < height else { return }
        var cell = self[x, y]
        change(&cell)
        self[x, y] = cell
    }

    /// Fills `rect` (clipped to the buffer) with spaces in `style`.
    public mutating func clear(_ rect: Rect, style: Style = .plain) {
        fill(rect, with: Cell(" ", style: style))
    }
}

extension Rect {
    /// Whether the cell (x, y) lies inside the rectangle.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && py >= y && px < maxX && py < maxY
    }

    /// The overlap of two rectangles (empty, at `self`'s origin, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x)
        let y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX)
        let y1 = min(maxY, other.maxY)
        guard x1 > x0, y1 > y0 else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// A `width` x `height` rectangle centred in this one (clamped to fit).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(max(0, w), width)
        let ch = min(max(0, h), height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }
}

extension String {
    /// The number of terminal cells the string takes (one per scalar, combining marks excluded).
    public var cellWidth: Int {
        var n = 0
        for scalar in unicodeScalars where !scalar.isNonspacingMark { n += 1 }
        return n
    }

    /// The string cut to at most `width` cells, ending in `…` when something was cut.
    public func truncated(toCells width: Int) -> String {
        guard width > 0 else { return "" }
        guard cellWidth > width else { return self }
        var out = String.UnicodeScalarView()
        var used = 0
        for scalar in unicodeScalars {
            let w = scalar.isNonspacingMark ? 0 : 1
            if used + w > width - 1 { break }
            out.append(scalar)
            used += w
        }
        out.append("…")
        return String(out)
    }

    /// The string padded with spaces on the left to `width` cells (unchanged if already wider).
    public func leftPadded(toCells width: Int) -> String {
        String(repeating: " ", count: max(0, width - cellWidth)) + self
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is a combining (nonspacing) mark, which takes no cell of its own.
    /// The first such mark is U+0300, so ASCII and Latin-1 text (most of what a frame writes)
    /// skips the Unicode property lookup.
    @inlinable
    public var isNonspacingMark: Bool {
        // Blocks without nonspacing marks answered without the property lookup: Greek, general
        // punctuation to the arrows, box drawing, blocks, shapes and braille (what the widgets
        // draw; `NonspacingMarkFastPathTests` checks every scalar of these ranges).
        let v = value
        if v < 0x300 || (v >= 0x370 && v < 0x483) || (v >= 0x2000 && v < 0x20D0) || (v >= 0x20F1 && v < 0x2CEF) { return false }
        return properties.generalCategory == .nonspacingMark
    }
}
