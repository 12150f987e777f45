/// The reflected binary Gray code and the Karnaugh-map layout of the 2^N states of N binary
/// units on a 2-D grid, so that neighbouring cells (left/right, up/down, and across the wrap)
/// differ in exactly one unit.
///
/// ```
/// N = 4: rows = Gray code of the 2 high bits, columns = Gray code of the 2 low bits
///          00   01   11   10      ← low bits
///   00   0000 0001 0011 0010
///   01   0100 0101 0111 0110
///   11   1100 1101 1111 1110
///   10   1000 1001 1011 1010
/// ```
/// A state is an integer `s` in `0 ..< 2^N`; bit k of `s` is unit k's value. The layout splits
/// `s` into its high `rowBits = N / 2` bits and low `columnBits = N − rowBits` bits (so there are
/// at least as many columns as rows, which suits wide terminals).
public enum GrayCode {
    /// The `i`-th code word of the reflected binary code: `i ^ (i >> 1)` (0, 1, 3, 2, 6, 7, 5, 4, …).
    public static func gray(_ index: Int) -> Int {
        index ^ (index >> 1)
    }

    /// The position of code word `gray` in the sequence (the inverse of `gray(_:)`):
    /// the prefix XOR of its bits from the top.
    public static func index(ofGray gray: Int) -> Int {
        var g = gray
        var i = 0
        while g != 0 {
            i ^= g
            g >>= 1
        }
        return i
    }

    /// The `2^bits` code words in order (empty for `bits` < 0 or > 20).
    public static func sequence(bits: Int) -> [Int] {
        guard bits >= 0, bits <= 20 else { return [] }
        return (0..<(1 << bits)).map(gray)
    }

    /// `value` as a string of `bits` binary digits, most significant first (`binary(5, bits: 4) == "0101"`).
    public static func binary(_ value: Int, bits: Int) -> String {
        guard bits > 0 else { return "" }
        var s = ""
        for k in stride(from: bits - 1, through: 0, by: -1) { s.append((value >> k) & 1 == 1 ? "1" : "0") }
        return s
    }

    /// Where each of the 2^N states sits on the Gray-code grid.
    public struct Layout: Hashable, Sendable {
        /// N, the number of binary units (clamped to 0...20).
        public let bitCount: Int
        /// High bits, laid out down the rows: `bitCount / 2`.
        public let rowBits: Int
        /// Low bits, laid out across the columns: `bitCount − rowBits`.
        public let columnBits: Int

        public init(bitCount: Int) {
            self.bitCount = min(max(0, bitCount), 20)
            rowBits = self.bitCount / 2
            columnBits = self.bitCount - rowBits
        }

        /// `2^rowBits`.
        public var rows: Int { 1 << rowBits }
        /// `2^columnBits`.
        public var columns: Int { 1 << columnBits }
        /// `2^bitCount`.
        public var stateCount: Int { 1 << bitCount }

        /// The state at (row, column): `gray(row) << columnBits | gray(column)`; nil outside the grid.
        public func state(row: Int, column: Int) -> Int? {
            guard row >= 0, row < rows, column >= 0, column < columns else { return nil }
            return GrayCode.gray(row) << columnBits | GrayCode.gray(column)
        }

        /// The cell of state `s`: row = index of its high bits, column = index of its low bits
        /// in the Gray sequence; nil for states outside `0 ..< 2^N`.
        public func position(of state: Int) -> (row: Int, column: Int)? {
            guard state >= 0, state < stateCount else { return nil }
            let low = state & (columns - 1)
            let high = state >> columnBits
            return (GrayCode.index(ofGray: high), GrayCode.index(ofGray: low))
        }

        /// The label of row `row`: its high bits (`rowBits` digits).
        public func rowLabel(_ row: Int) -> String { GrayCode.binary(GrayCode.gray(row), bits: rowBits) }

        /// The label of column `column`: its low bits (`columnBits` digits).
        public func columnLabel(_ column: Int) -> String { GrayCode.binary(GrayCode.gray(column), bits: columnBits) }

        /// The states row by row (row 0 first), each row left to right.
        public var grid: [[Int]] {
            (0..<rows).map { r in (0..<columns).map { c in GrayCode.gray(r) << columnBits | GrayCode.gray(c) } }
        }
    }
}
