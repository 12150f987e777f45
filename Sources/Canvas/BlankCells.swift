import Synchronization

/// Arrays of blank cells, shared: every frame starts from a blank buffer of the terminal's
/// size, and copying a shared blank array (copy on write, a memcpy) is cheaper than filling a
/// new one cell by cell (issue 13, the live-app frame target). The arrays are values, so a
/// buffer made from one is exactly a buffer filled with `Cell.blank`.
final class BlankCells: Sendable {
    static let shared = BlankCells()

    /// The last sizes asked for, newest first (a resize or a second buffer size does not thrash).
    private let arrays = Mutex<[[Cell]]>([])

    /// `count` blank cells.
    func cells(count: Int) -> [Cell] {
        if let hit = arrays.withLock({ list in list.first { $0.count == count } }) { return hit }
        let fresh = [Cell](repeating: .blank, count: count)
        arrays.withLock { list in
            list.insert(fresh, at: 0)
            if list.count > 4 { list.removeLast(list.count - 4) }
        }
        return fresh
    }
}
