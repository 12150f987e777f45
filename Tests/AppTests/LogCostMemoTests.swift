import Foundation
import Testing
@testable import App

/// The weight planes' log10 costs, memoised (issue 13), equal computing them: random
/// landscapes with zeros, negatives, NaN and ±∞ looked up repeatedly, alternated, copied into
/// new storage, and changed in one sample by one bit (which must not hit the old entry).
@Suite struct LogCostMemoTests {
    static func bits(_ a: [Double]) -> [UInt64] { a.map(\.bitPattern) }

    @Test func memoisedLogsEqualComputedOnes() {
        let memo = LogCostMemo()
        var state: UInt64 = 0x106C
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        func landscape() -> [Double] {
            (0..<Int(next() % 3000)).map { _ in
                switch next() % 10 {
                case 0: return [0, -0.0, -1, .nan, .infinity, -.infinity, 1e-320][Int(next() % 7)]
                default: return Double(next() % 1_000_000) / 1000 + 1e-9
                }
            }
        }
        var maps = (0..<6).map { _ in landscape() }
        for step in 0..<200 {
            var costs = maps[Int(next() % UInt64(maps.count))]
            switch next() % 4 {
            case 0: costs = costs.map { $0 }   // equal samples in new storage
            case 1 where !costs.isEmpty:       // one bit of one sample
                let i = Int(next() % UInt64(costs.count))
                costs[i] = Double(bitPattern: costs[i].bitPattern ^ (1 << (next() % 52)))
                maps.append(costs)
            default: break
            }
            #expect(Self.bits(memo.logs(of: costs)) == Self.bits(costs.map { $0 > 0 ? log10($0) : Double.nan }), "step \(step)")
        }
    }
}
