// Frames whose rows scroll sideways (random runs moved left or right by random counts, with
// noise, colours, wide and combining glyphs that the writer replaces, runs touching either end
// of the row and the bottom-right cell) replayed on the ECMA-48 screen model with DCH and ICH:
// after every frame the model must show exactly the next buffer, on terminals with and without
// `dch`/`ich`, with combined or separate SGR strings, with `am` without `xenl`, with formatted
// (non-ANSI-shortcut) capability strings, on a screen wider than the buffer, and with the
// blanked columns filled with a visible poison glyph.
import Canvas
import Testing
@testable import Terminal

@Suite struct FrameEncoderShiftReplayTests {
    /// One terminal: capability table, extra screen columns beyond the buffer, poisoned blanks.
    struct Terminal: CustomStringConvertible {
        var name: String
        var caps: TerminalCapabilities
        var extraColumns = 0
        var poisoned = false
        var description: String { name }
    }

    static func terminal(_ index: Int) -> Terminal {
        var xterm = xtermCapabilities()
        switch index {
        case 0: return Terminal(name: "xterm, combined SGR", caps: xterm)
        case 1:
            xterm.originalPair = Array("\u{1b}[39m\u{1b}[49m".utf8)
            return Terminal(name: "separate SGR strings, poisoned blanks", caps: xterm, poisoned: true)
        case 2:
            var caps = xtermCapabilities(lastCellScrolls: true, ansiRight: false)
            caps.cursorAddress = .formatted { row, col in Array("\u{1b}[\(row + 1);\(col + 1)H".utf8) }
            caps.deleteCharacters = .formatted { n in Array("\u{1b}[\(n)P".utf8) }
            caps.insertCharacters = .formatted { n in Array("\u{1b}[\(n)@".utf8) }
            return Terminal(name: "am without xenl, no cuf, formatted cup/dch/ich, poisoned", caps: caps, poisoned: true)
        case 3: return Terminal(name: "screen two columns wider than the buffer", caps: xterm, extraColumns: 2)
        default:
            xterm.deleteCharacters = nil
            xterm.insertCharacters = nil
            return Terminal(name: "no dch/ich", caps: xterm)
        }
    }

    static let glyphs: [Unicode.Scalar] = [" ", " ", "a", "b", "|", "\u{2801}", "\u{28FF}", "\u{2580}", "\u{2588}", "é",
                                           "\u{1F600}", "\u{FF21}", "\u{0301}"]
    static let styles: [Style] = [
        .plain, Style(foreground: .indexed(1)), Style(foreground: .indexed(200), background: .indexed(17)),
        Style(background: .indexed(9)), Style(attributes: .bold), Style(foreground: .indexed(4), attributes: [.reverse, .dim]),
        Style(foreground: .rgb(10, 200, 30), attributes: .underline), Style(foreground: .indexed(252)),
        Style(foreground: .indexed(68), background: .indexed(170)), Style(foreground: .indexed(98), background: .indexed(62)),
    ]

    @Test(arguments: 0..<5) func randomShiftsReplayToTheNextBuffer(terminal index: Int) {
        let terminal = Self.terminal(index)
        let encoder = FrameEncoder(capabilities: terminal.caps, scalarWidth: testWidth)
        var state: UInt64 = 0x5851_F42D_4C95_7F2D &+ UInt64(index)
        func random(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(n, 1)))
        }
        func randomCell() -> Cell { Cell(Self.glyphs[random(Self.glyphs.count)], style: Self.styles[random(Self.styles.count)]) }

        var width = 61, height = 8
        var screen = ScreenModel(width: width + terminal.extraColumns, height: height)
        screen.poisonedBlanks = terminal.poisoned
        var previous: CellBuffer? = nil
        var current = CellBuffer(width: width, height: height)
        var pen = Pen.unknown
        var shifts = ShiftMemory()   // carried across frames, as the terminal does
        var edits = 0
        for frame in 0..<400 {
            if frame % 131 == 70 {   // another size: a full repaint
                edits += screen.edits
                width = 30 + random(40); height = 3 + random(8)
                screen = ScreenModel(width: width + terminal.extraColumns, height: height)
                screen.poisonedBlanks = terminal.poisoned
                current = CellBuffer(width: width, height: height)
                previous = nil
            }
            if frame % 50 == 0 {
                for y in 0..<height { for x in 0..<width { current[x, y] = randomCell() } }
            } else {
                let before = current
                for y in 0..<height where random(10) < 7 {
                    // A run [a, b) whose content moves k columns; the k columns it uncovers get new cells.
                    let k = 1 + random(min(12, width / 3))
                    let a = random(3) == 0 ? 0 : random(width - k - 1)
                    let b = random(3) == 0 ? width : a + k + 1 + random(width - a - k)
                    if random(2) == 0 {
                        for x in a..<b - k { current[x, y] = before[x + k, y] }
                        for x in b - k..<b { current[x, y] = randomCell() }
                    } else {
                        for x in a + k..<b { current[x, y] = before[x - k, y] }
                        for x in a..<a + k { current[x, y] = randomCell() }
                    }
                    for _ in 0..<random(4) { current[random(width), y] = randomCell() }
                }
                if random(4) == 0 { current[width - 1, height - 1] = randomCell() }
            }
            var out: [UInt8] = []
            encoder.encode(previous: previous, next: current, screenWidth: screen.width, screenHeight: height, pen: &pen,
                           shifts: &shifts, into: &out)
            screen.feed(out)
            #expect(screen.errors.isEmpty, "\(terminal) frame \(frame): \(screen.errors)")
            #expect(screen.pen == Pen(attributes: pen.attributes, foreground: pen.foreground, background: pen.background, known: true),
                    "\(terminal) frame \(frame): the encoder's pen is not the terminal's")
            var mismatches: [String] = []
            for y in 0..<height {
                for x in 0..<width {
                    let corner = x == screen.width - 1 && y == height - 1
                    if corner && terminal.caps.lastCellScrolls { continue }
                    let cell = current[x, y]
                    if !looksAlike(glyph: screen.glyphs[y * screen.width + x], pen: screen.pens[y * screen.width + x],
                                   wantGlyph: CellDiff.displayScalar(cell.character, width: testWidth),
                                   wantPen: encoder.resolve(cell.style)) {
                        mismatches.append("(\(x),\(y))")
                    }
                }
            }
            #expect(mismatches.isEmpty, "\(terminal) frame \(frame): cells \(mismatches.prefix(8)) differ from the buffer")
            if !mismatches.isEmpty || !screen.errors.isEmpty { return }
            previous = current
        }
        // The test is about the edits: on terminals that have them, frames used them (about two
        // per frame: one shift of a DCH and an ICH), elsewhere never.
        edits += screen.edits
        if terminal.caps.deleteCharacters != nil {
            #expect(edits >= 400, "\(terminal): \(edits) DCH/ICH in 400 frames")
        } else {
            #expect(edits == 0)
        }
    }
}
