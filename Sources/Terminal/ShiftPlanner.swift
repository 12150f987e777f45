import Canvas

/// Chooses, for one changed row, the sideways move (`HorizontalShift`) that makes the row
/// cheapest to write, or none (issue 13). Cheap by construction, since most changed rows did
/// not scroll:
/// 1. Rows whose changed cells span fewer than `minimumSpan` columns are written as they are.
/// 2. Candidate offsets come from three probes (the first changed cell and the first changed
///    cells a third and two thirds along the span): offsets k ≤ `maximumOffset` where the
///    previous row held, k columns to the right (or left), the `probeWindow` cells that now
///    start at the probe. At most `hitsPerProbe` per direction and probe.
/// 3. Each candidate is checked at `samples` columns spread over the span: it must match at
///    least `minimumSampleMatches` of them and more than the unshifted row does.
/// 4. For the best three, the run is chosen to maximise the bytes saved (a maximum-sum
///    segment over the per-cell savings, `bestRun`), minus the cells the edits blank.
/// 5. The shift is used only when the estimated bytes of the row with it (edits, moves, SGR,
///    glyphs; `estimate`) are at least `minimumSaving` below the estimate without it.
/// Estimates decide only how many bytes go out, never what the screen shows.
struct ShiftPlanner {
    static let minimumSpan = 12
    static let maximumOffset = 64
    static let probeWindow = 4
    static let hitsPerProbe = 3
    static let samples = 16
    static let minimumSampleMatches = 3
    static let minimumSaving = 8

    /// One row of the two frames (columns 0..<cols), the screen's width, and the column whose
    /// previous cell the screen may not show (the bottom-right cell the writer never writes
    /// where writing it scrolls; -1 for none).
    struct Row {
        let new: UnsafeBufferPointer<Cell>
        let old: UnsafeBufferPointer<Cell>
        let start: Int
        let cols: Int
        let screenWidth: Int
        let unknownSource: Int

        /// Whether the new cell at x equals the previous cell at `source`.
        @inline(__always)
        func equal(_ x: Int, _ source: Int) -> Bool {
            CellBits.same(new, at: start + x, old, at: start + source) || new[start + x] == old[start + source]
        }

        @inline(__always)
        func validSource(_ s: Int) -> Bool { s >= 0 && s < cols && s != unknownSource }
    }

    let capabilities: TerminalCapabilities
    /// Scratch per column: estimated bytes to write the new cell, whether it changed, and the
    /// prefix sums of the bytes of the unchanged cells.
    private var weight: [Int] = []
    private var changed: [Bool] = []
    private var unchangedPrefix: [Int] = []
    private var candidates: [Int] = []

    init(capabilities: TerminalCapabilities) {
        self.capabilities = capabilities
    }

    /// The shift to use for the row, or nil (also when the terminal has no `dch`/`ich`).
    mutating func plan(_ row: Row) -> HorizontalShift? {
        guard capabilities.deleteCharacters != nil, capabilities.insertCharacters != nil, row.cols >= Self.minimumSpan else { return nil }
        var first = 0
        while first < row.cols && row.equal(first, first) { first += 1 }
        guard first < row.cols else { return nil }
        var last = row.cols - 1
        while last > first && row.equal(last, last) { last -= 1 }
        let span = last - first + 1
        guard span >= Self.minimumSpan else { return nil }

        findCandidates(row, first: first, last: last)
        guard !candidates.isEmpty else { return nil }
        let ranked = rankBySamples(row, first: first, last: last)
        guard !ranked.isEmpty else { return nil }

        measureRow(row)
        var best: HorizontalShift? = nil, bestValue = 0
        for offset in ranked {
            if let (shift, value) = bestRun(row, offset: offset, first: first, last: last), value > bestValue {
                best = shift
                bestValue = value
            }
        }
        guard let best else { return nil }
        let without = estimate(row, nil), with = estimate(row, best)
        return with + Self.minimumSaving <= without ? best : nil
    }

    /// Candidate offsets from the three probes (distinct, into `candidates`).
    private mutating func findCandidates(_ row: Row, first: Int, last: Int) {
        candidates.removeAll(keepingCapacity: true)
        let span = last - first + 1
        let maxOffset = min(Self.maximumOffset, span)
        for probe in 0..<3 {
            var p = first + span * probe / 3
            var steps = 0
            while p < last && row.equal(p, p) && steps < 8 { p += 1; steps += 1 }
            let window = min(Self.probeWindow, row.cols - p)
            var left = 0, right = 0
            for k in 1...maxOffset {
                if left < Self.hitsPerProbe && p + k + window <= row.cols && windowMatches(row, p, k, window) {
                    add(k); left += 1
                }
                if right < Self.hitsPerProbe && p - k >= 0 && windowMatches(row, p, -k, window) {
                    add(-k); right += 1
                }
                if left == Self.hitsPerProbe && right == Self.hitsPerProbe { break }
            }
        }
    }

    @inline(__always)
    private func windowMatches(_ row: Row, _ p: Int, _ offset: Int, _ window: Int) -> Bool {
        for j in 0..<window {
            let s = p + j + offset
            if !row.validSource(s) || !row.equal(p + j, s) { return false }
        }
        return true
    }

    private mutating func add(_ offset: Int) {
        if !candidates.contains(offset) { candidates.append(offset) }
    }

    /// The candidates that match enough sampled columns, best first, at most three.
    private func rankBySamples(_ row: Row, first: Int, last: Int) -> [Int] {
        let span = last - first + 1
        var unshifted = 0
        for i in 0..<Self.samples {
            let x = first + span * i / Self.samples
            if row.equal(x, x) { unshifted += 1 }
        }
        var scored: [(offset: Int, matches: Int)] = []
        for offset in candidates {
            var matches = 0
            for i in 0..<Self.samples {
                let x = first + span * i / Self.samples
                if row.validSource(x + offset) && row.equal(x, x + offset) { matches += 1 }
            }
            if matches >= Self.minimumSampleMatches && matches > unshifted { scored.append((offset, matches)) }
        }
        scored.sort { $0.matches > $1.matches || ($0.matches == $1.matches && abs($0.offset) < abs($1.offset)) }
        return scored.prefix(3).map(\.offset)
    }

    /// Fills the per-column scratch: bytes to write each new cell (glyph and the SGR change
    /// from its left neighbour's style), whether it changed, prefix sums over unchanged cells.
    private mutating func measureRow(_ row: Row) {
        let n = row.cols
        if weight.count < n { weight = Array(repeating: 0, count: n); changed = Array(repeating: false, count: n) }
        if unchangedPrefix.count < n + 1 { unchangedPrefix = Array(repeating: 0, count: n + 1) }
        var previous: Style? = nil
        unchangedPrefix[0] = 0
        for x in 0..<n {
            let cell = row.new[row.start + x]
            var w = Self.glyphBytes(cell.character)
            if cell.style != previous { w += styleCost(from: previous, to: cell.style) }
            previous = cell.style
            weight[x] = w
            let c = !row.equal(x, x)
            changed[x] = c
            unchangedPrefix[x + 1] = unchangedPrefix[x] + (c ? 0 : w)
        }
    }

    /// The run [start, end) for `offset` that saves the most bytes, with its saving (bytes of
    /// cells no longer written, minus cells newly written, minus the blanked cells that were
    /// unchanged, minus the edits). Maximum-sum segment: value(a, e) = G(e) - G(a) - P(a) - Q(e)
    /// with G the prefix sum of per-cell savings, P and Q the costs of the blanked columns.
    private func bestRun(_ row: Row, offset: Int, first: Int, last: Int) -> (HorizontalShift, Int)? {
        let k = abs(offset), w = row.screenWidth, n = row.cols
        func unchangedBytes(_ lower: Int, _ upper: Int) -> Int {
            let l = max(0, min(lower, n)), u = max(l, min(upper, n))
            return unchangedPrefix[u] - unchangedPrefix[l]
        }
        var g = 0, minStart = Int.max, minStartColumn = 0
        var best = 0, bestStart = 0, bestEnd = 0
        let upper = min(n, last + 1 + k)
        for x in first..<upper {
            let source = x + offset
            guard row.validSource(source) else { minStart = Int.max; continue }
            let headCost = offset < 0 ? unchangedBytes(x - k, x) : 0
            if g + headCost < minStart { minStart = g + headCost; minStartColumn = x }
            let now = changed[x] ? weight[x] : 0
            let shifted = row.equal(x, source) ? 0 : weight[x]
            g += now - shifted
            let end = x + 1
            let tail = HorizontalShift(start: minStartColumn, end: end, offset: offset, screenWidth: w)
            let tailCost: Int
            if offset > 0 {
                tailCost = unchangedBytes(end, end + k) + (tail.sendsSecond ? movedCost(k) : 0)
            } else {
                tailCost = tail.sendsSecond ? unchangedBytes(max(end, w - k), w) + movedCost(k) : 0
            }
            let value = g - minStart - tailCost
            if value > best { best = value; bestStart = minStartColumn; bestEnd = end }
        }
        guard best > 0 else { return nil }
        let shift = HorizontalShift(start: bestStart, end: bestEnd, offset: offset, screenWidth: w)
        let firstEdit = offset > 0 ? capabilities.deleteCharacters!.cost(k) : capabilities.insertCharacters!.cost(k)
        return (shift, best - firstEdit)
    }

    /// The second edit and the cursor move to it (`ESC [ n C`, about 4 bytes).
    private func movedCost(_ k: Int) -> Int { 4 + 3 + FrameEncoder.digits(k) }

    /// Estimated bytes of the row's changes, with or without `shift`: its edits and the moves to
    /// them, then every written cell's glyph, an SGR where the style changes, and a move where
    /// written cells are not adjacent.
    func estimate(_ row: Row, _ shift: HorizontalShift?) -> Int {
        var cost = 0, lastWritten = -2
        var pen: Style? = nil
        if let shift {
            // The edits leave the cursor at the second (or only) edit's column.
            cost = shift.editCost(capabilities) + 8 + (shift.sendsSecond ? 4 : 0)
            lastWritten = (shift.sendsSecond ? shift.end : shift.firstColumn) - 1
        }
        for x in 0..<row.cols {
            let written: Bool
            if let shift {
                if x >= shift.start && x < shift.end { written = !row.equal(x, x + shift.offset) }
                else { written = shift.isUnknown(x) || changed[x] }
            } else {
                written = changed[x]
            }
            guard written else { continue }
            if x != lastWritten + 1 { cost += lastWritten < -1 || x <= lastWritten ? 8 : min(x - lastWritten - 1, 5) }
            let cell = row.new[row.start + x]
            cost += Self.glyphBytes(cell.character)
            if cell.style != pen { cost += styleCost(from: pen, to: cell.style) }
            pen = cell.style
            lastWritten = x
        }
        return cost
    }

    /// UTF-8 bytes of a scalar (what the writer sends for it, near enough).
    @inline(__always)
    static func glyphBytes(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        return v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
    }

    /// Bytes of the SGR sequence that changes `from` into `to`: its frame, and each colour
    /// (`38;5;n` or `3n`) and the attributes that differ.
    private func styleCost(from: Style?, to: Style) -> Int {
        guard let from else { return 3 + 2 * 9 + 4 }
        var cost = 3
        if capabilities.depth != .none {
            if from.foreground != to.foreground { cost += Self.colorCost(to.foreground) }
            if from.background != to.background { cost += Self.colorCost(to.background) }
        }
        if from.attributes != to.attributes { cost += 4 }
        return cost
    }

    private static func colorCost(_ c: Color) -> Int {
        switch c {
        case .default: return 3
        case .indexed(let i): return i < 16 ? 3 : 9
        case .rgb: return 9
        }
    }
}
