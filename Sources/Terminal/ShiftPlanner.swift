import Canvas

/// Chooses, for one changed row, the sideways move (`HorizontalShift`) that makes the row
/// cheapest to write, or none (issue 13). Cheap by construction, since most changed rows did
/// not scroll:
/// 1. Rows whose changed cells span fewer than `minimumSpan` columns, or where fewer than
///    `minimumChangedSamples` of `samples` columns spread over that span changed, are written
///    as they are (a shift saves only where many cells changed).
/// 2. Candidate offsets come from up to three probes (the first changed cell, then the first
///    changed cells a third and two thirds along the span, until one gives a confirmed
///    candidate): offsets k ≤ `maximumOffset` where the previous row held, k columns to the
///    right (or left), the `probeWindow` cells that now start at the probe; at most
///    `hitsPerProbe` per direction and probe.
/// 3. A candidate is confirmed when it matches at least half of the changed sampled columns
///    (and 4); the two best go on.
/// 4. For each, the run is the one that saves the most estimated bytes (`bestRun`): the
///    bytes of the row without the shift minus the bytes with it, where a written cell costs
///    its UTF-8 bytes plus an SGR change when its style differs from its left neighbour's, and
///    the shift costs its edits, the move to the second edit and the cells its blanks make
///    unknown. The shift is used when that saving is at least `minimumSaving` bytes.
/// Comparisons here are bitwise only (`CellBits`): a cell pair with equal values but unequal
/// bits counts as different, which can only make a shift look worse. Estimates decide how many
/// bytes go out, never what the screen shows (the encoder compares exactly).
struct ShiftPlanner {
    static let minimumSpan = 12
    static let samples = 16
    static let minimumChangedSamples = 6
    static let maximumOffset = 64
    static let probeWindow = 4
    static let hitsPerProbe = 3
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

        /// Whether the new cell at x has the bits of the previous cell at `source`.
        @inline(__always)
        func equal(_ x: Int, _ source: Int) -> Bool {
            CellBits.same(new, at: start + x, old, at: start + source)
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

    /// `CellBits.styleMasks()`, (0, 0) when unavailable (then every neighbour is taken to have
    /// the same style: a coarser estimate, nothing else).
    private let styleMasks: (UInt64, UInt64)

    init(capabilities: TerminalCapabilities) {
        self.capabilities = capabilities
        styleMasks = CellBits.styleMasks() ?? (0, 0)
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
        var changedSamples = 0
        for i in 0..<Self.samples where !row.equal(first + span * i / Self.samples, first + span * i / Self.samples) {
            changedSamples += 1
        }
        guard changedSamples >= Self.minimumChangedSamples else { return nil }

        // Probes one after another until one gives a candidate that the samples confirm.
        candidates.removeAll(keepingCapacity: true)
        var best: Int? = nil, second: Int? = nil
        for probe in 0..<3 where best == nil {
            addCandidates(row, probe: probe, first: first, last: last)
            (best, second) = twoBest(row, first: first, last: last, changedSamples: changedSamples)
        }
        guard let best else { return nil }

        let upper = min(row.cols, last + 1 + Self.maximumOffset)
        measure(row, upTo: upper)
        var choice = bestRun(row, offset: best, first: first, upper: upper)
        if let second, let other = bestRun(row, offset: second, first: first, upper: upper), other.saving > (choice?.saving ?? 0) {
            choice = other
        }
        guard let choice, choice.saving >= Self.minimumSaving else { return nil }
        return choice.shift
    }

    /// Adds the offsets found at probe 0, 1 or 2 (the first changed cell at or after the start,
    /// a third, two thirds of the span) to `candidates`.
    private mutating func addCandidates(_ row: Row, probe: Int, first: Int, last: Int) {
        let span = last - first + 1
        let maxOffset = min(Self.maximumOffset, span)
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

    /// The two candidates matching the most changed sampled columns (at least half of them and
    /// 4; ties go to the smaller move).
    private func twoBest(_ row: Row, first: Int, last: Int, changedSamples: Int) -> (Int?, Int?) {
        let span = last - first + 1
        let needed = max(4, (changedSamples + 1) / 2)
        var best: (offset: Int, matches: Int)? = nil, second: (offset: Int, matches: Int)? = nil
        for offset in candidates {
            var matches = 0
            for i in 0..<Self.samples {
                let x = first + span * i / Self.samples
                if !row.equal(x, x) && row.validSource(x + offset) && row.equal(x, x + offset) { matches += 1 }
            }
            guard matches >= needed else { continue }
            let c = (offset, matches)
            if let b = best, !(matches > b.matches || (matches == b.matches && abs(offset) < abs(b.offset))) {
                if second == nil || matches > second!.matches { second = c }
            } else {
                second = best
                best = c
            }
        }
        return (best?.offset, second?.offset)
    }

    /// Fills the per-column scratch for columns 0..<upper: bytes to write each new cell (glyph,
    /// and an SGR change from its left neighbour's style), whether it changed, and prefix sums
    /// over the unchanged cells' bytes (columns from `upper` count as unchanged and 1 byte).
    private mutating func measure(_ row: Row, upTo upper: Int) {
        let n = row.cols
        if weight.count < n { weight = Array(repeating: 0, count: n); changed = Array(repeating: false, count: n) }
        if unchangedPrefix.count < n + 1 { unchangedPrefix = Array(repeating: 0, count: n + 1) }
        let masks = styleMasks, colours = capabilities.depth != .none
        weight.withUnsafeMutableBufferPointer { weight in
            changed.withUnsafeMutableBufferPointer { changed in
                unchangedPrefix.withUnsafeMutableBufferPointer { prefix in
                    var styleStart = row.start
                    prefix[0] = 0
                    for x in 0..<n {
                        if x >= upper { prefix[x + 1] = prefix[x] + 1; continue }
                        let i = row.start + x
                        var w = Self.glyphBytes(row.new[i].character)
                        if !CellBits.sameStyle(row.new, at: i, styleStart, masks: masks) {
                            w += Self.styleCost(from: row.new[styleStart].style, to: row.new[i].style, colours: colours)
                            styleStart = i
                        }
                        weight[x] = w
                        let c = !row.equal(x, x)
                        changed[x] = c
                        prefix[x + 1] = prefix[x] + (c ? 0 : w)
                    }
                }
            }
        }
    }

    /// The run for `offset` that saves the most estimated bytes, and that saving. For a run
    /// [a, e): saving(a, e) = G(e) − G(a) − P(a) − Q(e) − (first edit), G the prefix sum of the
    /// per-cell saving (bytes of cells no longer written minus bytes of cells newly written), P
    /// and Q the bytes of the unchanged cells the edits blank (left of the run for a move right,
    /// right of it for a move left, and the line's last k for a move right) plus the second
    /// edit and the cursor move to it. One pass, keeping the best start so far.
    private func bestRun(_ row: Row, offset: Int, first: Int, upper: Int) -> (shift: HorizontalShift, saving: Int)? {
        guard let dch = capabilities.deleteCharacters, let ich = capabilities.insertCharacters else { return nil }
        let k = abs(offset), w = row.screenWidth, n = row.cols
        let secondEdit = 4 + (offset > 0 ? ich : dch).cost(k)
        var best = 0, bestStart = 0, bestEnd = 0
        weight.withUnsafeBufferPointer { weight in
            changed.withUnsafeBufferPointer { changed in
                unchangedPrefix.withUnsafeBufferPointer { prefix in
                    func unchangedBytes(_ lower: Int, _ upper: Int) -> Int {
                        let l = max(0, min(lower, n)), u = max(l, min(upper, n))
                        return prefix[u] - prefix[l]
                    }
                    var g = 0, minStart = Int.max, minStartColumn = 0
                    for x in first..<upper {
                        let source = x + offset
                        guard row.validSource(source) else { minStart = Int.max; continue }
                        let headCost = offset < 0 ? unchangedBytes(x - k, x) : 0
                        if g + headCost < minStart { minStart = g + headCost; minStartColumn = x }
                        g += (changed[x] ? weight[x] : 0) - (row.equal(x, source) ? 0 : weight[x])
                        let end = x + 1
                        let tailCost: Int
                        if offset > 0 {
                            tailCost = unchangedBytes(end, end + k) + (end + k < w ? secondEdit : 0)
                        } else {
                            tailCost = end < w ? unchangedBytes(max(end, w - k), w) + secondEdit : 0
                        }
                        let value = g - minStart - tailCost
                        if value > best { best = value; bestStart = minStartColumn; bestEnd = end }
                    }
                }
            }
        }
        guard best > 0 else { return nil }
        let firstEdit = (offset > 0 ? dch : ich).cost(k)
        return (HorizontalShift(start: bestStart, end: bestEnd, offset: offset, screenWidth: w), best - firstEdit)
    }

    /// UTF-8 bytes of a scalar (what the writer sends for it, near enough).
    @inline(__always)
    static func glyphBytes(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        return v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
    }

    /// Bytes of the SGR sequence that changes `from` into `to`: its frame, and each colour
    /// (`38;5;n` or `3n`) and the attributes that differ.
    private static func styleCost(from: Style, to: Style, colours: Bool) -> Int {
        var cost = 3
        if colours {
            if from.foreground != to.foreground { cost += colorCost(to.foreground) }
            if from.background != to.background { cost += colorCost(to.background) }
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
