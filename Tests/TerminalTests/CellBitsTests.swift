import Canvas
import Testing
@testable import Terminal

/// The encoder's bitwise fast path never calls different cells the same (issue 13): equal bits
/// imply `==`, and rows compare equal only when every cell does.
@Suite struct CellBitsTests {
    static func randomCell(_ state: inout UInt64) -> Cell {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let r = state >> 20
        let colors: [Color] = [.default, .indexed(UInt8(r % 3)), .rgb(UInt8(r % 2), 0, UInt8((r >> 3) % 2)), .indexed(0), .rgb(0, 0, 0)]
        let scalars: [Unicode.Scalar] = [" ", "a", "⣿", "▀", "é"]
        return Cell(scalars[Int(r % 5)], style: Style(foreground: colors[Int((r >> 5) % 5)], background: colors[Int((r >> 9) % 5)],
                                                      attributes: Attributes(rawValue: UInt8((r >> 13) % 4))))
    }

    @Test func bitwiseSameImpliesEqualAndEqualRowsAreFound() {
        var state: UInt64 = 0xB175
        var sameCount = 0
        for _ in 0..<200 {
            let width = 1 + Int(state % 40)
            let a = (0..<width * 3).map { _ in Self.randomCell(&state) }
            // b: a copy with a few cells replaced (some by equal values built afresh).
            var b = a
            for _ in 0..<Int(state % 4) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                b[Int(state >> 33) % b.count] = Self.randomCell(&state)
            }
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    for i in 0..<a.count where CellBits.same(pa, pb, at: i) {
                        #expect(a[i] == b[i])
                        sameCount += 1
                    }
                    for row in 0..<3 where CellBits.sameRow(pa, pb, from: row * width, count: width) {
                        #expect(Array(a[row * width..<(row + 1) * width]) == Array(b[row * width..<(row + 1) * width]))
                    }
                    #expect(CellBits.sameRow(pa, pa, from: 0, count: a.count))
                }
            }
        }
        #expect(sameCount > 1000)   // the fast path is taken, not only the fallback
    }
}
