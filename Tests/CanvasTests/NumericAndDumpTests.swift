import Canvas
import Testing

@Suite("Numbers, ticks, text and dumps")
struct NumericAndDumpTests {
    @Test("format(_:decimals:)", arguments: [
        (3.14159, 2, "3.14"), (-0.001, 1, "0.0"), (2.5, 0, "3"), (-2.5, 0, "-3"), (0.05, 2, "0.05"),
        (1234.5, 1, "1234.5"), (0, 3, "0.000"), (-12.346, 2, "-12.35"),
    ])
    func format(value: Double, decimals: Int, expected: String) {
        #expect(Numeric.format(value, decimals: decimals) == expected)
    }

    @Test func logarithms() {
        for e in -20...20 { #expect(Numeric.log10(Numeric.pow10(e)) == Double(e)) }
        #expect(abs(Numeric.log10(2) - 0.301_029_995_663_981_2) < 1e-14)
        #expect(abs(Numeric.ln(10) - 2.302_585_092_994_046) < 1e-14)
        #expect(abs(Numeric.exp(1) - 2.718_281_828_459_045) < 1e-13)
        #expect(Numeric.log10(0) == -.infinity)
        #expect(Numeric.log10(-1).isNaN)
    }

    @Test func scientificLabels() {
        #expect(Numeric.scientific(1000) == "1e3")
        #expect(Numeric.scientific(2.5e-4) == "2.5e-4")
        #expect(Numeric.scientific(-1e6) == "-1e6")
        #expect(Numeric.scientific(9.999e5) == "1e6")
        #expect(Numeric.label(123_456, decimals: 0) == "1.23e5")
        #expect(Numeric.label(0.25, decimals: 2) == "0.25")
    }

    @Test func linearTicksAreNice() {
        #expect(Ticks.linear(0...10, maxCount: 6).map(\.label) == ["0", "2", "4", "6", "8", "10"])
        #expect(Ticks.linear(0...1, maxCount: 5).map(\.label) == ["0.0", "0.5", "1.0"])
        #expect(Ticks.linear(-1...1, maxCount: 5).map(\.label) == ["-1.0", "-0.5", "0.0", "0.5", "1.0"])
        #expect(Ticks.linear(0...0.3, maxCount: 4).map(\.label) == ["0.0", "0.1", "0.2", "0.3"])
        #expect(Ticks.linear(0.25...0.75, maxCount: 5).map(\.label) == ["0.4", "0.6"])
        #expect(Numeric.decimals(forStep: 0.25) == 2)
        #expect(Numeric.decimals(forStep: 0.5) == 1)
        #expect(Numeric.decimals(forStep: 20) == 0)
    }

    @Test func logTicksArePowersOfTen() {
        #expect(Ticks.logarithmic(1...1e5, maxCount: 10).map(\.label) == ["1", "10", "100", "1e3", "1e4", "1e5"])
        #expect(Ticks.logarithmic(1e-4...1, maxCount: 10).map(\.label) == ["1e-4", "1e-3", "0.01", "0.1", "1"])
        #expect(Ticks.logarithmic(1...1e6, maxCount: 3).map(\.label) == ["1", "1e3", "1e6"])
        #expect(Ticks.niceBounds(3...420, scale: .log10, maxCount: 5) == 1...1000)
        #expect(Ticks.niceBounds(0.3...9.1, scale: .linear, maxCount: 6) == 0...10)
    }

    @Test func wrapping() {
        #expect(TextWrap.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.wrap("a\n\nb", width: 4) == ["a", "", "b"])
        #expect(TextWrap.wrap("x", width: 0) == [])
        #expect("hello world".truncated(toCells: 6) == "hello…")
        #expect("hi".truncated(toCells: 6) == "hi")
    }

    @Test func dumpListsStyleChangesOnly() {
        var buffer = CellBuffer(width: 4, height: 2)
        buffer.put("ab", x: 1, y: 0, style: Style(foreground: .rgb(255, 0, 0), attributes: .bold))
        buffer.put("c", x: 0, y: 1, style: Style(background: .indexed(4)))
        #expect(buffer.dump == """
            content:
            " ab "
            "c   "
            styles:
            x: 0, y: 0, fg: default, bg: default
            x: 1, y: 0, fg: #ff0000, bg: default, attrs: bold
            x: 3, y: 0, fg: default, bg: default
            x: 0, y: 1, fg: default, bg: i4
            x: 1, y: 1, fg: default, bg: default
            """)
    }
}
