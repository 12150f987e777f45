import Synchronization

/// Arrays of one repeated cell, shared: every frame starts from a blank buffer of the
/// terminal's size that the chrome then fills with the theme's text cell. Copying a shared
/// array (copy on write, one memcpy at the first write) is cheaper than filling a new one cell
/// by cell twice (issue 13, the live-app frame target). The arrays are values, so a buffer made
/// from one is exactly a buffer filled with that cell.
final class FilledCells: Sendable {
    static let shared = FilledCells()

    /// The last arrays asked for, newest first (a resize or a second theme does not thrash;
    /// rows of the fill cells a frame uses are asked for too).
    private let arrays = Mutex<[(cell: Cell, cells: [Cell])]>([])

    /// `count` copies of `cell`.
    func cells(count: Int, of cell: Cell) -> [Cell] {
        let hit = arrays.withLock { list -> [Cell]? in
            guard let i = list.firstIndex(where: { $0.cell == cell && $0.cells.count == count }) else { return nil }
            let entry = list.remove(at: i)
            list.insert(entry, at: 0)
            return entry.cells
        }
        if let hit { return hit }
        let fresh = [Cell](repeating: cell, count: count)
        arrays.withLock { list in
            list.insert((cell, fresh), at: 0)
            if list.count > 8 { list.removeLast(list.count - 8) }
        }
        return fresh
    }
}
