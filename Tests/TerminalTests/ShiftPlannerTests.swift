// The shift planner's bitwise cell comparison and its choices on rows where the right answer is
// known.
import Canvas
import Testing
@testable import Terminal

@Suite struct ShiftPlannerTests {
    /// The planner compares raw bits: equal bits must mean equal cells, and cells built alike
    /// must have equal bits (else no shift would ever be found).
    @Test func bitwiseComparisonAgreesWithCellEquality() throws {
        let styles: [Style] = [.plain, Style(foreground: .indexed(1)), Style(foreground: .indexed(1), attributes: .bold),
                               Style(background: .indexed(1)), Style(foreground: .rgb(1, 2, 3)), Style(foreground: .rgb(1, 2, 4)),
                               Style(foreground: .indexed(200), background: .indexed(17), attributes: [.reverse, .underline])]
        let glyphs: [Unicode.Scalar] = ["a", "\u{2580}", " ", "\u{1F600}"]
        var cells: [Cell] = []
        for s in styles { for g in glyphs { cells.append(Cell(g, style: s)) } }
        let again = cells.map { Cell($0.character, style: Style(foreground: $0.style.foreground, background: $0.style.background,
                                                               attributes: $0.style.attributes)) }
        try cells.withUnsafeBufferPointer { a in
            try again.withUnsafeBufferPointer { b in
                let row = try #require(ShiftPlanner.Row(new: a, old: b, start: 0, cols: a.count, screenWidth: a.count, unknownSource: -1),
                                       "cells cannot be compared as two words: no shifts")
                for i in 0..<a.count {
                    for j in 0..<b.count {
                        #expect(row.equal(i, j) == (a[i] == b[j]), "cells \(a[i]) and \(b[j])")
                    }
                }
            }
        }
    }

    static func plan(_ old: [Unicode.Scalar], _ new: [Unicode.Scalar], caps: TerminalCapabilities = xtermCapabilities()) -> HorizontalShift? {
        let a = old.map { Cell($0) }, b = new.map { Cell($0) }
        guard let first = b.indices.first(where: { a[$0] != b[$0] }), let last = b.indices.last(where: { a[$0] != b[$0] }) else {
            return nil
        }
        var planner = ShiftPlanner(capabilities: caps)
        return b.withUnsafeBufferPointer { nb in
            a.withUnsafeBufferPointer { ob in
                ShiftPlanner.Row(new: nb, old: ob, start: 0, cols: b.count, screenWidth: b.count, unknownSource: -1)
                    .flatMap { planner.plan($0, first: first, last: last) }
            }
        }
    }

    /// 60 distinct glyphs.
    static let row = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234567".unicodeScalars)

    @Test func findsTheMoveAndItsRun() {
        // 20..<50 moved 9 left (a film strip's image width), the rest unchanged but for a clock at 2.
        var moved = Self.row
        for x in 20..<41 { moved[x] = Self.row[x + 9] }
        for x in 41..<50 { moved[x] = "#" }
        moved[2] = "9"
        #expect(Self.plan(Self.row, moved) == HorizontalShift(start: 20, end: 41, offset: 9, screenWidth: 60))
        // Moved right up to the line's end (no DCH, nothing blanked at the end).
        var right = Self.row
        for x in 29..<60 { right[x] = Self.row[x - 9] }
        for x in 20..<29 { right[x] = "#" }
        #expect(Self.plan(Self.row, right) == HorizontalShift(start: 29, end: 60, offset: -9, screenWidth: 60))
        // Moved right but not to the end: the DCH after it blanks the line's last 9 cells, which
        // then cost as much as the move saves.
        var inside = Self.row
        for x in 29..<50 { inside[x] = Self.row[x - 9] }
        for x in 20..<29 { inside[x] = "#" }
        #expect(Self.plan(Self.row, inside) == nil)
    }

    @Test func noMoveWhereNoneSaves() {
        // Nothing moved; everything new.
        #expect(Self.plan(Self.row, Self.row.map { _ in "#" }) == nil)
        #expect(Self.plan(Self.row, Array(Self.row.reversed())) == nil)
        // A move of two cells saves less than its edits.
        var short = Self.row
        short[30] = Self.row[31]; short[31] = Self.row[32]
        #expect(Self.plan(Self.row, short) == nil)
        // Without dch/ich there is never a move.
        var moved = Self.row
        for x in 0..<59 { moved[x] = Self.row[x + 1] }
        #expect(Self.plan(Self.row, moved) != nil)
        #expect(Self.plan(Self.row, moved, caps: capabilitiesWithoutShifts()) == nil)
    }
}
