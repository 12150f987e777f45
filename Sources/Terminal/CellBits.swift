import Canvas
#if canImport(Glibc)
import Glibc
#endif

/// Bitwise comparison of cells, the frame encoder's fast path for "unchanged" (issue 13, the
/// live-app frame target: comparing 12 000 cells field by field was a tenth of a frame's
/// present at 200x60).
///
/// Equal bits mean equal cells (a cell's value is a function of its bytes), so a bitwise match
/// may skip the cell. Unequal bits do not prove the cells differ (an enum case with a smaller
/// payload leaves bytes the value does not read, and the stride has padding), so callers then
/// ask `==`: the result is always exactly `==`'s.
enum CellBits {
    /// Bytes of a cell's value (its stride may add padding after them).
    private static let size = MemoryLayout<Cell>.size
    private static let stride = MemoryLayout<Cell>.stride
    /// The comparison by two 64-bit words covers the value: 9 to 16 bytes, within the stride.
    private static let twoWords = size > 8 && size <= 16 && stride >= 16
    /// Mask of the value's bytes in the second word (little-endian: the low bytes come first).
    private static let secondWordMask: UInt64 = size >= 16 ? ~0 : (UInt64(1) << UInt64(8 * max(0, size - 8))) &- 1

    /// Whether the cells at index `i` of `a` and `b` have the same bytes.
    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<Cell>, _ b: UnsafeBufferPointer<Cell>, at i: Int) -> Bool {
        guard twoWords, let pa = a.baseAddress, let pb = b.baseAddress else { return false }
        let ra = UnsafeRawPointer(pa + i), rb = UnsafeRawPointer(pb + i)
        return ra.loadUnaligned(as: UInt64.self) == rb.loadUnaligned(as: UInt64.self)
            && (ra.loadUnaligned(fromByteOffset: 8, as: UInt64.self) ^ rb.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                & secondWordMask == 0
    }

    /// Whether cell `i` of `a` and cell `j` of `b` have the same bytes (a cell compared with its
    /// source column after a sideways move, `HorizontalShift`).
    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<Cell>, at i: Int, _ b: UnsafeBufferPointer<Cell>, at j: Int) -> Bool {
        guard twoWords, let pa = a.baseAddress, let pb = b.baseAddress else { return false }
        let ra = UnsafeRawPointer(pa + i), rb = UnsafeRawPointer(pb + j)
        return ra.loadUnaligned(as: UInt64.self) == rb.loadUnaligned(as: UInt64.self)
            && (ra.loadUnaligned(fromByteOffset: 8, as: UInt64.self) ^ rb.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                & secondWordMask == 0
    }

    /// The stride and second-word mask of the two-word comparison, for callers that compare
    /// cells through raw pointers (`ShiftPlanner.Row`); nil when the layout does not allow it.
    static var words: (stride: Int, secondWordMask: UInt64)? { twoWords ? (stride, secondWordMask) : nil }

    /// Whether `count` cells from `start` have the same bytes in `a` and `b` (padding included,
    /// so false may also mean "ask cell by cell").
    static func sameRow(_ a: UnsafeBufferPointer<Cell>, _ b: UnsafeBufferPointer<Cell>, from start: Int, count: Int) -> Bool {
        guard count > 0, start >= 0, start + count <= a.count, start + count <= b.count,
              let pa = a.baseAddress, let pb = b.baseAddress else { return false }
        return memcmp(pa + start, pb + start, count * stride) == 0
    }
}
