import Testing
@testable import Canvas

/// The ranges `isNonspacingMark` answers without the property lookup hold no nonspacing mark
/// (issue 13): every scalar in them, checked against the Unicode data itself.
@Suite struct NonspacingMarkFastPathTests {
    @Test func fastRangesHoldNoNonspacingMark() {
        var checked = 0
        for range in [0..<0x300, 0x370..<0x483, 0x2000..<0x20D0, 0x20F1..<0x2CEF] as [Range<UInt32>] {
            for v in range {
                guard let s = Unicode.Scalar(v) else { continue }
                #expect(s.properties.generalCategory != .nonspacingMark, "U+\(String(v, radix: 16))")
                #expect(!s.isNonspacingMark)
                checked += 1
            }
        }
        #expect(checked > 4000)
        // And marks outside them are still found.
        for v: UInt32 in [0x300, 0x36F, 0x483, 0x20D0, 0x20F0, 0x2CEF, 0xFE20] {
            #expect(Unicode.Scalar(v)!.isNonspacingMark, "U+\(String(v, radix: 16))")
        }
    }
}
