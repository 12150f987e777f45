import Foundation
import Testing
@testable import App

/// The title bar's formatter gives exactly `String(format: "%.Nf")`'s text.
@Suite struct FixedDecimalTests {
    @Test func sameTextAsPrintfForClockLikeValues() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var checked = 0
        for decimals in 0...3 {
            // Every multiple of 1/2000 below 200 (ties of %.2f and %.3f included) ...
            for k in 0..<400_000 where k % (decimals + 1) == 0 {
                let x = Double(k) / 2000
                #expect(FixedDecimal.format(x, decimals: decimals) == String(format: "%.\(decimals)f", x), "x = \(x)")
                checked += 1
            }
            // ... and random values over many magnitudes (clock times in s, frame rates, speeds).
            for _ in 0..<20_000 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let mantissa = Double(state >> 11) / Double(1 << 53)
                let x = mantissa * pow(10, Double(Int(state % 9)) - 3)
                #expect(FixedDecimal.format(x, decimals: decimals) == String(format: "%.\(decimals)f", x), "x = \(x)")
                checked += 1
            }
        }
        #expect(checked > 300_000)
    }

    @Test func edgeValuesFallBackToPrintf() {
        for x in [0.0, -0.0, -1.255, 0.125, 2.675, 1e12, .infinity, -.infinity, .nan, 0.005, 999.995] {
            for d in 0...3 {
                #expect(FixedDecimal.format(x, decimals: d) == String(format: "%.\(d)f", x), "x = \(x), \(d) decimals")
            }
        }
    }
}
