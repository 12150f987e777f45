/// A run of one row's cells that moved sideways by whole cells since the previous frame, and
/// the two ECMA-48 edits that move it on the terminal instead of rewriting it (issue 13: heat
/// strips and film strips scroll by whole columns; writing only changed cells rewrote them all).
///
/// Columns `start..<end` of the new frame show the previous frame's columns shifted by
/// `offset` (`new[x] == old[x + offset]`): offset k > 0 is content that moved left by k, -k
/// content that moved right. With W the screen's width (the line's right margin), DCH n
/// (`dch`, `ESC [ n P`) deletes n characters at the cursor (the rest of the line moves left,
/// blanks enter at the margin) and ICH n (`ich`, `ESC [ n @`) inserts n blanks at the cursor
/// (the rest moves right, the last n leave the line); neither moves the cursor (ECMA-48 8.3.26,
/// 8.3.64; xterm, tmux, screen, linux, VTE):
/// - left by k: DCH k at `start` puts old[x + k] at every x in start..<W-k; ICH k at `end` moves
///   the part from `end` back right, so every column from end + k shows its old cell again and
///   end..<end+k hold inserted blanks. When end + k == W the ICH is not sent (the DCH's blanks
///   are already there).
/// - right by k: ICH k at start - k puts old[x - k] at every x from `start` (blanks at
///   start-k..<start); DCH k at `end` moves the part from end + k back left, so columns
///   end..<W-k show their old cells and max(end, W-k)..<W hold blanks. When end == W the DCH is
///   not sent.
///
/// The blanks take the pen's background on `bce` terminals (and whatever else a terminal puts
/// there), so the writer never trusts them: `isUnknown` columns are written like changed cells.
/// Everywhere else the screen shows after the edits what the previous frame's cells at the
/// source columns showed: whole cells move, the encoder only ever writes single-width scalars
/// (`CellDiff.displayScalar`, so no wide glyph or combining sequence can be split at a run's
/// edge), and a moved blank keeps the foreground the screen gave it, which is invisible exactly
/// as before (the writer compares the next cell with the source cell: equal cells look alike).
struct HorizontalShift: Equatable {
    var start: Int
    var end: Int
    var offset: Int
    /// The terminal's width W.
    var screenWidth: Int

    var count: Int { offset < 0 ? -offset : offset }

    /// Columns of the two edits and whether the second is sent.
    var firstColumn: Int { offset > 0 ? start : start - count }
    var sendsSecond: Bool { offset > 0 ? end + count < screenWidth : end < screenWidth }

    /// The columns holding inserted blanks after the edits: one or two ranges (empty when
    /// lower == upper).
    var unknownA: (lower: Int, upper: Int) {
        offset > 0 ? (end, min(end + count, screenWidth)) : (start - count, start)
    }
    var unknownB: (lower: Int, upper: Int) {
        offset < 0 && sendsSecond ? (max(end, screenWidth - count), screenWidth) : (0, 0)
    }

    @inline(__always)
    func isUnknown(_ x: Int) -> Bool {
        let a = unknownA, b = unknownB
        return (x >= a.lower && x < a.upper) || (x >= b.lower && x < b.upper)
    }

    /// Bytes of the two edits without the cursor moves.
    func editCost(_ caps: TerminalCapabilities) -> Int {
        guard let dch = caps.deleteCharacters, let ich = caps.insertCharacters else { return Int.max / 4 }
        let first = offset > 0 ? dch.cost(count) : ich.cost(count)
        let second = offset > 0 ? ich.cost(count) : dch.cost(count)
        return first + (sendsSecond ? second : 0)
    }
}
