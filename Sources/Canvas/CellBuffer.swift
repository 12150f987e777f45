/// An in-memory grid of cells that every widget draws into.
///
/// The terminal backend copies a buffer to the screen; tests compare its `text`
/// (and `styleDump`) with expected snapshots. Writes outside the buffer or outside
/// the optional clip rectangle are dropped, so widgets never need bounds checks.
public struct CellBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public internal(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        // A shared array of the fill cell (copied, one memcpy, at the first write; filling cell
        // by cell was ~5 % of a frame's drawing at 200x60).
        cells = FilledCells.shared.cells(count: self.width * self.height, of: fill)
    }

    /// A buffer whose rows are the given strings (one scalar per cell), padded with blanks.
    public init(lines: [String]) {
        let w = lines.map { $0.unicodeScalars.count }.max() ?? 0
        self.init(width: w, height: lines.count)
        for (y, line) in lines.enumerated() { put(line, x: 0, y: y) }
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes one character with a style.
    public mutating func put(_ character: Unicode.Scalar, x: Int, y: Int, style: Style = .plain) {
        self[x, y] = Cell(character, style: style)
    }

    /// Writes a string left to right, one scalar per cell, cut at `maxWidth` cells if given.
    /// Returns the number of cells written.
    @discardableResult
    public mutating func put(_ string: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        var cx = x
        let limit = maxWidth.map { x + max(0, $0) } ?? Int.max
        let rowVisible = y >= 0 && y < height
        for scalar in string.unicodeScalars {
            guard cx < limit else { break }
            if scalar.isNonspacingMark { continue }
            if rowVisible && cx >= 0 && cx < width { cells[y * width + cx] = Cell(scalar, style: style) }
            cx += 1
        }
        return cx - x
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) { fill(rect, with: cell, inPlace: false) }

    /// `fill(_:with:)`; `inPlace` writes the whole buffer into its own storage too.
    private mutating func fill(_ rect: Rect, with cell: Cell, inPlace: Bool) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX), y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x1 > x0, y1 > y0 else { return }
        if x0 == 0 && y0 == 0 && x1 == width && y1 == height && !inPlace {
            cells = FilledCells.shared.cells(count: cells.count, of: cell)   // the whole buffer
            return
        }
        // Row segments copied from the shared array of `cell` (a memmove each; storing the cell
        // one by one is several times slower, and panels fill most of the screen every frame).
        let w = width, source = FilledCells.shared.cells(count: w, of: cell)   // one row's worth
        cells.withUnsafeMutableBufferPointer { p in
            source.withUnsafeBufferPointer { q in
                for y in y0..<y1 { (p.baseAddress! + y * w + x0).update(from: q.baseAddress!, count: x1 - x0) }
            }
        }
    }

    /// Sets every cell to `cell` in the buffer's own storage: for a buffer reused frame after
    /// frame (its storage not shared), one pass of writes, where `fill(bounds, with:)` would
    /// share an array that the frame's first write then copies (issue 13, the live-app frame
    /// target). The result is the same buffer either way.
    public mutating func fillAll(with cell: Cell) {
        fill(bounds, with: cell, inPlace: true)   // row by row (a whole-buffer `fill` shares storage instead)
    }

    /// Changes the style of every cell in a rectangle, keeping the characters.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for y in max(0, rect.y)..<min(height, rect.maxY) where rect.x < width {
            for x in max(0, rect.x)..<min(width, rect.maxX) { change(&cells[y * width + x].style) }
        }
    }

    /// The buffer's characters, one line per row, trailing blanks kept.
    public var lines: [String] {
        (0..<height).map { y in
            var s = String.UnicodeScalarView()
            for x in 0..<width { s.append(cells[y * width + x].character) }
            return String(s)
        }
    }

    /// The buffer's characters as one string with newlines (for snapshots).
    public var text: String { lines.joined(separator: "\n") }
}
