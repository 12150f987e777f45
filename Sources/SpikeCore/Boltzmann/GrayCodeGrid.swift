/// Places the 2^N states of N binary units on a 2-D grid so that horizontally or vertically
/// neighbouring cells differ in exactly one unit (a Karnaugh-map layout). With the state index
/// of science.md 1.12 (z_0 = most significant bit), the high ⌊N/2⌋ bits (units z_0 …
/// z_{⌊N/2⌋−1}) choose the row and the low ⌈N/2⌉ bits (the remaining units) the column, each
/// through the reflected binary Gray code g(i) = i ⊕ (i >> 1): 2^⌈N/2⌉ columns × 2^⌊N/2⌋ rows.
/// This is the same layout as Canvas's `GrayCode.Layout` (rows = high bits, columns = low bits).
/// A move of the network by one spike or one refractory end is a step to a neighbouring cell
/// (or a wrap-around at the edge).
public struct GrayCodeGrid: Sendable, Equatable {
    public let unitCount: Int
    /// Low bits of the state index, across the columns.
    public let columnBits: Int
    /// High bits of the state index, down the rows.
    public let rowBits: Int

    public init(unitCount n: Int) {
        precondition(n >= 1)
        unitCount = n
        rowBits = n / 2
        columnBits = n - n / 2
    }

    public var columns: Int { 1 << columnBits }
    public var rows: Int { 1 << rowBits }

    /// Reflected binary Gray code of i.
    public static func gray(_ i: Int) -> Int { i ^ (i >> 1) }

    /// Inverse Gray code: the i with gray(i) = g.
    public static func inverseGray(_ g: Int) -> Int {
        var i = g
        var shift = g >> 1
        while shift != 0 {
            i ^= shift
            shift >>= 1
        }
        return i
    }

    /// (column, row) of a state index (row 0 = first row of the grid).
    public func cell(ofState index: Int) -> (column: Int, row: Int) {
        let low = index & ((1 << columnBits) - 1)
        let high = index >> columnBits
        return (Self.inverseGray(low), Self.inverseGray(high))
    }

    /// State index shown in a cell.
    public func state(column: Int, row: Int) -> Int {
        (Self.gray(row) << columnBits) | Self.gray(column)
    }

    /// Per-state values laid out row-major over the grid (row 0 first), e.g. energies.
    public func layout(_ perState: [Double]) -> [Double] {
        precondition(perState.count == 1 << unitCount)
        var out = Array(repeating: 0.0, count: columns * rows)
        for row in 0..<rows {
            for column in 0..<columns { out[row * columns + column] = perState[state(column: column, row: row)] }
        }
        return out
    }
}
