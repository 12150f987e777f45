import Canvas

/// The terminal's graphic rendition as our writer last left it: attributes (bits of
/// `Attributes`) and colour numbers (-1 = the terminal's default colour).
struct Pen: Equatable {
    var attributes: UInt8
    var foreground: Int16
    var background: Int16
    /// False when we cannot know it (start, after ncurses wrote): the next cell resets it.
    var known: Bool

    static let unknown = Pen(attributes: 0, foreground: -1, background: -1, known: false)
    static let normal = Pen(attributes: 0, foreground: -1, background: -1, known: true)
}

/// The bytes that turn the screen showing `previous` into `next`: a pure function of the two
/// buffers, the capability table and the pen, so it is tested without a terminal
/// (`NcursesTerminal.present` only write(2)s the result).
///
/// - Only changed cells are written; with no previous frame (start, resize, Ctrl-L) the
///   screen is cleared (`sgr0` + `clear`) and every non-blank cell written.
/// - A run of a row that moved sideways by whole cells (a scrolling heat strip, a film strip)
///   is moved on the terminal with DCH and ICH when the terminal has `dch` and `ich`
///   (`HorizontalShift`, chosen per row by `ShiftPlanner` when it saves bytes); then only the
///   cells that still differ from their source, and the columns the edits blank, are written.
/// - Between changed cells of one row the cheapest of: re-sending the unchanged cells in
///   between (when they are ASCII and look the same in the current pen), `ESC [ n C`, or an
///   absolute move. After the last column the cursor position is taken as unknown (terminals
///   differ in how they wrap), so the next row starts with an absolute move.
/// - Attributes and colours are sent only when they change; turning an attribute off
///   resets with `sgr0`; a default colour is restored with `op` (or `39`/`49` alone when the
///   SGR strings are plain ECMA-48, `SGRParameters`, and then all changes go out as one
///   sequence).
/// - A blank (space) shows no foreground unless reversed or underlined: it is written in the
///   current foreground, so a raster's blanks between coloured dots need no colour changes
///   (issue 13). What the screen shows is the buffer's, cell for cell (glyph, background,
///   attributes, and foreground wherever it is visible; `FrameEncoderRoundTripTests`).
/// - The bottom-right cell is skipped on terminals where writing it scrolls (`am`
///   without `xenl`); what the screen shows there is never moved into view by a shift.
/// - Cells hold one single-width scalar; what would render wider, narrower or as `^X`
///   is replaced as before (`CellDiff.displayScalar`), then encoded as UTF-8 directly.
struct FrameEncoder {
    let capabilities: TerminalCapabilities
    /// Display width of a scalar (wcwidth in the app, a fixed table in tests).
    let scalarWidth: (Unicode.Scalar) -> Int
    /// The SGR strings' parameters when they are plain ECMA-48 (then changes are combined).
    let sgr: SGRParameters?

    init(capabilities: TerminalCapabilities, scalarWidth: @escaping (Unicode.Scalar) -> Int) {
        self.capabilities = capabilities
        self.scalarWidth = scalarWidth
        sgr = SGRParameters(capabilities)
    }

    /// Appends the frame's bytes to `out` and updates `pen`, without memory of earlier frames'
    /// moves (each frame finds its own).
    func encode(previous: CellBuffer?, next: CellBuffer, screenWidth: Int, screenHeight: Int,
                pen: inout Pen, into out: inout [UInt8]) {
        var shifts = ShiftMemory()
        encode(previous: previous, next: next, screenWidth: screenWidth, screenHeight: screenHeight, pen: &pen, shifts: &shifts,
               into: &out)
    }

    /// Appends the frame's bytes to `out` and updates `pen` and `shifts`.
    /// - Parameters:
    ///   - previous: what the screen shows, or nil to repaint everything.
    ///   - screenWidth/screenHeight: the terminal's size; cells outside it are not written.
    ///   - shifts: the rows' moves in the frames since the last full repaint (reset by one).
    func encode(previous: CellBuffer?, next: CellBuffer, screenWidth: Int, screenHeight: Int,
                pen: inout Pen, shifts: inout ShiftMemory, into out: inout [UInt8]) {
        let caps = capabilities
        let full = previous.map { $0.width != next.width || $0.height != next.height } ?? true
        if full {
            out.append(contentsOf: caps.resetAttributes)
            out.append(contentsOf: caps.clearScreen)
            pen = .normal
        }
        let rows = min(next.height, screenHeight), cols = min(next.width, screenWidth)
        if full { shifts.reset(rows: max(rows, 0)) } else { shifts.beginFrame(rows: max(rows, 0)) }
        guard rows > 0, cols > 0 else { return }
        let area = (rows: rows, cols: cols, screenWidth: screenWidth, screenHeight: screenHeight)
        next.cells.withUnsafeBufferPointer { cells in
            if !full, let previous {
                previous.cells.withUnsafeBufferPointer { old in
                    encodeCells(cells, old: old, width: next.width, area: area, pen: &pen, shifts: &shifts, out: &out)
                }
            } else {
                encodeCells(cells, old: nil, width: next.width, area: area, pen: &pen, shifts: &shifts, out: &out)
            }
        }
    }

    /// The loop over cells: `old` nil means "after a clear" (blank cells are already shown).
    private func encodeCells(_ cells: UnsafeBufferPointer<Cell>, old: UnsafeBufferPointer<Cell>?, width: Int,
                             area: (rows: Int, cols: Int, screenWidth: Int, screenHeight: Int),
                             pen: inout Pen, shifts: inout ShiftMemory, out: inout [UInt8]) {
        let skipLastCell = capabilities.lastCellScrolls
        var cursorRow = -1, cursorCol = -1
        var penStyle: Style? = nil          // the style `pen` was set from in this frame (nil: none exactly)
        var cache = PenCache()
        let blank = Cell.blank
        var planner = ShiftPlanner(capabilities: capabilities)
        let edits = old == nil ? nil : capabilities.deleteCharacters.flatMap { d in capabilities.insertCharacters.map { (d, $0) } }
        var above = 0   // the offset chosen for the row above (0: none, or that row was not planned)
        for y in 0..<area.rows {
            let rowStart = y * width
            let aboveOffset = above
            above = 0
            // A row whose bytes are all the same shows the same cells: nothing to send.
            if let old, CellBits.sameRow(cells, old, from: rowStart, count: area.cols) { continue }
            // Cells with equal bits at either end are unchanged (equal bits, equal cells).
            var lower = 0, upper = area.cols
            var shift: HorizontalShift? = nil
            if let old {
                while lower < upper && CellBits.same(cells, old, at: rowStart + lower) { lower += 1 }
                while upper > lower && CellBits.same(cells, old, at: rowStart + upper - 1) { upper -= 1 }
                if lower == upper { continue }
                let unknownSource = skipLastCell && y == area.screenHeight - 1 ? area.screenWidth - 1 : -1
                if let (dch, ich) = edits,
                   let row = ShiftPlanner.Row(new: cells, old: old, start: rowStart, cols: area.cols, screenWidth: area.screenWidth,
                                              unknownSource: unknownSource),
                   let s = plan(&planner, row, first: lower, last: upper - 1, y: y, above: aboveOffset, shifts: &shifts) {
                    above = s.offset
                    // The edits first (they move what the row shows), then the cells that still
                    // differ from their source and the columns the edits blanked.
                    moveCursor(toRow: y, col: s.firstColumn, fromRow: cursorRow, col: cursorCol, cells: cells,
                               rowStart: rowStart, pen: pen, penStyle: penStyle, cache: &cache, out: &out)
                    (s.offset > 0 ? dch : ich).append(s.count, to: &out)
                    cursorRow = y; cursorCol = s.firstColumn
                    if s.sendsSecond {
                        moveCursor(toRow: y, col: s.end, fromRow: y, col: s.firstColumn, cells: cells,
                                   rowStart: rowStart, pen: pen, penStyle: penStyle, cache: &cache, out: &out)
                        (s.offset > 0 ? ich : dch).append(s.count, to: &out)
                        cursorCol = s.end
                    }
                    lower = min(lower, s.firstColumn)
                    upper = area.cols
                    shift = s
                }
            }
            for x in lower..<upper {
                let i = rowStart + x
                let cell = cells[i]
                if let old {
                    if let s = shift {
                        // Moved cells compare with their source; blanked columns are always written.
                        if x >= s.start && x < s.end {
                            let j = i + s.offset
                            if CellBits.same(cells, at: i, old, at: j) || old[j] == cell { continue }
                        } else if !s.isUnknown(x) && (CellBits.same(cells, old, at: i) || old[i] == cell) {
                            continue
                        }
                    } else if CellBits.same(cells, old, at: i) || old[i] == cell { continue }
                } else if cell == blank {
                    continue
                }
                if skipLastCell && y == area.screenHeight - 1 && x == area.screenWidth - 1 { continue }
                if cursorRow != y || cursorCol != x {
                    moveCursor(toRow: y, col: x, fromRow: cursorRow, col: cursorCol, cells: cells,
                               rowStart: rowStart, pen: pen, penStyle: penStyle, cache: &cache, out: &out)
                }
                let shown = cache.displayed(cell.character, width: scalarWidth)
                if penStyle != cell.style || !pen.known {
                    let target = cache.pen(cell.style, self)
                    // A blank shows only its background (and attributes): its foreground is not
                    // seen unless reversed or underlined, so the pen's is kept.
                    let anyForeground = shown == " " && target.attributes & Self.foregroundShowingAttributes == 0
                    if !(anyForeground && pen.known && pen.attributes == target.attributes && pen.background == target.background) {
                        setPen(target, from: &pen, anyForeground: anyForeground, out: &out)
                        penStyle = pen == target ? cell.style : nil
                    }
                }
                Self.appendUTF8(shown, to: &out)
                if x + 1 < area.screenWidth { cursorRow = y; cursorCol = x + 1 } else { cursorRow = -1; cursorCol = -1 }
            }
        }
    }

    /// The planner's choice for row y, remembered in `shifts` (none where it chose none).
    @inline(__always)
    private func plan(_ planner: inout ShiftPlanner, _ row: ShiftPlanner.Row, first: Int, last: Int, y: Int, above: Int,
                      shifts: inout ShiftMemory) -> HorizontalShift? {
        let previous = shifts[y], turn = shifts.frame &+ y
        let hints = ShiftPlanner.Hints(previous: previous, above: above,
                                       far: previous.offset == 0 && turn % ShiftPlanner.farProbePeriod == 0,
                                       probe: !previous.probedInVain || turn % ShiftPlanner.reprobePeriod == 0)
        let shift = planner.plan(row, first: first, last: last, hints: hints)
        shifts[y] = ShiftMemory.Entry(offset: shift?.offset ?? 0, probedInVain: planner.probedInVain)
        return shift
    }

    /// Attributes with which a blank shows its foreground colour (`reverse`, `underline`).
    static let foregroundShowingAttributes = Attributes.reverse.rawValue | Attributes.underline.rawValue

    /// Whether a cell of `style` holding `c` looks the same when written with `pen`: the pen
    /// is the style's, or `c` is a blank and the pen differs at most in the foreground.
    @inline(__always)
    private func looksSame(_ c: Cell, written pen: Pen, penStyle: Style?, cache: inout PenCache) -> Bool {
        if c.style == penStyle { return true }
        guard c.character == " " else { return false }
        let p = cache.pen(c.style, self)
        return p.attributes & Self.foregroundShowingAttributes == 0 && p.attributes == pen.attributes && p.background == pen.background
    }

    /// The cheapest way from the cursor to (row, col).
    private func moveCursor(toRow row: Int, col: Int, fromRow: Int, col fromCol: Int,
                            cells: UnsafeBufferPointer<Cell>, rowStart: Int, pen: Pen, penStyle: Style?,
                            cache: inout PenCache, out: inout [UInt8]) {
        let absoluteCost: Int
        switch capabilities.cursorAddress {
        case .ansi: absoluteCost = 4 + Self.digits(row + 1) + Self.digits(col + 1)
        case .formatted: absoluteCost = Int.max
        }
        if fromRow == row && fromCol < col {
            let gap = col - fromCol
            // Re-send the unchanged cells in between: they show exactly these (the screen
            // equals the previous buffer there, and the unchanged cells equal it).
            let rightCost = capabilities.ansiCursorRight ? (gap == 1 ? 3 : 3 + Self.digits(gap)) : Int.max
            if pen.known && gap < absoluteCost && gap <= rightCost {
                var fits = true
                for k in rowStart + fromCol..<rowStart + col {
                    let c = cells[k]
                    let v = c.character.value
                    if v < 0x20 || v >= 0x7f || !looksSame(c, written: pen, penStyle: penStyle, cache: &cache) { fits = false; break }
                }
                if fits {
                    for k in rowStart + fromCol..<rowStart + col { out.append(UInt8(cells[k].character.value)) }
                    return
                }
            }
            if rightCost < absoluteCost {   // Int.max without `cuf`
                out.append(0x1b); out.append(0x5b)   // ESC [
                if gap > 1 { Self.appendDecimal(gap, to: &out) }
                out.append(0x43)                      // C
                return
            }
        }
        switch capabilities.cursorAddress {
        case .ansi:
            out.append(0x1b); out.append(0x5b)
            Self.appendDecimal(row + 1, to: &out)
            out.append(0x3b)                              // ;
            Self.appendDecimal(col + 1, to: &out)
            out.append(0x48)                              // H
        case .formatted(let format):
            out.append(contentsOf: format(row, col))
        }
    }

    /// The pen a style asks for on this terminal (colour numbers after reduction to the depth
    /// and the terminal's COLORS).
    func resolve(_ style: Style) -> Pen {
        var fg: Int16 = -1, bg: Int16 = -1
        if capabilities.depth != .none {
            fg = terminalColorNumber(style.foreground, depth: capabilities.depth, colors: capabilities.colors)
            bg = terminalColorNumber(style.background, depth: capabilities.depth, colors: capabilities.colors)
            if Int(fg) >= capabilities.foreground.count { fg = -1 }
            if Int(bg) >= capabilities.background.count { bg = -1 }
        }
        return Pen(attributes: style.attributes.rawValue, foreground: fg, background: bg, known: true)
    }

    /// Sends what changes the terminal from `pen` to `target` (its foreground left as it is
    /// when `anyForeground`). With plain ECMA-48 SGR strings (`sgr`) all changes after a reset
    /// go out as one sequence.
    private func setPen(_ target: Pen, from pen: inout Pen, anyForeground: Bool, out: inout [UInt8]) {
        let caps = capabilities
        if !pen.known || pen.attributes & ~target.attributes != 0 {
            out.append(contentsOf: caps.resetAttributes)
            pen = .normal
        }
        if let sgr {
            var opened = false
            if pen.attributes != target.attributes {
                var bit: UInt8 = 1
                while bit != 0 && bit <= 8 {
                    if target.attributes & bit != 0 && pen.attributes & bit == 0 { sgr.attribute(bit).append(to: &out, opened: &opened) }
                    bit <<= 1
                }
                pen.attributes = target.attributes
            }
            if target.foreground != pen.foreground && !anyForeground {
                (target.foreground < 0 ? SGRParameters.defaultForeground : sgr.foreground[Int(target.foreground)])
                    .append(to: &out, opened: &opened)
                pen.foreground = target.foreground
            }
            if target.background != pen.background {
                (target.background < 0 ? SGRParameters.defaultBackground : sgr.background[Int(target.background)])
                    .append(to: &out, opened: &opened)
                pen.background = target.background
            }
            if opened { out.append(0x6d) }   // m
            return
        }
        if pen.attributes != target.attributes {
            var bit: UInt8 = 1
            while bit != 0 && bit <= 8 {
                if target.attributes & bit != 0 && pen.attributes & bit == 0 {
                    out.append(contentsOf: caps.attributeString(bit))
                }
                bit <<= 1
            }
            pen.attributes = target.attributes
        }
        if (target.foreground < 0 && pen.foreground >= 0 && !anyForeground) || (target.background < 0 && pen.background >= 0) {
            out.append(contentsOf: caps.originalPair)
            pen.foreground = -1
            pen.background = -1
        }
        if target.foreground != pen.foreground && !anyForeground {
            out.append(contentsOf: caps.foreground[Int(target.foreground)])
            pen.foreground = target.foreground
        }
        if target.background != pen.background {
            out.append(contentsOf: caps.background[Int(target.background)])
            pen.background = target.background
        }
    }

    static func digits(_ n: Int) -> Int {
        n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : String(n).count
    }

    static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        if n >= 10 { appendDecimal(n / 10, to: &out) }
        out.append(UInt8(0x30 + n % 10))
    }

    /// UTF-8 of one scalar (1 to 4 bytes).
    @inline(__always)
    static func appendUTF8(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(s) { out.append($0) }
    }
}
