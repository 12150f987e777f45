// The frame writer's proof on a real terminal: with the app paused, what tmux shows
// (capture-pane) is, row for row, the app's own cell buffer (the plain-text snapshot `s`
// writes) — after the first frames, after a resize (full repaint) and after Ctrl-Z / fg
// (ncurses repaints what it believes, the writer repaints everything).
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct TmuxScreenMatchesBufferTests {
    /// Rows of the pane that differ from the snapshot, ignoring the title bar (frame rate,
    /// PAUSED) and the bottom row (the "snapshot saved" message) and trailing blanks.
    static func differingRows(screen: String, snapshot: String) -> [Int] {
        func rows(_ text: String) -> [Substring] {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                var l = line
                while l.last == " " { l = l.dropLast() }
                return l
            }
        }
        var a = rows(screen), b = rows(snapshot)
        while a.last?.isEmpty == true { a.removeLast() }
        while b.last?.isEmpty == true { b.removeLast() }
        let rows = min(a.count, b.count)
        guard rows > 2 else { return [-1] }
        return (1..<rows - 1).filter { a[$0] != b[$0] }
    }

    @Test(.timeLimit(.minutes(2))) func paneShowsTheAppsBuffer() throws {
        guard let (tmux, bin) = TmuxHarness.tools() else { return }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = root.appendingPathComponent("scenarios/least-action.toml").path
        let h = try TmuxHarness(tmux: tmux)
        defer { h.tearDown() }
        let dir = h.dir
        h.type("cd \(TmuxHarness.shellQuote(dir)); \(TmuxHarness.shellQuote(bin)) run \(TmuxHarness.shellQuote(scenario))")
        try #require(h.waitUntil(15) { TmuxHarness.hasBraille(h.plain()) }, "the app did not start:\n\(h.plain())")
        h.keys("Space")
        try #require(h.waitUntil(10) { h.plain().contains("PAUSED") }, "did not pause:\n\(h.plain())")

        func snapshots() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix("spiketty-") }
        }
        func snapshotMatches(_ when: String) {
            for f in snapshots() { try? FileManager.default.removeItem(atPath: "\(dir)/\(f)") }
            h.keys("s")
            guard h.waitUntil(10, { !snapshots().isEmpty }), let name = snapshots().first else {
                Issue.record("\(when): no snapshot written:\n\(h.plain())")
                return
            }
            usleep(300_000)   // the file is complete and the pane has the frame with the message
            guard let snapshot = TmuxHarness.fileText("\(dir)/\(name)") else { return }
            let screen = h.plain()
            let rows = Self.differingRows(screen: screen, snapshot: snapshot)
            #expect(rows.isEmpty, "\(when): pane rows \(rows) differ from the app's buffer\npane:\n\(screen)\nbuffer:\n\(snapshot)")
        }
        snapshotMatches("after start")

        h.tmux("resize-window", "-t", "t", "-x", "140", "-y", "44")
        _ = h.waitUntil(10) { h.plain().split(separator: "\n", omittingEmptySubsequences: false).first?.count ?? 0 > 100 }
        usleep(500_000)
        snapshotMatches("after growing to 140x44")
        h.tmux("resize-window", "-t", "t", "-x", "80", "-y", "24")
        usleep(800_000)
        snapshotMatches("after shrinking to 80x24")

        h.keys("C-z")
        try #require(h.waitUntil(10) { h.plain().contains("Stopped") }, "Ctrl-Z did not stop the app:\n\(h.plain())")
        h.type("fg")
        try #require(h.waitUntil(10) { TmuxHarness.hasBraille(h.plain()) }, "fg did not bring the app back:\n\(h.plain())")
        usleep(800_000)
        snapshotMatches("after Ctrl-Z and fg")

        h.keys("q")
        _ = h.waitUntil(10) { !TmuxHarness.hasBraille(h.plain()) }
        h.type("echo EXIT=$?")   // the status of fg: the app's
        #expect(h.waitForExitStatus(10) == 0, "exit status after q:\n\(h.plain())")
        #expect(!TmuxHarness.hasBraille(h.plain()), "braille still on screen after q:\n\(h.plain())")
    }
}
