// The frame writer's output replayed on a minimal ECMA-48 screen model (CUP, CUF, ED, DCH,
// ICH, SGR, UTF-8 text): after every frame of a random sequence (sparse and dense changes,
// style changes, full repaints after a resize) the model shows exactly the next buffer.
import Canvas
import Testing
@testable import Terminal

/// The screen a terminal would show after our bytes: one scalar and one pen per cell.
struct ScreenModel {
    var width: Int, height: Int
    var glyphs: [Unicode.Scalar]
    var pens: [Pen]
    var row = 0, col = 0
    var pen = Pen.normal
    var errors: [String] = []
    /// DCH and ICH sequences received.
    var edits = 0
    /// What DCH and ICH put into the columns they blank: xterm's erased cell (a space in the
    /// pen's background, `bce`), or, to prove the writer never relies on them, a visible glyph
    /// in a pen no cell of the tests uses.
    var poisonedBlanks = false

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        glyphs = Array(repeating: " ", count: width * height)
        pens = Array(repeating: .normal, count: width * height)
    }

    mutating func feed(_ bytes: [UInt8]) {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1b {
                if i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "("), bytes[i + 2] == UInt8(ascii: "B") { i += 3; continue }
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") else { errors.append("bare ESC at \(i)"); return }
                var j = i + 2
                var params: [Int] = [], current: Int? = nil
                while j < bytes.count, (0x30...0x3b).contains(bytes[j]) {
                    if bytes[j] == 0x3b { params.append(current ?? 0); current = nil } else { current = (current ?? 0) * 10 + Int(bytes[j] - 0x30) }
                    j += 1
                }
                if let current { params.append(current) }
                guard j < bytes.count else { errors.append("unterminated CSI"); return }
                csi(final: bytes[j], params)
                i = j + 1
                continue
            }
            // UTF-8 text.
            let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            let scalar = String(decoding: bytes[i..<min(i + length, bytes.count)], as: UTF8.self).unicodeScalars.first!
            if row >= height || col >= width { errors.append("text outside the screen at \(row),\(col)"); return }
            glyphs[row * width + col] = scalar
            pens[row * width + col] = pen
            col += 1
            i += length
        }
    }

    mutating func csi(final: UInt8, _ p: [Int]) {
        switch final {
        case UInt8(ascii: "H"): row = max(1, p.first ?? 1) - 1; col = max(1, p.count > 1 ? p[1] : 1) - 1
        case UInt8(ascii: "C"): col += max(1, p.first ?? 1)
        case UInt8(ascii: "P"): deleteCharacters(max(1, p.first ?? 1))
        case UInt8(ascii: "@"): insertCharacters(max(1, p.first ?? 1))
        case UInt8(ascii: "J"):
            if p.first == 2 { glyphs = glyphs.map { _ in " " }; pens = pens.map { _ in Pen.normal } } else { errors.append("ED \(p)") }
        case UInt8(ascii: "m"):
            var k = 0
            let q = p.isEmpty ? [0] : p
            while k < q.count {
                switch q[k] {
                case 0: pen = .normal
                case 1: pen.attributes |= Attributes.bold.rawValue
                case 2: pen.attributes |= Attributes.dim.rawValue
                case 4: pen.attributes |= Attributes.underline.rawValue
                case 7: pen.attributes |= Attributes.reverse.rawValue
                case 30...37: pen.foreground = Int16(q[k] - 30)
                case 90...97: pen.foreground = Int16(q[k] - 90 + 8)
                case 40...47: pen.background = Int16(q[k] - 40)
                case 100...107: pen.background = Int16(q[k] - 100 + 8)
                case 38: pen.foreground = Int16(q[k + 2]); k += 2
                case 48: pen.background = Int16(q[k + 2]); k += 2
                case 39: pen.foreground = -1
                case 49: pen.background = -1
                default: errors.append("SGR \(q[k])")
                }
                k += 1
            }
        default: errors.append("CSI final \(final)")
        }
    }
}

extension ScreenModel {
    /// The glyph and pen of a column that DCH or ICH blanked.
    var blankedCell: (Unicode.Scalar, Pen) {
        poisonedBlanks ? ("\u{A4}", Pen(attributes: Attributes.reverse.rawValue, foreground: 3, background: 5, known: true))
            : (" ", Pen(attributes: 0, foreground: -1, background: pen.background, known: true))
    }

    /// ECMA-48 DCH (8.3.26) as xterm does it without left/right margins: the n characters from
    /// the cursor are removed, the rest of the line moves n columns left, and n blanked cells
    /// enter at the right margin (n beyond the margin: to the end of the line). The cursor
    /// does not move.
    mutating func deleteCharacters(_ n: Int) {
        guard row < height, col < width else { errors.append("DCH outside the screen at \(row),\(col)"); return }
        edits += 1
        let count = min(n, width - col), base = row * width
        for x in col..<width - count {
            glyphs[base + x] = glyphs[base + x + count]
            pens[base + x] = pens[base + x + count]
        }
        let (glyph, blankPen) = blankedCell
        for x in width - count..<width { glyphs[base + x] = glyph; pens[base + x] = blankPen }
    }

    /// ECMA-48 ICH (8.3.64), xterm without margins: n blanked cells are inserted at the cursor,
    /// the rest of the line moves n columns right and its last n cells are lost. The cursor does
    /// not move.
    mutating func insertCharacters(_ n: Int) {
        guard row < height, col < width else { errors.append("ICH outside the screen at \(row),\(col)"); return }
        edits += 1
        let count = min(n, width - col), base = row * width
        for x in stride(from: width - 1, through: col + count, by: -1) {
            glyphs[base + x] = glyphs[base + x - count]
            pens[base + x] = pens[base + x - count]
        }
        let (glyph, blankPen) = blankedCell
        for x in col..<col + count { glyphs[base + x] = glyph; pens[base + x] = blankPen }
    }
}

/// Whether the model's cell looks like what the buffer asks for: the same glyph, attributes
/// and background, and the same foreground unless the glyph is a blank that shows none (no
/// reverse, no underline; the writer leaves a blank's foreground as the pen has it).
func looksAlike(glyph: Unicode.Scalar, pen: Pen, wantGlyph: Unicode.Scalar, wantPen: Pen) -> Bool {
    guard glyph == wantGlyph, pen.attributes == wantPen.attributes, pen.background == wantPen.background else { return false }
    let showsForeground = glyph != " " || wantPen.attributes & (Attributes.reverse.rawValue | Attributes.underline.rawValue) != 0
    return !showsForeground || pen.foreground == wantPen.foreground
}

@Suite struct FrameEncoderRoundTripTests {
    /// Plain ECMA-48 strings (changes combined in one SGR) and strings the writer cannot combine
    /// (`op` as two sequences: the one-capability-at-a-time path).
    static func capabilityTable(_ index: Int) -> TerminalCapabilities {
        var caps = xtermCapabilities()
        if index == 1 { caps.originalPair = Array("\u{1b}[39m\u{1b}[49m".utf8) }
        return caps
    }

    @Test(arguments: [0, 1]) func randomFramesReplayToTheNextBuffer(table: Int) {
        let caps = Self.capabilityTable(table)
        let encoder = FrameEncoder(capabilities: caps, scalarWidth: testWidth)
        #expect((encoder.sgr != nil) == (table == 0))
        let glyphs: [Unicode.Scalar] = [" ", " ", "a", "b", ".", "|", "\u{2801}", "\u{28FF}", "\u{2580}", "é", "\u{1F600}"]
        let styles: [Style] = [
            .plain, Style(foreground: .indexed(1)), Style(foreground: .indexed(200), background: .indexed(17)),
            Style(background: .indexed(9)), Style(attributes: .bold), Style(foreground: .indexed(4), attributes: [.reverse, .dim]),
            Style(foreground: .rgb(10, 200, 30), attributes: .underline), Style(foreground: .indexed(252)),
            Style(foreground: .indexed(115), background: .indexed(17)),
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var width = 23, height = 7
        var screen = ScreenModel(width: width, height: height)
        var previous: CellBuffer? = nil
        var pen = Pen.unknown
        var current = CellBuffer(width: width, height: height)
        for frame in 0..<300 {
            if frame % 97 == 50 {   // resize: a buffer of another size means a full repaint
                width = 15 + random(20); height = 4 + random(6)
                screen = ScreenModel(width: width, height: height)
                current = CellBuffer(width: width, height: height)
            }
            let changes = frame % 10 == 0 ? width * height : random(12)
            for _ in 0..<changes {
                current[random(width), random(height)] = Cell(glyphs[random(glyphs.count)], style: styles[random(styles.count)])
            }
            var out: [UInt8] = []
            encoder.encode(previous: previous, next: current, screenWidth: width, screenHeight: height, pen: &pen, into: &out)
            screen.feed(out)
            #expect(screen.errors.isEmpty, "frame \(frame): \(screen.errors)")
            #expect(screen.pen == Pen(attributes: pen.attributes, foreground: pen.foreground, background: pen.background, known: true),
                    "frame \(frame): the encoder's pen is not the terminal's")
            var mismatches = 0
            for y in 0..<height {
                for x in 0..<width {
                    let cell = current[x, y]
                    let wantGlyph = CellDiff.displayScalar(cell.character, width: testWidth)
                    let wantPen = encoder.resolve(cell.style)
                    if !looksAlike(glyph: screen.glyphs[y * width + x], pen: screen.pens[y * width + x], wantGlyph: wantGlyph, wantPen: wantPen) {
                        mismatches += 1
                    }
                }
            }
            #expect(mismatches == 0, "frame \(frame): \(mismatches) cells differ from the buffer")
            if mismatches > 0 || !screen.errors.isEmpty { return }
            previous = current
        }
    }
}

/// The busiest screens' content scrolled frame after frame: a heat strip (half blocks in two
/// colours, full blocks on the default background) above a spike raster (coloured braille dots
/// among blanks in the text colour), shifted left by one or two columns per frame with a
/// label that stays. Replayed on the screen model, every frame must look like its buffer.
@Suite struct FrameEncoderScrollingReplayTests {
    @Test(arguments: [0, 1, 2]) func scrollingStripAndRasterReplayToTheBuffer(table: Int) {
        var caps = table < 2 ? FrameEncoderRoundTripTests.capabilityTable(table) : xtermCapabilities(ansiRight: false)
        if table == 2 { caps.lastCellScrolls = true }
        let encoder = FrameEncoder(capabilities: caps, scalarWidth: testWidth)
        let width = 48, height = 12, stripRows = 5
        let heat: [Int] = [68, 98, 62, 134, 170]
        let dots: [Style] = [Style(foreground: .indexed(115)), Style(foreground: .indexed(114)), Style(foreground: .indexed(252), attributes: .bold)]
        let blankStyle = Style(foreground: .indexed(252))
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func random(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        func column() -> [Cell] {
            (0..<height).map { y in
                if y < stripRows {
                    let top = heat[random(heat.count)], bottom = random(3) == 0 ? top : heat[random(heat.count)]
                    return top == bottom ? Cell("\u{2588}", style: Style(foreground: .indexed(UInt8(top))))
                        : Cell("\u{2580}", style: Style(foreground: .indexed(UInt8(top)), background: .indexed(UInt8(bottom))))
                }
                return random(4) == 0 ? Cell(Unicode.Scalar(0x2800 + UInt32(1 + random(255)))!, style: dots[random(dots.count)])
                    : Cell(" ", style: blankStyle)
            }
        }
        var columns = (0..<width).map { _ in column() }
        var screen = ScreenModel(width: width, height: height)
        var previous: CellBuffer? = nil
        var pen = Pen.unknown
        var bytes = 0
        for frame in 0..<120 {
            var buffer = CellBuffer(width: width, height: height)
            for (x, col) in columns.enumerated() { for y in 0..<height { buffer[x, y] = col[y] } }
            buffer.put(" rate \(frame % 7) Hz ", x: 3, y: stripRows, style: Style(foreground: .indexed(255), background: .indexed(238)))
            var out: [UInt8] = []
            encoder.encode(previous: previous, next: buffer, screenWidth: width, screenHeight: height, pen: &pen, into: &out)
            bytes += out.count
            screen.feed(out)
            #expect(screen.errors.isEmpty, "frame \(frame): \(screen.errors)")
            var mismatches: [String] = []
            for y in 0..<height {
                for x in 0..<width where !(caps.lastCellScrolls && x == width - 1 && y == height - 1) {
                    let cell = buffer[x, y]
                    if !looksAlike(glyph: screen.glyphs[y * width + x], pen: screen.pens[y * width + x],
                                   wantGlyph: CellDiff.displayScalar(cell.character, width: testWidth), wantPen: encoder.resolve(cell.style)) {
                        mismatches.append("(\(x),\(y))")
                    }
                }
            }
            #expect(mismatches.isEmpty, "frame \(frame): cells \(mismatches.prefix(8)) differ from the buffer")
            if !mismatches.isEmpty || !screen.errors.isEmpty { return }
            previous = buffer
            let shift = 1 + random(2)
            columns.removeFirst(shift)
            for _ in 0..<shift { columns.append(column()) }
        }
        #expect(bytes > 0)
    }
}
