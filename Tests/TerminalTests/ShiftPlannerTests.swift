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

    /// The one-pass run search (`bestRun`, after `countUnchanged`) saves exactly what the best of
    /// all runs saves by its formula, every run [a, e) whose sources are on the row tried, for
    /// moves either way, on a screen as wide as the row or wider, with and without a column
    /// whose source the screen may not show.
    @Test func runSearchFindsTheBestOfAllRuns() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let caps = xtermCapabilities()
        let dch = try #require(caps.deleteCharacters), ich = try #require(caps.insertCharacters)
        let glyphs: [Unicode.Scalar] = ["a", "b", "c", " "]
        for trial in 0..<300 {
            let n = 20 + random(40), w = n + (trial % 3 == 0 ? random(5) : 0)
            let old = (0..<n).map { _ in Cell(glyphs[random(glyphs.count)]) }
            var new = old
            let k = 1 + random(8), left = random(2) == 0, a = random(n - k), b = a + k + random(n - a - k + 1)
            if left { for x in a..<b - k { new[x] = old[x + k] } } else { for x in a + k..<b { new[x] = old[x - k] } }
            for _ in 0..<random(6) { new[random(n)] = Cell(glyphs[random(glyphs.count)]) }
            guard let first = (0..<n).first(where: { new[$0] != old[$0] }), let last = (0..<n).last(where: { new[$0] != old[$0] }) else {
                continue
            }
            let unknownSource = trial % 4 == 0 ? random(n) : -1
            let offset = left ? k : -k, c = 1 + random(4), upper = min(n, last + 1 + k)
            func unchangedCells(_ lo: Int, _ hi: Int) -> Int { (max(lo, 0)..<max(min(hi, n), max(lo, 0))).filter { new[$0] == old[$0] }.count }
            // Every run by the formula.
            var bestAll = 0
            for s in first..<upper {
                for e in s + 1...upper {
                    guard (s..<e).allSatisfy({ $0 + offset >= 0 && $0 + offset < n && $0 + offset != unknownSource }) else { continue }
                    var g = 0
                    for x in s..<e {
                        let changed = new[x] != old[x], moved = new[x] == old[x + offset]
                        if changed && moved { g += 1 } else if !changed && !moved { g -= 1 }
                    }
                    let head = offset < 0 ? unchangedCells(s - k, s) : 0
                    let tail = offset > 0 ? c * unchangedCells(e, e + k) + (e + k < w ? 4 + ich.cost(k) : 0)
                                          : (e < w ? c * unchangedCells(max(e, w - k), n) + 4 + dch.cost(k) : 0)
                    bestAll = max(bestAll, c * (g - head) - tail)
                }
            }
            let expected: Int? = bestAll > 0 ? bestAll - (offset > 0 ? dch : ich).cost(k) : nil
            var planner = ShiftPlanner(capabilities: caps)
            let found: Int? = new.withUnsafeBufferPointer { nb in
                old.withUnsafeBufferPointer { ob in
                    guard let row = ShiftPlanner.Row(new: nb, old: ob, start: 0, cols: n, screenWidth: w, unknownSource: unknownSource) else {
                        return nil
                    }
                    planner.countUnchanged(row, first: first, last: last)
                    return planner.bestRun(row, offset: offset, first: first, upper: last + 1 + k, cellCost: c)?.saving
                }
            }
            #expect(found == expected, "trial \(trial): offset \(offset), row \(n) on \(w) columns, unknown \(unknownSource)")
        }
    }
}
