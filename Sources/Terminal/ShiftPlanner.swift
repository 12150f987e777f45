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
/// 4. For each, the run is the one that saves the most estimated bytes (`bestRun`): the bytes
///    of the row without the shift minus the bytes with it, where every written cell costs the
///    mean bytes of the sampled changed cells (glyph, and an SGR change where the style differs
///    from the left neighbour's), and the shift costs its two edits, the cursor move to the
///    second and the unchanged cells its blanks make unknown. It is used when that saving is at
///    least `minimumSaving` bytes.
/// Comparisons here are bitwise only (`CellBits`): a cell pair with equal values but unequal
/// bits counts as different, which can only make a shift look worse. Estimates decide how many
/// bytes go out, never what the screen shows (the encoder compares exactly).
struct ShiftPlanner {
    static let minimumSpan = 12
    static let samples = 16
    static let minimumChangedSamples = 6
    static let maximumOffset = 32
    static let probeWindow = 4
    static let hitsPerProbe = 2
    static let minimumSaving = 8

    /// One row of the two frames (columns 0..<cols) seen as raw cells, the screen's width, and
    /// the column whose previous cell the screen may not show (the bottom-right cell the writer
    /// never writes where writing it scrolls; -1 for none).
    struct Row {
        let new: UnsafeRawPointer
        let old: UnsafeRawPointer
        let stride: Int
        let mask: UInt64
        let cols: Int
        let screenWidth: Int
        let unknownSource: Int

        /// Nil when cells cannot be compared as two words (`CellBits.words`).
        init?(new: UnsafeBufferPointer<Cell>, old: UnsafeBufferPointer<Cell>, start: Int, cols: Int, screenWidth: Int,
              unknownSource: Int) {
            guard let words = CellBits.words, let n = new.baseAddress, let o = old.baseAddress,
                  start >= 0, start + cols <= new.count, start + cols <= old.count else { return nil }
            self.new = UnsafeRawPointer(n + start)
            self.old = UnsafeRawPointer(o + start)
            stride = words.stride
            mask = words.secondWordMask
            self.cols = cols
            self.screenWidth = screenWidth
            self.unknownSource = unknownSource
        }

        /// Whether the new cell at x has the bits of the previous cell at `source`.
        @inline(__always)
        func equal(_ x: Int, _ source: Int) -> Bool {
            let a = new + x &* stride, b = old + source &* stride
            return a.loadUnaligned(as: UInt64.self) == b.loadUnaligned(as: UInt64.self)
                && (a.loadUnaligned(fromByteOffset: 8, as: UInt64.self) ^ b.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & mask == 0
        }

        @inline(__always)
        func validSource(_ s: Int) -> Bool { s >= 0 && s < cols && s != unknownSource }

        /// The new cell at x.
        func cell(_ x: Int) -> Cell { new.advanced(by: x &* stride).assumingMemoryBound(to: Cell.self).pointee }
    }

    let capabilities: TerminalCapabilities
    /// Scratch: `unchanged[x]` = number of unchanged cells in columns 0..<x.
    private var unchanged: [Int32] = []
    private var candidates: [Int] = []

    init(capabilities: TerminalCapabilities) {
        self.capabilities = capabilities
    }

    /// The shift to use for the row whose changed cells lie in first...last (the cells outside
    /// have equal bits), or nil (also when the terminal has no `dch`/`ich`).
    mutating func plan(_ row: Row, first: Int, last: Int) -> HorizontalShift? {
        guard capabilities.deleteCharacters != nil, capabilities.insertCharacters != nil else { return nil }
        let span = last - first + 1
        guard span >= Self.minimumSpan else { return nil }
        var changedSamples = 0, sampledBytes = 0
        for i in 0..<Self.samples {
            let x = first + span * i / Self.samples
            if !row.equal(x, x) {
                changedSamples += 1
                sampledBytes += cellBytes(row, x)
            }
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

        let cellCost = max(1, (sampledBytes + changedSamples / 2) / changedSamples)
        countUnchanged(row)
        var choice = bestRun(row, offset: best, first: first, upper: last + 1 + abs(best), cellCost: cellCost)
        if let second, let other = bestRun(row, offset: second, first: first, upper: last + 1 + abs(second), cellCost: cellCost),
           other.saving > (choice?.saving ?? 0) {
            choice = other
        }
        guard let choice, choice.saving >= Self.minimumSaving else { return nil }
        return choice.shift
    }

    /// Estimated bytes to write the new cell at x after its left neighbour: its glyph's UTF-8
    /// and, where the style differs, an SGR sequence (its frame, each colour `38;5;n` or `3n`,
    /// the attributes).
    private func cellBytes(_ row: Row, _ x: Int) -> Int {
        let cell = row.cell(x)
        let v = cell.character.value
        var bytes = v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        guard x > 0 else { return bytes }
        let left = row.cell(x - 1).style, style = cell.style
        if left == style { return bytes }
        bytes += 3
        if capabilities.depth != .none {
            if left.foreground != style.foreground { bytes += Self.colorBytes(style.foreground) }
            if left.background != style.background { bytes += Self.colorBytes(style.background) }
        }
        if left.attributes != style.attributes { bytes += 4 }
        return bytes
    }

    private static func colorBytes(_ c: Color) -> Int {
        switch c {
        case .default: return 3
        case .indexed(let i): return i < 16 ? 3 : 9
        case .rgb: return 9
        }
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
        // The probe cell's words, compared with each old column before the whole window is.
        let a = row.new + p &* row.stride
        let a0 = a.loadUnaligned(as: UInt64.self), a1 = a.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & row.mask
        @inline(__always) func startsAt(_ s: Int) -> Bool {
            let b = row.old + s &* row.stride
            return b.loadUnaligned(as: UInt64.self) == a0 && b.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & row.mask == a1
        }
        var left = 0, right = 0
        for k in 1...maxOffset {
            if left < Self.hitsPerProbe && p + k + window <= row.cols && startsAt(p + k) && windowMatches(row, p, k, window) {
                add(k); left += 1
            }
            if right < Self.hitsPerProbe && p - k >= 0 && startsAt(p - k) && windowMatches(row, p, -k, window) {
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

    /// Fills `unchanged` (prefix counts of unchanged cells) for the row.
    private mutating func countUnchanged(_ row: Row) {
        let n = row.cols
        if unchanged.count < n + 1 { unchanged = Array(repeating: 0, count: n + 1) }
        unchanged.withUnsafeMutableBufferPointer { u in
            var count: Int32 = 0
            u[0] = 0
            for x in 0..<n {
                if row.equal(x, x) { count += 1 }
                u[x + 1] = count
            }
        }
    }

    /// The run for `offset` that saves the most estimated bytes, and that saving. In cells of
    /// `cellCost` bytes, for a run [a, e): saving(a, e) = G(e) − G(a) − P(a) − Q(e) − (first
    /// edit), G the prefix sum over the run of (changed − still changed after the move), P and
    /// Q the unchanged cells the edits blank (left of the run for a move right; right of it for
    /// a move left, and the line's last k for a move right) plus the second edit and the cursor
    /// move to it. One pass, keeping the best start so far.
    private func bestRun(_ row: Row, offset: Int, first: Int, upper: Int, cellCost c: Int)
        -> (shift: HorizontalShift, saving: Int)? {
        guard let dch = capabilities.deleteCharacters, let ich = capabilities.insertCharacters else { return nil }
        let k = abs(offset), w = row.screenWidth, n = row.cols
        let secondEdit = 4 + (offset > 0 ? ich : dch).cost(k)
        var best = 0, bestStart = 0, bestEnd = 0
        let upper = min(upper, n)
        unchanged.withUnsafeBufferPointer { u in
            var g = 0, minStart = Int.max, minStartColumn = 0
            for x in first..<upper {
                let source = x + offset
                guard source >= 0 && source < n && source != row.unknownSource else { minStart = Int.max; continue }
                // A move right blanks the k columns left of the run.
                let head = offset < 0 ? c * Int(u[x] - u[x - k]) : 0
                if g + head < minStart { minStart = g + head; minStartColumn = x }
                let wasChanged = u[x + 1] == u[x]
                if wasChanged == row.equal(x, source) { g += wasChanged ? c : -c }
                let end = x + 1
                let tail: Int
                if offset > 0 {
                    // A move left blanks the k columns right of the run (an ICH unless at the margin).
                    tail = c * Int(u[min(end + k, n)] - u[end]) + (end + k < w ? secondEdit : 0)
                } else {
                    // A move right blanks the line's last k columns (a DCH unless at the margin).
                    tail = end < w ? c * Int(u[n] - u[min(max(end, w - k), n)]) + secondEdit : 0
                }
                let value = g - minStart - tail
                if value > best { best = value; bestStart = minStartColumn; bestEnd = end }
            }
        }
        guard best > 0 else { return nil }
        let firstEdit = (offset > 0 ? dch : ich).cost(k)
        return (HorizontalShift(start: bestStart, end: bestEnd, offset: offset, screenWidth: w), best - firstEdit)
    }
}
