import Canvas

/// Chooses, for one changed row, the sideways move (`HorizontalShift`) that makes the row
/// cheapest to write, or none (issue 13). Cheap by construction, since most changed rows did
/// not scroll and the ones that did mostly scroll as they did in the last frame:
/// 1. Rows whose changed cells span fewer than `minimumSpan` columns, or where fewer than
///    `minimumChangedSamples` of `samples` columns spread over that span changed, are written
///    as they are (a shift saves only where many cells changed).
/// 2. Remembered offsets (`Hints`, from `ShiftMemory`) are tried first: the row's offset in
///    the last frame and its neighbours ±1 (a strip moving a non-whole number of cells per
///    frame alternates, e.g. 38 and 39), the best of the three, then the offset just chosen for
///    the row above (the rows of one strip move alike). One is confirmed when it matches at
///    least a quarter of the changed sampled columns (and 4): a strip that moves most of its
///    width a frame keeps only a small part in view, and the run search below decides anyway.
/// 3. Otherwise candidates come from up to three probes (the first changed cell, then the first
///    changed cells a third and two thirds along the span, until one gives a confirmed
///    candidate): offsets k ≤ `maximumOffset` where the previous row held, k columns to the
///    right (or left), the `probeWindow` cells that now start at the probe; at most
///    `hitsPerProbe` per direction and probe; confirmed by half of the changed sampled columns
///    (and 4). The two best go on. A row whose probes found nothing in the last frame does not
///    probe in this one unless it is its turn (`Hints.probe`, every `reprobePeriod` frames),
///    so rows that change without moving probe at most every other frame; a row without a remembered offset probes
///    far in turn (`Hints.far`, every `farProbePeriod` frames: k up to the span,
///    `farHitsPerProbe` hits, confirmed like remembered offsets), so a raster moving 40 cells
///    a frame is found once and then remembered.
/// 4. For each candidate, the run is the one that saves the most estimated bytes (`bestRun`):
///    the bytes of the row without the shift minus the bytes with it, where every written cell
///    costs the mean bytes of the sampled changed cells (glyph, and an SGR change where the
///    style differs from the left neighbour's), and the shift costs its two edits, the cursor
///    move to the second and the unchanged cells its blanks make unknown. It is used when that
///    saving is at least `minimumSaving` bytes.
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
    static let farHitsPerProbe = 6
    /// A row without a remembered move probes far once in this many frames.
    static let farProbePeriod = 8
    /// A row whose probes found nothing in the last frame probes in this one only on its turn,
    /// once in this many frames (a row that starts scrolling is also found from the row above).
    static let reprobePeriod = 4
    static let minimumSaving = 8

    /// What earlier choices suggest for a row.
    struct Hints {
        /// The row's move in the last frame (`ShiftMemory`).
        var previous = ShiftMemory.Entry.none
        /// The offset chosen for the row above in this frame (0: none).
        var above = 0
        /// Whether probes look up to the span instead of `maximumOffset`.
        var far = false
        /// Whether to probe when no remembered offset fits (false: the row's probes found
        /// nothing in the last frame and it is not its turn).
        var probe = true
    }

    /// Whether the last `plan` probed and found no candidate.
    private(set) var probedInVain = false

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
    /// Scratch: the sampled columns whose cells changed.
    private var sampled: [Int] = []

    init(capabilities: TerminalCapabilities) {
        self.capabilities = capabilities
    }

    /// The shift to use for the row whose changed cells lie in first...last (the cells outside
    /// have equal bits), or nil (also when the terminal has no `dch`/`ich`).
    mutating func plan(_ row: Row, first: Int, last: Int, hints: Hints = Hints()) -> HorizontalShift? {
        probedInVain = false
        guard capabilities.deleteCharacters != nil, capabilities.insertCharacters != nil else { return nil }
        let span = last - first + 1
        guard span >= Self.minimumSpan else { return nil }
        sampled.removeAll(keepingCapacity: true)
        for i in 0..<Self.samples {
            let x = first + span * i / Self.samples
            if !row.equal(x, x) { sampled.append(x) }
        }
        guard sampled.count >= Self.minimumChangedSamples else { return nil }
        // Probes need half of the changed samples; a remembered offset or one from far away a
        // quarter (a strip moving most of its width a frame keeps a small part in view), since
        // the run search decides anyway.
        let needed = max(4, (sampled.count + 1) / 2), neededRemembered = max(4, (sampled.count + 3) / 4)

        var best: Int? = nil, second: Int? = nil
        let remembered = Int(hints.previous.offset)
        if remembered != 0 {
            var most = neededRemembered - 1
            for d in 0..<3 {
                let k = remembered + (d == 0 ? 0 : d == 1 ? -1 : 1)
                guard k != 0 else { continue }
                let m = matches(row, k)
                if m > most { most = m; best = k }
            }
        }
        if best == nil, hints.above != 0, abs(hints.above - remembered) > 1 || remembered == 0, matches(row, hints.above) >= neededRemembered {
            best = hints.above
        }
        if best == nil && (hints.probe || hints.far) {
            // Probes one after another until one gives a candidate that the samples confirm.
            let far = hints.far
            candidates.removeAll(keepingCapacity: true)
            for probe in 0..<3 where best == nil {
                addCandidates(row, probe: probe, first: first, last: last, far: far)
                (best, second) = twoBest(row, needed: far ? neededRemembered : needed)
            }
            probedInVain = best == nil
        }
        guard let best else { return nil }

        var sampledBytes = 0
        for x in sampled { sampledBytes += cellBytes(row, x) }
        let cellCost = max(1, (sampledBytes + sampled.count / 2) / sampled.count)
        countUnchanged(row, first: first, last: last)
        var choice = bestRun(row, offset: best, first: first, upper: last + 1 + abs(best), cellCost: cellCost)
        if let second, let other = bestRun(row, offset: second, first: first, upper: last + 1 + abs(second), cellCost: cellCost),
           other.saving > (choice?.saving ?? 0) {
            choice = other
        }
        guard let choice, choice.saving >= Self.minimumSaving else { return nil }
        return choice.shift
    }

    /// How many changed sampled columns show, at `offset`, the previous row's cell.
    private func matches(_ row: Row, _ offset: Int) -> Int {
        var n = 0
        for x in sampled where row.validSource(x + offset) && row.equal(x, x + offset) { n += 1 }
        return n
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
    private mutating func addCandidates(_ row: Row, probe: Int, first: Int, last: Int, far: Bool) {
        let span = last - first + 1
        let maxOffset = far ? span : min(Self.maximumOffset, span)
        let hits = far ? Self.farHitsPerProbe : Self.hitsPerProbe
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
            if left < hits && p + k + window <= row.cols && startsAt(p + k) && windowMatches(row, p, k, window) {
                add(k); left += 1
            }
            if right < hits && p - k >= 0 && startsAt(p - k) && windowMatches(row, p, -k, window) {
                add(-k); right += 1
            }
            if left == hits && right == hits { break }
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

    /// The two candidates matching the most changed sampled columns (at least `needed`; ties go
    /// to the smaller move).
    private func twoBest(_ row: Row, needed: Int) -> (Int?, Int?) {
        var best: (offset: Int, matches: Int)? = nil, second: (offset: Int, matches: Int)? = nil
        for offset in candidates {
            let m = matches(row, offset)
            guard m >= needed else { continue }
            let c = (offset, m)
            if let b = best, !(m > b.matches || (m == b.matches && abs(offset) < abs(b.offset))) {
                if second == nil || m > second!.matches { second = c }
            } else {
                second = best
                best = c
            }
        }
        return (best?.offset, second?.offset)
    }

    /// Fills `unchanged` (prefix counts of unchanged cells) for the row, whose cells outside
    /// first...last are unchanged (compared only inside).
    mutating func countUnchanged(_ row: Row, first: Int, last: Int) {
        let n = row.cols
        if unchanged.count < n + 1 { unchanged = Array(repeating: 0, count: n + 1) }
        unchanged.withUnsafeMutableBufferPointer { u in
            for x in 0...first { u[x] = Int32(x) }
            var count = Int32(first)
            for x in first...last {
                if row.equal(x, x) { count += 1 }
                u[x + 1] = count
            }
            for x in last + 1..<n {
                count += 1
                u[x + 1] = count
            }
        }
    }

    /// The run for `offset` that saves the most estimated bytes, and that saving. In cells of
    /// `cellCost` bytes, for a run [a, e): saving(a, e) = G(e) − G(a) − P(a) − Q(e) − (first
    /// edit), G the prefix sum over the run of (changed − still changed after the move), P and
    /// Q the unchanged cells the edits blank (left of the run for a move right; right of it for
    /// a move left, and the line's last k for a move right) plus the second edit and the cursor
    /// move to it. One pass over the columns whose source is on the row (a run never crosses
    /// the one whose source the screen may not show), keeping the best start so far; G, P and Q
    /// are counted in cells.
    func bestRun(_ row: Row, offset: Int, first: Int, upper: Int, cellCost c: Int)
        -> (shift: HorizontalShift, saving: Int)? {
        guard let dch = capabilities.deleteCharacters, let ich = capabilities.insertCharacters else { return nil }
        let k = abs(offset), w = row.screenWidth, n = row.cols
        let secondEdit = 4 + (offset > 0 ? ich : dch).cost(k)
        let lower = max(first, -offset), upper = min(upper, n, n - offset)
        guard lower < upper else { return nil }
        let unknownColumn = row.unknownSource - offset
        var best = 0, bestStart = 0, bestEnd = 0
        // Locals (not the row's fields through the closure) and wrapping arithmetic: the values
        // are at most a few thousand, and this loop is most of a planned row's cost.
        let newCells = row.new, oldCells = row.old, stride = row.stride, mask = row.mask
        @inline(__always) func moved(_ x: Int) -> Bool {
            let p = newCells + x &* stride, q = oldCells + (x &+ offset) &* stride
            return p.loadUnaligned(as: UInt64.self) == q.loadUnaligned(as: UInt64.self)
                && (p.loadUnaligned(fromByteOffset: 8, as: UInt64.self) ^ q.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & mask == 0
        }
        unchanged.withUnsafeBufferPointer { buffer in
            guard let u = buffer.baseAddress else { return }
            var g = 0, minStart = Int.max, minStartColumn = lower
            if offset > 0 {
                for x in lower..<upper {
                    if x == unknownColumn { minStart = Int.max; continue }
                    if g < minStart { minStart = g; minStartColumn = x }
                    let m = moved(x)
                    if m != (u[x &+ 1] != u[x]) { g = m ? g &+ 1 : g &- 1 }
                    // A move left blanks the k columns right of the run (an ICH unless at the margin).
                    let end = x &+ 1, blanked = end &+ k      // ≤ n: the source x + k is on the row
                    let value = c &* (g &- minStart &- Int(u[blanked] &- u[end])) &- (blanked < w ? secondEdit : 0)
                    if value > best { best = value; bestStart = minStartColumn; bestEnd = end }
                }
            } else {
                let total = Int(u[n])
                for x in lower..<upper {
                    if x == unknownColumn { minStart = Int.max; continue }
                    // A move right blanks the k columns left of the run.
                    let start = g &+ Int(u[x] &- u[x &- k])
                    if start < minStart { minStart = start; minStartColumn = x }
                    let m = moved(x)
                    if m != (u[x &+ 1] != u[x]) { g = m ? g &+ 1 : g &- 1 }
                    // It blanks the line's last k columns too (a DCH unless at the margin).
                    let end = x &+ 1
                    let value = end < w ? c &* (g &- minStart &- (total &- Int(u[min(max(end, w &- k), n)]))) &- secondEdit
                                        : c &* (g &- minStart)
                    if value > best { best = value; bestStart = minStartColumn; bestEnd = end }
                }
            }
        }
        guard best > 0 else { return nil }
        let firstEdit = (offset > 0 ? dch : ich).cost(k)
        return (HorizontalShift(start: bestStart, end: bestEnd, offset: offset, screenWidth: w), best - firstEdit)
    }
}
