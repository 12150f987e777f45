// Unit tests of the pure pieces of the ncurses backend: key decoding, the colour-pair
// cache, colour numbers, the changed-cell diff. No terminal needed.
import Canvas
import CNcursesw
import Testing
@testable import Terminal

@Suite struct KeyDecodingTests {
    @Test func functionKeysDecode() {
        let expected: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
            (KEY_BTAB, .backTab), (KEY_BACKSPACE, .backspace), (KEY_ENTER, .enter),
            (KEY_F0 + 1, .function(1)), (KEY_F0 + 12, .function(12)),
        ]
        for (code, key) in expected {
            #expect(KeyDecoding.decode(keyCode: code) == .key(key), "code \(code)")
            #expect(KeyDecoding.decode(status: KEY_CODE_YES, value: UInt32(code)) == .key(key))
        }
    }

    @Test func resizeAndUnknownCodes() {
        #expect(KeyDecoding.decode(keyCode: KEY_RESIZE) == .resize)
        #expect(KeyDecoding.decode(keyCode: KEY_MOUSE) == .mouse)
        #expect(KeyDecoding.decode(keyCode: KEY_F0 + 13) == .ignored)   // shifted F1 on xterm
        #expect(KeyDecoding.decode(keyCode: KEY_F0) == .ignored)
    }

    /// What `nc_get_mouse` reports becomes the app's mouse events: a button-1 press, the
    /// wheel up (button 4) and down (button 5) at the 0-based cell; other buttons are dropped.
    @Test func mouseEvents() {
        #expect(KeyDecoding.mouse(code: 1, x: 10, y: 5) == MouseEvent(.press, x: 10, y: 5))
        #expect(KeyDecoding.mouse(code: 4, x: 0, y: 0) == MouseEvent(.wheelUp, x: 0, y: 0))
        #expect(KeyDecoding.mouse(code: 5, x: 119, y: 39) == MouseEvent(.wheelDown, x: 119, y: 39))
        #expect(KeyDecoding.mouse(code: -1, x: 3, y: 3) == nil)
        #expect(KeyDecoding.mouse(code: 0, x: 3, y: 3) == nil)
    }

    @Test func characters() {
        #expect(KeyDecoding.decode(character: 27) == .key(.escape))
        #expect(KeyDecoding.decode(character: 10) == .key(.enter))
        #expect(KeyDecoding.decode(character: 13) == .key(.enter))
        #expect(KeyDecoding.decode(character: 9) == .key(.tab))
        #expect(KeyDecoding.decode(character: 127) == .key(.backspace))
        #expect(KeyDecoding.decode(character: 8) == .key(.backspace))
        #expect(KeyDecoding.decode(character: 0x71) == .key(.character("q")))
        #expect(KeyDecoding.decode(character: 0x3F) == .key(.character("?")))
        #expect(KeyDecoding.decode(character: 0xE9) == .key(.character("é")))
        #expect(KeyDecoding.decode(character: 0x0C) == .key(.character("\u{0C}")))   // Ctrl-L
        #expect(KeyDecoding.decode(character: 0xD800) == .ignored)                    // surrogate
        #expect(KeyDecoding.decode(status: OK, value: 0x20) == .key(.character(" ")))
        #expect(KeyDecoding.decode(status: ERR, value: 0x20) == nil)
    }
}

@Suite struct ColorPairCacheTests {
    @Test func defaultPairIsZeroAndNeverAllocated() {
        var cache = ColorPairCache(colorPairs: 256)
        #expect(cache.lookup(fg: -1, bg: -1) == .existing(0))
        #expect(cache.allocatedCount == 0)
    }

    @Test func allocatesLazilyAndCaches() {
        var cache = ColorPairCache(colorPairs: 256)
        #expect(cache.lookup(fg: 214, bg: -1) == .allocate(1))
        #expect(cache.lookup(fg: 214, bg: -1) == .existing(1))
        #expect(cache.lookup(fg: -1, bg: 214) == .allocate(2))
        #expect(cache.lookup(fg: 214, bg: -1) == .existing(1))
        #expect(cache.allocatedCount == 2)
    }

    @Test func budgetIsCappedAtShortRange() {
        #expect(ColorPairCache(colorPairs: 65536).maxPair == 32766)
        #expect(ColorPairCache(colorPairs: 64).maxPair == 63)
        #expect(ColorPairCache(colorPairs: 0).maxPair == 0)
    }

    @Test func exhaustedBudgetFallsBackToNearest() {
        var cache = ColorPairCache(colorPairs: 3)        // pairs 1 and 2 only
        #expect(cache.lookup(fg: 196, bg: -1) == .allocate(1))    // red on default
        #expect(cache.lookup(fg: 21, bg: -1) == .allocate(2))     // blue on default
        #expect(cache.lookup(fg: 160, bg: -1) == .fallback(1))    // dark red → red
        #expect(cache.lookup(fg: 19, bg: -1) == .fallback(2))     // dark blue → blue
        #expect(cache.lookup(fg: 160, bg: -1) == .fallback(1))    // remembered
        #expect(cache.allocatedCount == 2)
        // A default colour only matches a default colour: (-1, x) is far from (196, -1).
        #expect(cache.lookup(fg: -1, bg: 252) == .fallback(0))
    }

    @Test func noPairsAtAllUsesPairZero() {
        var cache = ColorPairCache(colorPairs: 0)
        #expect(cache.lookup(fg: 3, bg: 4) == .fallback(0))
    }

    @Test func colourNumbersPerDepth() {
        #expect(terminalColorNumber(.default, depth: .palette256, colors: 256) == -1)
        #expect(terminalColorNumber(.indexed(214), depth: .palette256, colors: 256) == 214)
        #expect(terminalColorNumber(.rgb(255, 175, 0), depth: .palette256, colors: 256) == 214)
        #expect(terminalColorNumber(.indexed(214), depth: .none, colors: 256) == -1)
        #expect(terminalColorNumber(.indexed(214), depth: .palette256, colors: 0) == -1)
        // Forced 256 on a 16-colour terminal: indices >= COLORS are reduced to ANSI.
        let reduced = terminalColorNumber(.indexed(196), depth: .palette256, colors: 16)
        #expect(reduced == 9)
        // 8-colour terminal: bright ANSI 8-15 become 0-7.
        #expect(terminalColorNumber(.indexed(9), depth: .ansi16, colors: 8) == 1)
        #expect(terminalColorNumber(.rgb(255, 0, 0), depth: .ansi16, colors: 8) == 1)
        #expect(terminalColorNumber(.indexed(196), depth: .ansi16, colors: 8) == 1)
        // Truecolor is drawn as 256 colours.
        #expect(terminalColorNumber(.rgb(255, 175, 0), depth: .trueColor, colors: 256) == 214)
    }

    @Test func detectedDepthFromColors() {
        #expect(NcursesTerminal.detectedDepth(colors: 256) == .palette256)
        #expect(NcursesTerminal.detectedDepth(colors: 16_777_216) == .palette256)
        #expect(NcursesTerminal.detectedDepth(colors: 16) == .ansi16)
        #expect(NcursesTerminal.detectedDepth(colors: 8) == .ansi16)
        #expect(NcursesTerminal.detectedDepth(colors: 0) == .none)
    }

    @Test func exitStatusForSignals() {
        #expect(NcursesTerminal.exitStatus(forSignal: 2) == 130)
        #expect(NcursesTerminal.exitStatus(forSignal: 15) == 143)
        #expect(NcursesTerminal.exitStatus(forSignal: 1) == 129)
    }
}

@Suite struct CellDiffTests {
    @Test func noPreviousOrNewSizeMeansEverything() {
        let b = CellBuffer(width: 4, height: 2)
        #expect(CellDiff.changedIndices(from: nil, to: b) == nil)
        #expect(CellDiff.changedIndices(from: CellBuffer(width: 3, height: 2), to: b) == nil)
        #expect(CellDiff.changedIndices(from: CellBuffer(width: 4, height: 3), to: b) == nil)
    }

    @Test func onlyChangedCells() {
        let old = CellBuffer(lines: ["abcd", "efgh"])
        var new = old
        #expect(CellDiff.changedIndices(from: old, to: new) == [])
        new.put("X", x: 1, y: 0)
        new.put("h", x: 3, y: 1, style: Style(foreground: .indexed(1)))   // style-only change
        #expect(CellDiff.changedIndices(from: old, to: new) == [1, 7])
    }

    @Test func nonBlankCellsAfterErase() {
        var b = CellBuffer(width: 3, height: 2)
        b.put("a", x: 2, y: 0)
        b.put(" ", x: 0, y: 1, style: Style(attributes: [.reverse]))   // styled blank must be drawn
        #expect(CellDiff.nonBlankIndices(b) == [2, 3])
    }

    @Test func displayScalarKeepsSingleWidth() {
        let width: (Unicode.Scalar) -> Int = { $0.value >= 0x1100 && $0.value < 0x2800 ? 2 : $0.value == 0x301 ? 0 : 1 }
        #expect(CellDiff.displayScalar("a", width: width) == "a")
        #expect(CellDiff.displayScalar("\u{2847}", width: width) == "\u{2847}")   // braille
        #expect(CellDiff.displayScalar("▀", width: { _ in 1 }) == "▀")
        #expect(CellDiff.displayScalar("\u{1B}", width: width) == " ")            // control
        #expect(CellDiff.displayScalar("\u{7F}", width: width) == " ")
        #expect(CellDiff.displayScalar("\u{1100}", width: width) == "?")          // wide
        #expect(CellDiff.displayScalar("\u{301}", width: width) == "?")           // zero width
    }
}
