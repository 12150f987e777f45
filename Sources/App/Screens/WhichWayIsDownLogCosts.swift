import Foundation
import Synchronization

/// log10 of a cost landscape's samples (NaN where the cost is not positive), as the
/// weight-plane heat maps colour them, remembered for the last few landscapes (issue 13: the
/// natural-gradient and which-way-is-down planes took 2 240 logarithms every frame for a
/// landscape that changes only with a live parameter).
///
/// Exact: a landscape is looked up by its samples bit for bit, and a miss computes the same
/// `map` an unmemoised screen does (LogCostMemoTests).
final class LogCostMemo: Sendable {
    /// The memo the weight-plane screens use.
    static let shared = LogCostMemo()

    private let capacity = 4
    private let entries = Mutex<[(costs: [Double], logs: [Double])]>([])

    /// `LogCostMemo.compute(costs)`, remembered.
    func logs(of costs: [Double]) -> [Double] {
        let hit: [Double]? = entries.withLock { list in
            guard let i = list.firstIndex(where: { Self.sameBits($0.costs, costs) }) else { return nil }
            let entry = list.remove(at: i)
            list.insert(entry, at: 0)
            return entry.logs
        }
        if let hit { return hit }
        let logs = Self.compute(costs)
        entries.withLock { list in
            list.insert((costs, logs), at: 0)
            if list.count > capacity { list.removeLast(list.count - capacity) }
        }
        return logs
    }

    /// The colour values of a landscape: log10 of each cost, NaN for costs ≤ 0 (and NaN).
    static func compute(_ costs: [Double]) -> [Double] {
        costs.map { $0 > 0 ? log10($0) : Double.nan }
    }

    /// Whether two arrays hold the same bit patterns (NaNs included).
    static func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBufferPointer { p in
            b.withUnsafeBufferPointer { q in
                if p.baseAddress == q.baseAddress { return true }   // the same storage
                var difference: UInt64 = 0
                for i in 0..<p.count { difference |= p[i].bitPattern ^ q[i].bitPattern }
                return difference == 0
            }
        }
    }
}
