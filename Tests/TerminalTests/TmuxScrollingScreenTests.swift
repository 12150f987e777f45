// The frame writer's sideways moves (DCH/ICH) on a real terminal: least-action at 200x60 under
// tmux (TERM=tmux-256color has dch and ich), its hidden-activity strip scrolling for seconds.
// Paused, the pane tmux shows after thousands of incremental frames must equal, cell for cell
// with colours and attributes (capture-pane -e), the pane after a full repaint of the same
// frame (a resize away and back), and its text the app's own buffer (the `s` snapshot).
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct TmuxScrollingScreenTests {
    /// One cell of a pane as capture-pane -e prints it.
    struct PaneCell: Equatable {
        var glyph: Unicode.Scalar = " "
        var attributes = 0          // bit 0 bold, 1 dim, 2 reverse, 3 underline (as `Attributes`)
        var foreground = "default"
        var background = "default"

        /// Whether two cells look the same: a blank shows no foreground unless reversed or underlined.
        func looksLike(_ o: PaneCell) -> Bool {
            guard glyph == o.glyph, attributes == o.attributes, background == o.background else { return false }
            let showsForeground = glyph != " " || attributes & 0b1100 != 0
            return !showsForeground || foreground == o.foreground
        }
    }

    /// The pane's cells from capture-pane -e output (SGR sequences among UTF-8 text; cells after
    /// a line's end are default blanks). tmux sends each SGR relative to the cell before, also
    /// across line ends, so the pen carries over from line to line.
    static func cells(_ capture: String, width: Int, height: Int) -> [[PaneCell]] {
        var rows: [[PaneCell]] = []
        var pen = PaneCell()
        for line in capture.split(separator: "\n", omittingEmptySubsequences: false).prefix(height) {
            var row = [PaneCell](repeating: PaneCell(), count: width)
            var x = 0
            var scalars = Array(line.unicodeScalars)[...]
            while let s = scalars.first {
                scalars = scalars.dropFirst()
                if s == "\u{1b}" {
                    guard scalars.first == "[" else { continue }
                    scalars = scalars.dropFirst()
                    var text = ""
                    while let c = scalars.first, c != "m" { text.unicodeScalars.append(c); scalars = scalars.dropFirst() }
                    scalars = scalars.dropFirst()
                    applySGR(text.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }, to: &pen)
                    continue
                }
                if x < width { var c = pen; c.glyph = s; row[x] = c }
                x += 1
            }
            rows.append(row)
        }
        while rows.count < height { rows.append([PaneCell](repeating: PaneCell(), count: width)) }
        return rows
    }

    static func applySGR(_ p: [Int], to pen: inout PaneCell) {
        var k = 0
        while k < p.count {
            switch p[k] {
            case 0: pen = PaneCell()
            case 1: pen.attributes |= 1
            case 2: pen.attributes |= 2
            case 4: pen.attributes |= 8
            case 7: pen.attributes |= 4
            case 22: pen.attributes &= ~3
            case 24: pen.attributes &= ~8
            case 27: pen.attributes &= ~4
            case 30...37: pen.foreground = "\(p[k] - 30)"
            case 90...97: pen.foreground = "\(p[k] - 90 + 8)"
            case 40...47: pen.background = "\(p[k] - 40)"
            case 100...107: pen.background = "\(p[k] - 100 + 8)"
            case 38, 48:
                let isForeground = p[k] == 38
                var colour = "?"
                if k + 2 < p.count, p[k + 1] == 5 { colour = "\(p[k + 2])"; k += 2 }
                else if k + 4 < p.count, p[k + 1] == 2 { colour = "\(p[k + 2]),\(p[k + 3]),\(p[k + 4])"; k += 4 }
                if isForeground { pen.foreground = colour } else { pen.background = colour }
            case 39: pen.foreground = "default"
            case 49: pen.background = "default"
            default: break
            }
            k += 1
        }
    }

    /// The pane's text is the app's buffer (the `s` snapshot), as in `TmuxScreenMatchesBufferTests`.
    func textMatchesSnapshot(_ h: TmuxHarness) {
        func snapshots() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: h.dir)) ?? []).filter { $0.hasPrefix("spiketty-") }
        }
        h.keys("s")
        guard h.waitUntil(10, { !snapshots().isEmpty }), let name = snapshots().first else {
            Issue.record("no snapshot written:\n\(h.plain())")
            return
        }
        usleep(300_000)
        guard let snapshot = TmuxHarness.fileText("\(h.dir)/\(name)") else { return }
        let screen = h.plain()
        let rows = TmuxScreenMatchesBufferTests.differingRows(screen: screen, snapshot: snapshot)
        #expect(rows.isEmpty, "pane rows \(rows) differ from the app's buffer\npane:\n\(screen)\nbuffer:\n\(snapshot)")
    }

    @Test(.timeLimit(.minutes(2))) func scrollingStripMatchesAFullRepaint() throws {
        guard let (tmux, bin) = TmuxHarness.tools() else { return }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = root.appendingPathComponent("scenarios/least-action.toml").path
        let h = try TmuxHarness(tmux: tmux)
        defer { h.tearDown() }
        let (width, height) = (200, 60)
        h.tmux("resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)")
        h.type("cd \(TmuxHarness.shellQuote(h.dir)); \(TmuxHarness.shellQuote(bin)) run \(TmuxHarness.shellQuote(scenario))")
        try #require(h.waitUntil(15) { TmuxHarness.hasBraille(h.plain()) }, "the app did not start:\n\(h.plain())")

        for round in 0..<3 {
            usleep(3_000_000)   // about 90 frames of a scrolling strip
            h.keys("Space")
            try #require(h.waitUntil(10) { h.plain().contains("PAUSED") }, "did not pause:\n\(h.plain())")
            usleep(300_000)
            let incremental = Self.cells(h.capture(escapes: true), width: width, height: height)
            if round == 0 { textMatchesSnapshot(h) }
            // A full repaint of the same (paused) frame: one column narrower and back.
            h.tmux("resize-window", "-t", "t", "-x", "\(width - 1)", "-y", "\(height)")
            usleep(600_000)
            h.tmux("resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)")
            usleep(900_000)
            let repainted = Self.cells(h.capture(escapes: true), width: width, height: height)
            // Rows 1..<height-1: the title (frame rate) and the bottom line may change.
            var differing: [String] = []
            for y in 1..<height - 1 {
                for x in 0..<width where !incremental[y][x].looksLike(repainted[y][x]) {
                    differing.append("(\(x),\(y)) \(incremental[y][x]) vs \(repainted[y][x])")
                }
            }
            #expect(differing.isEmpty, "round \(round): \(differing.count) cells differ from the full repaint: \(differing.prefix(6))")
            #expect(!incremental[10].allSatisfy { $0.glyph == " " }, "round \(round): the pane looks empty")
            h.keys("Space")
            try #require(h.waitUntil(10) { !h.plain().contains("PAUSED") }, "did not resume:\n\(h.plain())")
        }
        h.keys("q")
        _ = h.waitUntil(10) { !TmuxHarness.hasBraille(h.plain()) }
        h.type("echo EXIT=$?")
        #expect(h.waitForExitStatus(10) == 0, "exit status after q:\n\(h.plain())")
    }
}
