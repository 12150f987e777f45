// The frame writer's memory of each row's sideways move (`ShiftMemory`): an offset found once is
// tried first in the next frames (also beyond the probes' reach), speed changes and stops are
// followed, a full repaint forgets everything, and every frame replayed on the screen model shows
// exactly its buffer.
import Canvas
import Testing
@testable import Terminal

@Suite struct ShiftMemoryTests {
    /// One replayed frame: its DCH/ICH sequences, bytes, and the memory after it.
    struct Frame {
        var edits: [String]
        var bytes: Int
        var memory: ShiftMemory
    }

    /// Encodes `frames` one after another (the first is a full repaint) with one memory carried
    /// across them (or a fresh one per frame when not `remembering`), feeding the screen model
    /// with poisoned blanks (`extraColumns` wider than the buffers); every frame must show its
    /// buffer exactly (but for the bottom-right cell where writing it scrolls).
    static func replay(_ frames: [CellBuffer], caps: TerminalCapabilities = xtermCapabilities(), extraColumns: Int = 0,
                       remembering: Bool = true) -> [Frame] {
        let encoder = FrameEncoder(capabilities: caps, scalarWidth: testWidth)
        var screen = ScreenModel(width: frames[0].width + extraColumns, height: frames[0].height)
        screen.poisonedBlanks = true
        var pen = Pen.unknown, previous: CellBuffer? = nil, shifts = ShiftMemory()
        var result: [Frame] = []
        for (n, buffer) in frames.enumerated() {
            if previous.map({ $0.width != buffer.width || $0.height != buffer.height }) ?? false {
                screen = ScreenModel(width: buffer.width + extraColumns, height: buffer.height)
                screen.poisonedBlanks = true
            }
            if !remembering { shifts = ShiftMemory() }
            var out: [UInt8] = []
            encoder.encode(previous: previous, next: buffer, screenWidth: screen.width, screenHeight: buffer.height, pen: &pen,
                           shifts: &shifts, into: &out)
            let before = screen.edits
            screen.feed(out)
            var wrong: [String] = []
            for y in 0..<buffer.height {
                for x in 0..<buffer.width {
                    if caps.lastCellScrolls && x == screen.width - 1 && y == buffer.height - 1 { continue }
                    let cell = buffer[x, y]
                    if !looksAlike(glyph: screen.glyphs[y * screen.width + x], pen: screen.pens[y * screen.width + x],
                                   wantGlyph: CellDiff.displayScalar(cell.character, width: testWidth), wantPen: encoder.resolve(cell.style)) {
                        wrong.append("(\(x),\(y))")
                    }
                }
            }
            #expect(wrong.isEmpty && screen.errors.isEmpty, "frame \(n): cells \(wrong.prefix(8)) differ, \(screen.errors)")
            let text = String(String.UnicodeScalarView(String(decoding: out, as: UTF8.self).unicodeScalars.map { $0 == "\u{1b}" ? "␛" : $0 }))
            let edits = editSequences(text)
            #expect(edits.count == screen.edits - before)
            result.append(Frame(edits: edits, bytes: out.count, memory: shifts))
            previous = buffer
        }
        return result
    }

    static let glyphs = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".unicodeScalars)
    static let styles: [Style] = [.plain, Style(foreground: .indexed(1)), Style(foreground: .indexed(4)),
                                  Style(foreground: .indexed(200), background: .indexed(17))]

    /// Frames of `width` × `height` blanks but for row `row`, whose columns `lower..<upper` scroll
    /// left by `speeds[f]` cells from frame f to f + 1 (new random cells enter at the right; a
    /// speed of 0 changes `changesWhenStill` random cells in place instead), and a clock at
    /// column 1 that changes every frame.
    static func strip(width: Int, height: Int, row: Int, lower: Int, upper: Int, speeds: [Int], seed: UInt64,
                      changesWhenStill: Int = 0) -> [CellBuffer] {
        let random = FrameEncoderShiftTests.generator(seed)
        func cell() -> Cell { Cell(glyphs[random(glyphs.count)], style: styles[random(styles.count)]) }
        var buffer = CellBuffer(width: width, height: height)
        for x in lower..<upper { buffer[x, row] = cell() }
        var frames = [buffer]
        for (f, k) in speeds.enumerated() {
            let before = buffer
            if k > 0 {
                for x in lower..<upper - k { buffer[x, row] = before[x + k, row] }
                for x in upper - k..<upper { buffer[x, row] = cell() }
            } else {
                for _ in 0..<changesWhenStill { buffer[lower + random(upper - lower), row] = cell() }
            }
            buffer[1, row] = Cell(glyphs[f % glyphs.count])
            frames.append(buffer)
        }
        return frames
    }

    /// The offset of a frame's move from its first edit (DCH k: k, ICH k: -k), nil without one.
    static func offset(_ frame: Frame) -> Int? {
        guard let first = frame.edits.first else { return nil }
        let k = Int(first.dropFirst(2).dropLast()) ?? 0
        return first.hasSuffix("P") ? k : -k
    }

    /// A strip moving 40 or 41 cells a frame (beyond `ShiftPlanner.maximumOffset`): found on the
    /// row's first far-probing frame, then every frame from memory (41 as 40's neighbour);
    /// without memory only on far-probing frames.
    @Test func offsetBeyondTheProbesIsCarriedFromFrameToFrame() throws {
        let row = 3, period = ShiftPlanner.farProbePeriod
        try #require(40 > ShiftPlanner.maximumOffset)
        let speeds = (0..<20).map { $0 % 3 == 2 ? 41 : 40 }
        let frames = Self.strip(width: 170, height: 5, row: row, lower: 10, upper: 160, speeds: speeds, seed: 7)
        let remembered = Self.replay(frames)
        // Frame n (n ≥ 1) is the memory's frame n: row 3 probes far when (n + 3) % period == 0.
        let found = try #require((1..<frames.count).first { ($0 + row) % period == 0 })
        for n in 1..<frames.count {
            let expected: Int? = n < found ? nil : speeds[n - 1]
            #expect(Self.offset(remembered[n]) == expected, "frame \(n)")
            #expect(remembered[n].memory[row].offset == Int32(expected ?? 0), "frame \(n)")
        }
        let fresh = Self.replay(frames, remembering: false)
        for n in 1..<frames.count {
            // A fresh memory is at frame 1, where row 3 never probes far (period > 4).
            #expect(Self.offset(fresh[n]) == nil, "frame \(n) without memory")
        }
        let bytes = remembered.dropFirst(found).reduce(0) { $0 + $1.bytes }
        let freshBytes = fresh.dropFirst(found).reduce(0) { $0 + $1.bytes }
        #expect(bytes * 2 < freshBytes, "\(bytes) bytes with memory, \(freshBytes) without")
    }

    /// A strip that speeds up and slows down: every frame moves by that frame's speed (a
    /// remembered offset that no longer fits is dropped for the probes' or its neighbour's).
    @Test func rowWhoseScrollChangesSpeedIsFollowed() {
        let speeds = [9, 9, 10, 9, 10, 12, 12, 3, 3, 20, 19, 30, 2, 1, 1]
        let frames = Self.strip(width: 120, height: 4, row: 2, lower: 4, upper: 116, speeds: speeds, seed: 11)
        let replayed = Self.replay(frames)
        for n in 1..<frames.count {
            #expect(Self.offset(replayed[n]) == speeds[n - 1], "frame \(n)")
            #expect(replayed[n].memory[2].offset == Int32(speeds[n - 1]), "frame \(n)")
        }
    }

    /// A strip that stops: changes in place are written cell by cell (no move from memory), the
    /// memory forgets the offset, and a later start is found again (the few changes in place
    /// were no reason to probe, so nothing holds the probes back).
    @Test func rowThatStopsScrollingIsWrittenInPlace() {
        let speeds = [9, 9, 9, 0, 0, 0, 0, 9, 9]
        let frames = Self.strip(width: 120, height: 4, row: 1, lower: 4, upper: 116, speeds: speeds, seed: 13, changesWhenStill: 8)
        let replayed = Self.replay(frames)
        let plain = Self.replay(frames, caps: capabilitiesWithoutShifts())
        for n in 1..<frames.count {
            let k = speeds[n - 1]
            #expect(Self.offset(replayed[n]) == (k == 0 ? nil : k), "frame \(n)")
            #expect(replayed[n].memory[1].offset == Int32(k), "frame \(n)")
            if k == 0 { #expect(replayed[n].bytes == plain[n].bytes, "frame \(n) costs what it costs without moves") }
        }
    }

    /// A row whose probes found nothing in the last frame (changes that are no move) skips them
    /// in this one unless it is its turn: a strip starting to scroll there is found a frame
    /// later, at once on the row's turn, or at once from the row above when that row found it.
    @Test func rowsWhoseProbesFoundNothingSkipAFrame() throws {
        let width = 120, lower = 4, upper = 116, period = ShiftPlanner.reprobePeriod
        let random = FrameEncoderShiftTests.generator(23)
        func cell() -> Cell { Cell(Self.glyphs[random(Self.glyphs.count)], style: Self.styles[random(Self.styles.count)]) }
        let rows = [2, 3, 5]
        var buffer = CellBuffer(width: width, height: 7)
        for y in rows { for x in lower..<upper { buffer[x, y] = cell() } }
        var frames = [buffer]
        // Frame 1: every other cell changes in place; frames 2...9: the rows scroll 9 left.
        for y in rows { for x in stride(from: lower, to: upper, by: 2) { buffer[x, y] = cell() } }
        frames.append(buffer)
        for _ in 2...9 {
            let before = buffer
            for y in rows {
                for x in lower..<upper - 9 { buffer[x, y] = before[x + 9, y] }
                for x in upper - 9..<upper { buffer[x, y] = cell() }
            }
            frames.append(buffer)
        }
        let replayed = Self.replay(frames)
        for y in rows {
            #expect(replayed[1].memory[y] == ShiftMemory.Entry(offset: 0, probedInVain: true), "row \(y) after frame 1")
        }
        // Frame n is the memory's frame n: row y's turn comes when (n + y) % period == 0. Row 2
        // probes on its turn at frame 2, row 3 takes row 2's offset, row 5 waits for frame 3.
        try #require((2 + 2) % period == 0 && (2 + 3) % period != 0 && (2 + 5) % period != 0)
        let firstFound = [2: 2, 3: 2, 5: 3]
        for n in 2...9 {
            for y in rows {
                let found = n >= firstFound[y]!
                #expect(replayed[n].memory[y].offset == (found ? 9 : 0), "row \(y), frame \(n)")
            }
        }
    }

    /// A full repaint (another size, or no previous frame) forgets every row; the rows of the
    /// new size start empty and the next frames find their moves again.
    @Test func fullRepaintResetsTheMemory() {
        let first = Self.strip(width: 120, height: 4, row: 2, lower: 4, upper: 116, speeds: [9, 9, 9], seed: 17)
        let second = Self.strip(width: 100, height: 6, row: 5, lower: 2, upper: 98, speeds: [7, 7], seed: 19)
        let replayed = Self.replay(first + second)
        #expect(replayed[3].memory[2].offset == 9)
        let repaint = replayed[4]
        #expect(repaint.edits.isEmpty)
        #expect(repaint.memory.rows == Array(repeating: .none, count: 6))
        #expect(repaint.memory.frame == 0)
        #expect(Self.offset(replayed[5]) == 7 && Self.offset(replayed[6]) == 7)
        #expect(replayed[6].memory[5].offset == 7 && replayed[6].memory[2].offset == 0)

        // The same size without a previous frame (Ctrl-L, a failed write) also forgets.
        var shifts = replayed[3].memory
        var pen = Pen.unknown, out: [UInt8] = []
        FrameEncoder(capabilities: xtermCapabilities(), scalarWidth: testWidth)
            .encode(previous: nil, next: first[3], screenWidth: 120, screenHeight: 4, pen: &pen, shifts: &shifts, into: &out)
        #expect(shifts.rows == Array(repeating: .none, count: 4))
    }

    /// Many rows moving at speeds that mostly persist (so remembered offsets and runs are used,
    /// and sometimes wrong), replayed exactly on every terminal of the replay tests.
    @Test(arguments: 0..<5) func persistentSpeedsReplayToTheNextBuffer(terminal index: Int) {
        let terminal = FrameEncoderShiftReplayTests.terminal(index)
        let random = FrameEncoderShiftTests.generator(0x2545_F491_4F6C_DD1D &+ UInt64(index))
        let glyphs = FrameEncoderShiftReplayTests.glyphs, styles = FrameEncoderShiftReplayTests.styles
        func cell() -> Cell { Cell(glyphs[random(glyphs.count)], style: styles[random(styles.count)]) }
        let width = 90, height = 10
        var buffer = CellBuffer(width: width, height: height)
        for y in 0..<height { for x in 0..<width { buffer[x, y] = cell() } }
        var speeds = (0..<height).map { _ in random(25) - 12 }
        var bounds = (0..<height).map { _ in (random(10), width - random(10)) }
        var frames = [buffer]
        for _ in 0..<150 {
            let before = buffer
            for y in 0..<height {
                if random(8) == 0 { speeds[y] = random(25) - 12 }
                if random(10) == 0 { bounds[y] = (random(10), width - random(10)) }
                if random(6) == 0 { speeds[y] += random(3) - 1 }
                let k = speeds[y], (a, b) = bounds[y]
                if k > 0 && k < b - a {
                    for x in a..<b - k { buffer[x, y] = before[x + k, y] }
                    for x in b - k..<b { buffer[x, y] = cell() }
                } else if k < 0 && -k < b - a {
                    for x in a - k..<b { buffer[x, y] = before[x + k, y] }
                    for x in a..<a - k { buffer[x, y] = cell() }
                }
                for _ in 0..<random(3) { buffer[random(width), y] = cell() }
            }
            frames.append(buffer)
        }
        let replayed = Self.replay(frames, caps: terminal.caps, extraColumns: terminal.extraColumns)
        let edits = replayed.reduce(0) { $0 + $1.edits.count }
        if terminal.caps.deleteCharacters != nil {
            #expect(edits >= 150 * height, "\(terminal): \(edits) DCH/ICH in 150 frames of \(height) rows")
        } else {
            #expect(edits == 0)
        }
    }
}
