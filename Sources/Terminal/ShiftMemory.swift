/// What the frame writer chose for each row in earlier frames, so that finding a row's sideways
/// move is cheap where strips move by the same number of cells frame after frame (issue 13: a
/// heat strip, a film strip, a raster at a fixed speed). Owned by whoever presents frames
/// (`NcursesTerminal`), handed to `FrameEncoder.encode`, which resets it on every full repaint
/// (start, resize, a failed write) and updates it on every changed row.
///
/// Only ever a hint: `ShiftPlanner` checks a remembered offset on the frame's own cells before
/// using it, and the encoder compares every moved cell with its source, so a stale or wrong entry
/// can cost bytes but never change what the screen shows.
struct ShiftMemory: Sendable {
    /// One row's last plan: the offset of its move (0: none), and whether the probes found no
    /// candidate (then the row probes again only in turn, see `ShiftPlanner.Hints.probe`).
    struct Entry: Equatable, Sendable {
        var offset: Int32 = 0
        var probedInVain = false

        static let none = Entry()

        init() {}
        init(offset: Int, probedInVain: Bool) {
            self.offset = Int32(offset)
            self.probedInVain = probedInVain
        }
    }

    /// Entries by row (empty until the first frame after a reset).
    private(set) var rows: [Entry] = []
    /// Frames encoded since the last reset: rows take turns for far probes and, after probes
    /// in vain, for probing again (row y when (frame + y) is a multiple of the period).
    private(set) var frame = 0

    init() {}

    /// Forgets every row (a full repaint: the screen no longer shows the previous frame).
    mutating func reset(rows count: Int) {
        rows = Array(repeating: .none, count: count)
        frame = 0
    }

    /// Readies the memory for a frame of `count` rows (a different count forgets everything).
    mutating func beginFrame(rows count: Int) {
        if rows.count != count { reset(rows: count) } else { frame &+= 1 }
    }

    subscript(row: Int) -> Entry {
        get { row < rows.count ? rows[row] : .none }
        set { if row < rows.count { rows[row] = newValue } }
    }
}
