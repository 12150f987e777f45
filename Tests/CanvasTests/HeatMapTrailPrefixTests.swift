import Testing
@testable import Canvas

/// The trail cache's prefix test (issue 13: compared as 64-bit words, no early exit) answers
/// as comparing every point's coordinates by bit pattern: random trails with one bit changed
/// anywhere, NaN, −0 against +0, shorter and longer trails, the same storage and empty ones.
@Suite struct HeatMapTrailPrefixTests {
    static func straightforward(_ a: [(x: Double, y: Double)], _ b: [(x: Double, y: Double)]) -> Bool {
        guard a.count <= b.count else { return false }
        for i in 0..<a.count where a[i].x.bitPattern != b[i].x.bitPattern || a[i].y.bitPattern != b[i].y.bitPattern {
            return false
        }
        return true
    }

    @Test func prefixTestEqualsComparingEveryCoordinate() {
        var g = TestRandom(seed: 0x9EF1)
        var answers = (yes: 0, no: 0)
        for trial in 0..<2000 {
            let n = Int(g.next() % 300)
            let b: [(x: Double, y: Double)] = (0..<n).map { _ in
                g.next() % 20 == 0 ? (.nan, .nan) : (g.uniform() * 4 - 2, g.uniform() * 4 - 2)
            }
            var a = Array(b.prefix(Int(g.next() % UInt64(n + 3))))
            switch g.next() % 5 {
            case 0 where !a.isEmpty:   // one bit of one coordinate
                let i = Int(g.next() % UInt64(a.count)), bit = UInt64(1) << (g.next() % 64)
                if g.next() % 2 == 0 { a[i].x = Double(bitPattern: a[i].x.bitPattern ^ bit) } else { a[i].y = Double(bitPattern: a[i].y.bitPattern ^ bit) }
            case 1 where !a.isEmpty:   // a zero of the other sign
                let i = Int(g.next() % UInt64(a.count))
                a[i].x = 0; if i < b.count { var c = b; c[i].x = -0.0; #expect(HeatMapTrailCache.isPrefix(a, of: c) == Self.straightforward(a, c)) }
            case 2: a += [(1, 1)]       // longer than the trail by one
            default: break
            }
            let expected = Self.straightforward(a, b)
            #expect(HeatMapTrailCache.isPrefix(a, of: b) == expected, "trial \(trial): \(a.count) of \(b.count)")
            if expected { answers.yes += 1 } else { answers.no += 1 }
        }
        let same: [(x: Double, y: Double)] = [(1, 2), (.nan, 3)]
        #expect(HeatMapTrailCache.isPrefix(same, of: same))
        #expect(HeatMapTrailCache.isPrefix([], of: []) && HeatMapTrailCache.isPrefix([], of: same))
        #expect(answers.yes > 300 && answers.no > 300, "both answers tested: \(answers)")
    }
}
