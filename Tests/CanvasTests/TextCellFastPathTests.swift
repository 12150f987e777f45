import Canvas
import Testing

/// The per-frame text paths skip the Unicode property lookup below U+0300 and keep line
/// widths incrementally (issue 13); what they write must not change.
@Suite("Text cell fast paths")
struct TextCellFastPathTests {
    @Test func combiningMarksTakeNoCellOnEitherSideOfTheFastPath() {
        #expect(!Unicode.Scalar(0x2FF)!.isNonspacingMark)      // last scalar of the fast path
        #expect(Unicode.Scalar(0x300)!.isNonspacingMark)       // first combining mark
        #expect(Unicode.Scalar(0x36F)!.isNonspacingMark)
        #expect(Unicode.Scalar(0x20D7)!.isNonspacingMark)      // combining right arrow above (vectors)
        #expect(!Unicode.Scalar(0x3B1)!.isNonspacingMark)      // α
        #expect(!Unicode.Scalar(0x2847)!.isNonspacingMark)     // braille
        #expect("e\u{301}x".cellWidth == 2)
        #expect("w\u{20D7} = α·x\u{303}".cellWidth == 7)
        #expect("é…".truncated(toCells: 2) == "é…")
    }

    @Test func putSkipsMarksAndHonoursClipAndBuffer() {
        var b = CellBuffer(width: 6, height: 2)
        #expect(b.put("e\u{301}fgh", x: -1, y: 0) == 4)
        #expect(b.lines == ["fgh   ", "      "])
        #expect(b.put("abc", x: 0, y: 2) == 3)                       // below the buffer: nothing written
        #expect(b.put("abcdef", x: 1, y: 1, style: .plain, maxWidth: 3) == 3)
        #expect(b.lines == ["fgh   ", " abc  "])
        var c = CellBuffer(width: 6, height: 3)
        let clip = Rect(x: 1, y: 1, width: 3, height: 1)
        #expect(c.put("x\u{301}yzuvw", x: 0, y: 1, style: .plain, clip: clip) == 6)
        #expect(c.put("outside", x: 0, y: 0, style: .plain, clip: clip) == 7)
        #expect(c.lines == ["      ", " yzu  ", "      "])
    }

    /// The wrapping before issue 13 (line widths recounted for every word), as the reference.
    static func referenceWrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var w = String(word)
                if line.isEmpty {
                } else if line.cellWidth + 1 + w.cellWidth <= width {
                    line += " " + w
                    continue
                } else {
                    lines.append(line)
                    line = ""
                }
                while w.cellWidth > width {
                    let scalars = Array(w.unicodeScalars)
                    lines.append(String(String.UnicodeScalarView(scalars.prefix(width))))
                    w = String(String.UnicodeScalarView(scalars.dropFirst(width)))
                }
                line = w
            }
            lines.append(line)
        }
        return lines
    }

    @Test func wrapMatchesTheReferenceAtEveryWidth() {
        let texts = [
            "Neurons sample from a Boltzmann distribution; the membrane potential u = E_L + Σ w x̃ follows the input.",
            "a  b\n\nsupercalifragilisticexpialidocious words wrap inside when longer than a line",
            "e\u{301}e\u{301}e\u{301} combining marks take no cell · ⠁⠂⠄ braille does",
            "",
        ]
        for text in texts {
            for width in 1...40 {
                #expect(TextWrap.wrap(text, width: width) == Self.referenceWrap(text, width: width), "width \(width): \(text)")
            }
        }
    }
}
