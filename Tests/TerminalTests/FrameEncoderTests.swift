// The frame writer's bytes for small cell-buffer diffs, checked without a terminal:
// FrameEncoder is a pure function of previous buffer, next buffer, pen and capability table.
import Canvas
import Testing
@testable import Terminal

/// An xterm-256color-like capability table (the strings infocmp prints for it, `dch` and `ich` included).
func xtermCapabilities(depth: ColorDepth = .palette256, colors: Int = 256, lastCellScrolls: Bool = false,
                       ansiRight: Bool = true) -> TerminalCapabilities {
    func b(_ s: String) -> [UInt8] { Array(s.utf8) }
    let n = depth == .none ? 0 : colors
    let setaf = (0..<n).map { c in b(c < 8 ? "\u{1b}[3\(c)m" : c < 16 ? "\u{1b}[9\(c - 8)m" : "\u{1b}[38;5;\(c)m") }
    let setab = (0..<n).map { c in b(c < 8 ? "\u{1b}[4\(c)m" : c < 16 ? "\u{1b}[10\(c - 8)m" : "\u{1b}[48;5;\(c)m") }
    return TerminalCapabilities(
        clearScreen: b("\u{1b}[H\u{1b}[2J"), resetAttributes: b("\u{1b}(B\u{1b}[m"),
        bold: b("\u{1b}[1m"), dim: b("\u{1b}[2m"), reverse: b("\u{1b}[7m"), underline: b("\u{1b}[4m"),
        originalPair: n > 0 ? b("\u{1b}[39;49m") : [], foreground: setaf, background: setab,
        cursorAddress: .ansi, ansiCursorRight: ansiRight, lastCellScrolls: lastCellScrolls, depth: depth, colors: n,
        deleteCharacters: .ansi(final: UInt8(ascii: "P")), insertCharacters: .ansi(final: UInt8(ascii: "@")))
}

/// Display widths for the tests: East Asian wide and emoji 2, combining marks 0, else 1.
func testWidth(_ s: Unicode.Scalar) -> Int {
    let v = s.value
    if (0x0300...0x036F).contains(v) { return 0 }
    if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v) { return 2 }
    return 1
}

/// Encodes one frame; returns the bytes as a string (escape = "␛") and the pen after it.
func encoded(_ previous: CellBuffer?, _ next: CellBuffer, caps: TerminalCapabilities = xtermCapabilities(),
             pen: Pen = .normal, screen: (Int, Int)? = nil) -> (text: String, bytes: [UInt8], pen: Pen) {
    var p = pen
    var out: [UInt8] = []
    FrameEncoder(capabilities: caps, scalarWidth: testWidth)
        .encode(previous: previous, next: next, screenWidth: screen?.0 ?? next.width, screenHeight: screen?.1 ?? next.height,
                pen: &p, into: &out)
    let text = String(String.UnicodeScalarView(String(decoding: out, as: UTF8.self).unicodeScalars.map { $0 == "\u{1b}" ? "␛" : $0 }))
    return (text, out, p)
}

@Suite struct FrameEncoderTests {
    let red = Style(foreground: .indexed(1))
    let blue = Style(foreground: .indexed(4))

    @Test func adjacentChangedCellsNeedOneCursorMove() {
        let old = CellBuffer(width: 10, height: 3)
        var new = old
        new.put("ab", x: 2, y: 1)
        #expect(encoded(old, new).text == "␛[2;3Hab")
    }

    @Test func unchangedFrameWritesNothing() {
        var b = CellBuffer(width: 10, height: 3)
        b.put("hello", x: 1, y: 1, style: red)
        #expect(encoded(b, b).bytes.isEmpty)
    }

    @Test func colourIsSentOnlyWhenItChanges() {
        let old = CellBuffer(width: 10, height: 1)
        var new = old
        new.put("abc", x: 0, y: 0, style: red)
        new.put("d", x: 3, y: 0, style: blue)
        new.put("e", x: 4, y: 0, style: blue)
        let r = encoded(old, new)
        #expect(r.text == "␛[1;1H␛[31mabc␛[34mde")
        #expect(r.pen == Pen(attributes: 0, foreground: 4, background: -1, known: true))
        // The next frame starts from that pen: blue again needs no SGR.
        var third = new
        third.put("f", x: 7, y: 0, style: blue)
        #expect(encoded(new, third, pen: r.pen).text == "␛[1;8Hf")
    }

    @Test func defaultColourAndAttributeOffResetTheRendition() {
        let old = CellBuffer(width: 6, height: 1)
        var new = old
        new.put("a", x: 0, y: 0, style: Style(foreground: .indexed(200), background: .indexed(17), attributes: .bold))
        new.put("b", x: 1, y: 0, style: Style(foreground: .indexed(200)))        // bold off: sgr0, then fg
        new.put("c", x: 2, y: 0, style: Style(background: .indexed(9)))          // default fg: op, then bg
        new.put("d", x: 3, y: 0, style: Style(background: .indexed(9), attributes: [.reverse, .underline]))
        // Plain ECMA-48 strings: every change after a reset in one sequence, 39/49 alone.
        #expect(encoded(old, new).text
                == "␛[1;1H␛[1;38;5;200;48;5;17ma␛(B␛[m␛[38;5;200mb␛[39;101mc␛[7;4md")
        // Strings the writer cannot combine (here `op` as two sequences): one capability at a
        // time, a default colour through `op`.
        var separate = xtermCapabilities()
        separate.originalPair = Array("\u{1b}[39m\u{1b}[49m".utf8)
        #expect(encoded(old, new, caps: separate).text
                == "␛[1;1H␛[1m␛[38;5;200m␛[48;5;17ma␛(B␛[m␛[38;5;200mb␛[39m␛[49m␛[101mc␛[7m␛[4md")
    }

    @Test func shortGapsAreRewrittenOrSkippedWithCursorRight() {
        var old = CellBuffer(width: 40, height: 2)
        old.put("x.y", x: 0, y: 0)
        var new = old
        new.put("X", x: 0, y: 0)
        new.put("Y", x: 2, y: 0)            // one unchanged plain ASCII cell between: resend "."
        new.put("Z", x: 30, y: 0)           // 27 cells on: ESC[27C (5 bytes) beats ESC[1;31H (7)
        new.put("W", x: 5, y: 1)            // next row: absolute
        #expect(encoded(old, new).text == "␛[1;1HX.Y␛[27CZ␛[2;6HW")
        // A gap in another style than the pen is never resent.
        var styled = old
        styled.put(".", x: 1, y: 0, style: red)
        var next = styled
        next.put("X", x: 0, y: 0)
        next.put("Y", x: 2, y: 0)
        #expect(encoded(styled, next).text == "␛[1;1HX␛[CY")
        // Without cuf: absolute moves only.
        #expect(encoded(styled, next, caps: xtermCapabilities(ansiRight: false)).text == "␛[1;1HX␛[1;3HY")
    }

    @Test func utf8OfMultiByteAndReplacementOfWideAndCombiningScalars() {
        let old = CellBuffer(width: 8, height: 1)
        var new = old
        new[0, 0] = Cell("\u{2801}")      // braille: E2 A0 81
        new[1, 0] = Cell("é")             // C3 A9
        new[2, 0] = Cell("\u{1F600}")     // wide emoji: would shift the row, replaced by "?"
        new[3, 0] = Cell("\u{0301}")      // combining acute: zero width, replaced by "?"
        new[4, 0] = Cell("\u{1D400}")     // mathematical bold A, 4 bytes, width 1
        new[5, 0] = Cell("\u{7}")         // BEL: control, shown as a blank
        let r = encoded(old, new)
        #expect(r.bytes == Array("\u{1b}[1;1H".utf8) + [0xE2, 0xA0, 0x81, 0xC3, 0xA9, 0x3F, 0x3F, 0xF0, 0x9D, 0x90, 0x80, 0x20])
    }

    @Test func bottomRightCellIsSkippedOnlyWhereItWouldScroll() {
        let old = CellBuffer(width: 4, height: 2)
        var new = old
        new.put("ab", x: 2, y: 1)
        #expect(encoded(old, new, caps: xtermCapabilities(lastCellScrolls: true)).text == "␛[2;3Ha")
        #expect(encoded(old, new, caps: xtermCapabilities(lastCellScrolls: false)).text == "␛[2;3Hab")
        // After the last column the cursor position is unknown: the next row moves absolutely.
        var wrap = old
        wrap.put("z", x: 3, y: 0)
        wrap.put("w", x: 0, y: 1)
        #expect(encoded(old, wrap).text == "␛[1;4Hz␛[2;1Hw")
    }

    @Test func fullRepaintClearsAndDrawsNonBlankCells() {
        var next = CellBuffer(width: 5, height: 2)
        next.put("a", x: 1, y: 0, style: red)
        next.put("b", x: 4, y: 1)
        let expected = "␛(B␛[m␛[H␛[2J␛[1;2H␛[31ma␛[2;5H␛[39mb"
        #expect(encoded(nil, next, pen: .unknown).text == expected)
        // After a resize the previous buffer has another size: the same full repaint.
        #expect(encoded(CellBuffer(width: 3, height: 3), next, pen: .unknown).text == expected)
    }

    @Test func colourlessAndSixteenColourModes() {
        let old = CellBuffer(width: 4, height: 1)
        var new = old
        new.put("a", x: 0, y: 0, style: Style(foreground: .indexed(196), attributes: .bold))
        new.put("b", x: 1, y: 0, style: Style(foreground: .indexed(12)))
        #expect(encoded(old, new, caps: xtermCapabilities(depth: .none)).text == "␛[1;1H␛[1ma␛(B␛[mb")
        // 16 colours: 196 becomes bright red (9), 12 stays bright blue.
        #expect(encoded(old, new, caps: xtermCapabilities(depth: .ansi16, colors: 16)).text
                == "␛[1;1H␛[1;91ma␛(B␛[m␛[94mb")
        // 8 colours: bright colours fold onto 0-7.
        #expect(encoded(old, new, caps: xtermCapabilities(depth: .ansi16, colors: 8)).text
                == "␛[1;1H␛[1;31ma␛(B␛[m␛[34mb")
    }

    @Test func blanksAreWrittenInThePensForeground() {
        let dot = Style(foreground: .indexed(115)), text = Style(foreground: .indexed(252))
        let old = CellBuffer(width: 12, height: 1)
        var new = old
        new.put("\u{2801}", x: 0, y: 0, style: dot)
        new.put(" ", x: 1, y: 0, style: text)          // a raster's blank: no colour of its own to show
        new.put("\u{2802}", x: 2, y: 0, style: dot)
        new.put(" ", x: 3, y: 0, style: Style(foreground: .indexed(252), background: .indexed(17)))   // its background shows
        new.put(" ", x: 4, y: 0, style: Style(foreground: .indexed(252), attributes: .underline))      // underlined: fg shows
        #expect(encoded(old, new).text == "␛[1;1H␛[38;5;115m⠁ ⠂␛[48;5;17m ␛[4;38;5;252;49m ")
        // An unchanged blank between two changed cells is resent in the pen's foreground.
        var raster = old
        raster.put("\u{2801}", x: 0, y: 0, style: dot)
        raster.put(" ", x: 1, y: 0, style: text)
        var next = raster
        next.put("\u{2804}", x: 0, y: 0, style: dot)
        next.put("\u{2804}", x: 2, y: 0, style: dot)
        #expect(encoded(raster, next).text == "␛[1;1H␛[38;5;115m⠄ ⠄")
    }

    @Test func sgrStringsAreCombinedOnlyWhenPlain() {
        #expect(SGRParameters.parameters(Array("\u{1b}[38;5;200m".utf8)) == Array("38;5;200".utf8))
        #expect(SGRParameters.parameters(Array("\u{1b}[m".utf8)) == nil)
        #expect(SGRParameters.parameters(Array("\u{1b}[38:5:200m".utf8)) == nil)
        #expect(SGRParameters.parameters(Array("\u{1b}[1m\u{1b}[2m".utf8)) == nil)
        #expect(SGRParameters(xtermCapabilities()) != nil)
        var odd = xtermCapabilities()
        odd.bold = Array("\u{1b}[1m\u{1b}[22m\u{1b}[1m".utf8)
        #expect(SGRParameters(odd) == nil)
    }

    @Test func cellsOutsideTheScreenAreNotWritten() {
        let old = CellBuffer(width: 6, height: 3)
        var new = old
        new.put("abcdef", x: 0, y: 0)
        new.put("g", x: 0, y: 2)
        #expect(encoded(old, new, screen: (4, 2)).text == "␛[1;1Habcd")
    }

    @Test func terminfoPaddingIsStripped() {
        #expect(NcursesTerminal.stripPadding(Array("\u{1b}[?5h$<100/>\u{1b}[?5l".utf8)) == Array("\u{1b}[?5h\u{1b}[?5l".utf8))
        #expect(NcursesTerminal.stripPadding(Array("a$<5*>b$x".utf8)) == Array("ab$x".utf8))
    }
}
