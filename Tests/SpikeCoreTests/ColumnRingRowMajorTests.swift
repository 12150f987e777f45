import Testing
@testable import SpikeCore

/// `ColumnRing.rowMajor`, read from the ring in place (issue 13), equals the row-major layout of
/// `ordered` columns, before and after the ring wraps, at every fill level.
@Suite struct ColumnRingRowMajorTests {
    @Test func rowMajorEqualsTheOrderedColumns() {
        for (rows, capacity) in [(1, 1), (3, 1), (7, 5), (24, 13)] {
            var ring = ColumnRing(rows: rows, capacity: capacity)
            var appended: [[Double]] = []
            for step in 0..<(3 * capacity + 2) {
                let column = (0..<rows).map { Double(step * 100 + $0) + 0.25 }
                ring.append(column[...])
                appended.append(column)
                let kept = Array(appended.suffix(capacity))
                var expected = [Double](repeating: 0, count: rows * kept.count)
                for (c, col) in kept.enumerated() { for r in 0..<rows { expected[r * kept.count + c] = col[r] } }
                #expect(ring.rowMajor == expected, "rows \(rows), capacity \(capacity), step \(step)")
            }
            var samples = SampleRing<Int>(capacity: capacity)
            for k in 0..<(2 * capacity + 1) {
                samples.append(k)
                var visited: [Int] = []
                samples.forEachOrdered { i, x in #expect(i == visited.count); visited.append(x) }
                #expect(visited == samples.ordered)
            }
        }
    }
}
