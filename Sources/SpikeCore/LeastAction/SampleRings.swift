/// A fixed-capacity ring of samples, oldest dropped first (oscilloscope traces, series).
public struct SampleRing<Element: Sendable>: Sendable {
    public let capacity: Int
    private var storage: [Element] = []
    private var head = 0

    public init(capacity: Int) {
        precondition(capacity >= 1)
        self.capacity = capacity
        storage.reserveCapacity(capacity)
    }

    public var count: Int { storage.count }

    public mutating func append(_ x: Element) {
        if storage.count < capacity {
            storage.append(x)
        } else {
            storage[head] = x
            head = (head + 1) % capacity
        }
    }

    /// The samples, oldest first.
    public var ordered: [Element] {
        storage.count < capacity ? storage : Array(storage[head...] + storage[..<head])
    }

    /// Calls `body(k, sample)` for every sample oldest first (k = 0 for the oldest): the
    /// elements of `ordered` without building it.
    public func forEachOrdered(_ body: (Int, Element) -> Void) {
        // Until the ring is full `head` is 0 and the storage is in order.
        let n = storage.count
        for k in 0..<n {
            let i = head + k
            body(k, storage[i < n ? i : i - n])
        }
    }

    /// The newest `n` samples (or fewer), oldest first.
    public func last(_ n: Int) -> [Element] {
        let all = ordered
        return Array(all.suffix(n))
    }
}

/// Columns of a matrix over time (a heat strip: one column of `rows` values per sample),
/// newest `capacity` columns kept.
public struct ColumnRing: Sendable {
    public let rows: Int
    private var columns: SampleRing<[Double]>

    public init(rows: Int, capacity: Int) {
        self.rows = rows
        columns = SampleRing(capacity: capacity)
    }

    public var count: Int { columns.count }
    public var capacity: Int { columns.capacity }

    public mutating func append(_ column: ArraySlice<Double>) {
        precondition(column.count == rows)
        columns.append(Array(column))
    }

    /// Row-major values (row r, column c at r * count + c; oldest column first), as a
    /// `Landscape` wants them.
    public var rowMajor: [Double] {
        let n = columns.count, rows = rows
        var out = [Double](repeating: 0, count: rows * n)
        // Column by column from the ring itself (no array of the ordered columns per call:
        // the least-action readout asks for this every frame; issue 13).
        out.withUnsafeMutableBufferPointer { out in
            columns.forEachOrdered { c, column in
                precondition(column.count == rows)
                column.withUnsafeBufferPointer { column in
                    for r in 0..<rows { out[r * n + c] = column[r] }
                }
            }
        }
        return out
    }
}

/// The mean of a quantity over a sliding window, kept as sums over fixed bins: the window
/// covers the last `binCount` complete bins plus the current partial one.
public struct SlidingMean: Sendable {
    public let binCount: Int
    private var sums: SampleRing<Double>
    private var counts: SampleRing<Int>
    private var currentSum = 0.0
    private var currentCount = 0

    public init(binCount: Int) {
        self.binCount = binCount
        sums = SampleRing(capacity: binCount)
        counts = SampleRing(capacity: binCount)
    }

    public mutating func add(_ x: Double) {
        currentSum += x
        currentCount += 1
    }

    /// Closes the current bin.
    public mutating func closeBin() {
        sums.append(currentSum)
        counts.append(currentCount)
        currentSum = 0
        currentCount = 0
    }

    /// Mean over the window, NaN when empty.
    public var mean: Double {
        let n = counts.ordered.reduce(currentCount, +)
        return n == 0 ? .nan : (sums.ordered.reduce(currentSum, +)) / Double(n)
    }
}

/// A plain running mean (sum and count).
public struct RunningMean: Sendable, Equatable {
    public private(set) var sum = 0.0
    public private(set) var count = 0
    public init() {}
    public mutating func add(_ x: Double) { sum += x; count += 1 }
    /// NaN when empty.
    public var mean: Double { count == 0 ? .nan : sum / Double(count) }
}
