import Canvas

/// Which cells of `new` must be written when `old` is what the screen shows.
/// Pure helpers used by `NcursesTerminal.present`.
enum CellDiff {
    /// Indices (row-major, into `new.cells`) of cells that differ from `old`, or nil when
    /// there is nothing to compare against (no previous frame, or a different size):
    /// then the whole buffer must be drawn.
    static func changedIndices(from old: CellBuffer?, to new: CellBuffer) -> [Int]? {
        guard let old, old.width == new.width, old.height == new.height else { return nil }
        var changed: [Int] = []
        old.cells.withUnsafeBufferPointer { a in
            new.cells.withUnsafeBufferPointer { b in
                for i in 0..<b.count where a[i] != b[i] { changed.append(i) }
            }
        }
        return changed
    }

    /// Indices to draw right after `erase()`: every cell that is not a plain blank
    /// (erase already left those on the screen).
    static func nonBlankIndices(_ buffer: CellBuffer) -> [Int] {
        var result: [Int] = []
        buffer.cells.withUnsafeBufferPointer { b in
            for i in 0..<b.count where b[i] != Cell.blank { result.append(i) }
        }
        return result
    }

    /// The scalar actually sent to ncurses: cells hold one single-width scalar, so anything
    /// ncurses would render wider or as `^X` (control characters, wide or zero-width
    /// glyphs) is replaced, keeping every later column where the buffer put it.
    static func displayScalar(_ s: Unicode.Scalar, width: (Unicode.Scalar) -> Int) -> Unicode.Scalar {
        let v = s.value
        if v >= 0x20 && v < 0x7f { return s }          // printable ASCII: the common case
        if v >= 0x2800 && v <= 0x28ff { return s }      // braille: the raster's glyphs
        if v < 0x20 || v == 0x7f { return " " }
        return width(s) == 1 ? s : "?"
    }
}
