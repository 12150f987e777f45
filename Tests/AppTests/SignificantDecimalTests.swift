import Foundation
import Testing
@testable import App

/// `%g`/`%e` and negative `%f` without Foundation give exactly printf's text (issue 13).
@Suite struct SignificantDecimalTests {
    static func values(count: Int, seed: UInt64) -> [Double] {
        var state = seed
        var out: [Double] = []
        for _ in 0..<count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let mantissa = Double(state >> 11) / Double(1 << 53)
            let magnitude = pow(10, Double(Int(state % 31)) - 15)
            out.append(mantissa * magnitude * ((state >> 7) & 1 == 0 ? 1 : -1))
        }
        // Decimal grids (ties of every precision), powers of ten and their neighbours, edges.
        for k in -2000...2000 { out += [Double(k) / 1000, Double(k) / 8, Double(k) * 0.005] }
        for e in -25...25 { let p = pow(10, Double(e)); out += [p, p.nextUp, p.nextDown, 9.995 * p, 9.9995 * p, 0.5 * p] }
        out += [0, -0, 999.5, 99.95, 9.995, 999.7, 0.000999999, 5e-324, 1e300, .nan, .infinity, -.infinity, 2.675, 1.005]
        return out
    }

    @Test func generalStyleMatchesPrintf() {
        for x in Self.values(count: 30_000, seed: 0x13_600D) {
            for p in 1...6 {
                #expect(SignificantDecimal.format(x, digits: p) == String(format: "%.\(p)g", x), "x = \(x), %.\(p)g")
            }
        }
    }

    @Test func exponentialStyleMatchesPrintf() {
        for x in Self.values(count: 30_000, seed: 0xE_0013) {
            for p in 1...5 {
                #expect(SignificantDecimal.format(x, digits: p, style: .exponential) == String(format: "%.\(p - 1)e", x),
                        "x = \(x), %.\(p - 1)e")
            }
        }
    }

    @Test func negativeFixedMatchesPrintf() {
        for x in Self.values(count: 20_000, seed: 0xF_0013) where x < 0 || x.sign == .minus {
            for d in 0...4 {
                #expect(FixedDecimal.format(x, decimals: d) == String(format: "%.\(d)f", x), "x = \(x), %.\(d)f")
            }
        }
    }
}
