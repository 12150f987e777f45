// The frame writer's sideways moves (DCH/ICH, `HorizontalShift`) byte for byte on small rows,
// and what they save on a scrolling heat strip and a film strip (replayed on the screen model).
import Canvas
import Testing
@testable import Terminal

/// The capability table without `dch`/`ich` (today's writer on terminals that lack them).
func capabilitiesWithoutShifts(_ caps: TerminalCapabilities = xtermCapabilities()) -> TerminalCapabilities {
    var c = caps
    c.deleteCharacters = nil
    c.insertCharacters = nil
    return c
}

/// The DCH/ICH sequences in an encoded frame's text ("␛[2P", "␛[3@").
func editSequences(_ text: String) -> [String] {
    var found: [String] = []
    var rest = Substring(text)
    while let r = rest.range(of: "␛[") {
        var digits = ""
        var i = r.upperBound
        while i < rest.endIndex, rest[i].isNumber { digits.append(rest[i]); i = rest.index(after: i) }
        if i < rest.endIndex, rest[i] == "P" || rest[i] == "@" { found.append("␛[" + digits + String(rest[i])) }
        rest = rest[r.upperBound...]
    }
    return found
}

@Suite struct FrameEncoderShiftTests {
    /// 60 distinct single-byte glyphs: a-z, A-Z, 0-7.
    static let glyphs = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234567".unicodeScalars)

    static func row(_ scalars: [Unicode.Scalar]) -> CellBuffer {
        var b = CellBuffer(width: scalars.count, height: 1)
        for (x, s) in scalars.enumerated() { b[x, 0] = Cell(s) }
        return b
    }

    static func text(_ s: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(s)) }

    @Test func runMovedLeftIsDeletedAtItsStartAndReinsertedAtItsEnd() {
        // Columns 5..<45 scroll two left; 43 and 44 get new cells.
        var moved = Self.glyphs
        for x in 5..<43 { moved[x] = Self.glyphs[x + 2] }
        moved[43] = "#"; moved[44] = "#"
        // DCH 2 at column 6 (1-based), 38 columns right to the run's end, ICH 2 there (the
        // cells from column 46 are back in place), then the two blanked columns.
        #expect(encoded(Self.row(Self.glyphs), Self.row(moved)).text == "␛[1;6H␛[2P␛[38C␛[2@##")
        // Without dch/ich every changed cell is written.
        #expect(encoded(Self.row(Self.glyphs), Self.row(moved), caps: capabilitiesWithoutShifts()).text
                == "␛[1;6H" + Self.text(moved[5..<45]))
    }

    @Test func runMovedRightIsInsertedBeforeItAndDeletedAfterIt() {
        // Columns 8..<48 show what 5..<45 showed; 5..<8 get new cells.
        var moved = Self.glyphs
        for x in 8..<48 { moved[x] = Self.glyphs[x - 3] }
        moved[5] = "#"; moved[6] = "#"; moved[7] = "#"
        // ICH 3 at column 6 (the run's start minus 3), DCH 3 at the run's end (column 49), then
        // the three inserted blanks and the last three columns (blanked by the DCH).
        #expect(encoded(Self.row(Self.glyphs), Self.row(moved)).text == "␛[1;6H␛[3@␛[43C␛[3P␛[1;6H###␛[49C567")
    }

    @Test func runReachingTheRightMarginNeedsNoInsert() {
        // The whole row scrolls one left; a new cell enters at the right.
        let moved = Array(Self.glyphs.dropFirst()) + ["#"]
        #expect(encoded(Self.row(Self.glyphs), Self.row(moved)).text == "␛[1;1H␛[1P␛[59C#")
    }

    @Test func narrowOrScatteredChangesAreWrittenAsBefore() {
        // A short run (its span under ShiftPlanner.minimumSpan) is written cell by cell.
        var moved = Self.glyphs
        for x in 3..<9 { moved[x] = Self.glyphs[x + 1] }
        #expect(encoded(Self.row(Self.glyphs), Self.row(moved)).text == "␛[1;4H" + Self.text(moved[3..<9]))
        // Changes all over the row that are no shift.
        var scattered = Self.glyphs
        for x in stride(from: 2, to: 60, by: 3) { scattered[x] = "#" }
        let r = encoded(Self.row(Self.glyphs), Self.row(scattered))
        #expect(editSequences(r.text).isEmpty)
        #expect(r.bytes == encoded(Self.row(Self.glyphs), Self.row(scattered), caps: capabilitiesWithoutShifts()).bytes)
    }

    /// Bytes after the first frame of `frames` buffers, each replayed on the screen model, which
    /// must show every buffer exactly.
    static func replayedBytes(_ frames: [CellBuffer], caps: TerminalCapabilities) -> Int {
        let encoder = FrameEncoder(capabilities: caps, scalarWidth: testWidth)
        var screen = ScreenModel(width: frames[0].width, height: frames[0].height)
        screen.poisonedBlanks = true
        var pen = Pen.unknown, previous: CellBuffer? = nil, bytes = 0
        for (n, buffer) in frames.enumerated() {
            var out: [UInt8] = []
            encoder.encode(previous: previous, next: buffer, screenWidth: buffer.width, screenHeight: buffer.height, pen: &pen, into: &out)
            if n > 0 { bytes += out.count }
            screen.feed(out)
            var wrong = 0
            for y in 0..<buffer.height {
                for x in 0..<buffer.width {
                    let cell = buffer[x, y]
                    if !looksAlike(glyph: screen.glyphs[y * buffer.width + x], pen: screen.pens[y * buffer.width + x],
                                   wantGlyph: CellDiff.displayScalar(cell.character, width: testWidth), wantPen: encoder.resolve(cell.style)) {
                        wrong += 1
                    }
                }
            }
            #expect(wrong == 0 && screen.errors.isEmpty, "frame \(n): \(wrong) cells differ, \(screen.errors)")
            if wrong > 0 { break }
            previous = buffer
        }
        return bytes
    }

    static func generator(_ seed: UInt64) -> (Int) -> Int {
        var state = seed
        return { n in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    /// least-action's hidden-activity strip at 200x24: 16 units, half blocks in gradient colours,
    /// 1 or 2 new columns per frame at the right, labels on the left, a border on the right and
    /// a clock in the title that changes every frame.
    @Test func scrolledHeatStripCostsAtMostThreePercentOfItsRewrite() {
        let random = Self.generator(0xA076_1D64_78BD_642F)
        let gradient: [UInt8] = [17, 18, 19, 25, 31, 37, 43, 49, 85, 121, 157, 193, 229, 228, 227, 226]
        let (width, height, top, left, right) = (200, 24, 3, 5, 198)
        func column() -> [Cell] {
            (0..<8).map { _ in
                Cell("\u{2580}", style: Style(foreground: .indexed(gradient[random(16)]), background: .indexed(gradient[random(16)])))
            }
        }
        var columns = (left..<right).map { _ in column() }
        var frames: [CellBuffer] = []
        for frame in 0..<40 {
            var b = CellBuffer(width: width, height: height)
            b.put("least-action  t = \(frame * 33) ms", x: 1, y: 0, style: Style(attributes: .bold))
            for y in 0..<8 {
                b.put("h\(2 * y)", x: 1, y: top + y, style: Style(foreground: .indexed(250)))
                b[right, top + y] = Cell("│", style: Style(foreground: .indexed(240)))
            }
            for (i, col) in columns.enumerated() { for y in 0..<8 { b[left + i, top + y] = col[y] } }
            frames.append(b)
            let shift = 1 + random(2)
            columns.removeFirst(shift)
            for _ in 0..<shift { columns.append(column()) }
        }
        let with = Self.replayedBytes(frames, caps: xtermCapabilities())
        let without = Self.replayedBytes(frames, caps: capabilitiesWithoutShifts())
        #expect(Double(with) <= 0.03 * Double(without), "scrolled strip: \(with) bytes with DCH/ICH, \(without) without")
    }

    /// stp-mixing's film strips at 200x24: 4 streams of 8x8 half-block images one column apart,
    /// each with a label row; a new sample every third frame moves a stream's images one image
    /// (9 columns) left.
    @Test func shiftedFilmStripCostsAtMostEightPercentOfItsRewrite() {
        let random = Self.generator(0xE703_7ED1_A0B4_28DB)
        let greys: [UInt8] = [232, 238, 244, 250, 255]
        let (width, height) = (200, 24)
        /// 32 pixel cells and the class label under them.
        func image() -> [Cell] {
            (0..<32).map { _ in Cell("\u{2580}", style: Style(foreground: .indexed(greys[random(5)]), background: .indexed(greys[random(5)]))) }
                + [Cell(Unicode.Scalar(UInt8(0x30 + random(10))), style: Style(foreground: .indexed(UInt8(160 + random(8)))))]
        }
        var streams = (0..<4).map { _ in (0..<22).map { _ in image() } }
        var frames: [CellBuffer] = []
        for frame in 0..<60 {
            var b = CellBuffer(width: width, height: height)
            for (s, images) in streams.enumerated() {
                let y0 = 1 + s * 5
                for (n, img) in images.enumerated() {
                    for cy in 0..<4 { for cx in 0..<8 { b[n * 9 + cx, y0 + cy] = img[cy * 8 + cx] } }
                    b[n * 9 + 4, y0 + 4] = img[32]
                }
            }
            frames.append(b)
            if frame % 3 == 2 {
                let s = random(4)
                streams[s].removeFirst()
                streams[s].append(image())
            }
        }
        let with = Self.replayedBytes(frames, caps: xtermCapabilities())
        let without = Self.replayedBytes(frames, caps: capabilitiesWithoutShifts())
        #expect(Double(with) <= 0.08 * Double(without), "film strip: \(with) bytes with DCH/ICH, \(without) without")
    }
}
