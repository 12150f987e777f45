// The exit paths and terminal sizes realTerminalUnderTmux does not cover (issue 12): Esc,
// SIGHUP, a Swift trap (SIGILL), a failed start (unknown TERM, not a tty), tiny and huge
// windows and a storm of resizes. Each run checks the exit status, that the alternate
// screen was left (no braille) and, where the shell can record them, the tty modes.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension TmuxEndToEndTests {
    @Test(.timeLimit(.minutes(3))) func everyExitPathRestoresTheTerminal() throws {
        guard let tmux = TmuxHarness.findExecutable("tmux") else {
            Issue.record("tmux is not installed (apt-get install tmux); the end-to-end test cannot run")
            return
        }
        let bin = TmuxHarness.spikettyBinary()
        try #require(FileManager.default.isExecutableFile(atPath: bin), "spiketty binary not found at \(bin)")
        let h = try TmuxHarness(tmux: tmux)
        defer { h.tearDown() }
        let dir = h.dir, q = TmuxHarness.shellQuote(bin)

        /// Starts the app with its pid in `dir/pidN` and the tty modes around it; returns the pid.
        func start(_ n: Int) throws -> pid_t {
            h.type("clear; stty -g > \(dir)/before\(n); sh -c 'echo $$ > \(dir)/pid\(n); exec \"$0\"' \(q); echo EXIT=$?; stty -g > \(dir)/after\(n)")
            let started = h.waitUntil(15) { TmuxHarness.hasBraille(h.plain()) && TmuxHarness.fileText("\(dir)/pid\(n)")?.isEmpty == false }
            try #require(started, "run \(n) did not start:\n\(h.plain())")
            return try #require(TmuxHarness.fileText("\(dir)/pid\(n)").flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        }
        func expectRestored(_ n: Int, status expected: Int, _ what: String) {
            let status = h.waitForExitStatus(30)
            #expect(status == expected, "\(what): exit status \(status.map(String.init) ?? "missing"), expected \(expected):\n\(h.plain())")
            #expect(h.waitUntil(10) { TmuxHarness.fileText("\(dir)/after\(n)")?.isEmpty == false }, "\(what): stty -g after the run was not written")
            #expect(!TmuxHarness.hasBraille(h.plain()), "\(what): braille still on screen, alternate screen not left:\n\(h.plain())")
            #expect(TmuxHarness.fileText("\(dir)/before\(n)") == TmuxHarness.fileText("\(dir)/after\(n)"), "\(what): tty modes differ")
        }

        // Esc at the top level quits (Action.swift: "close the overlay, or quit").
        _ = try start(1)
        h.keys("Escape")
        expectRestored(1, status: 0, "Esc")

        // SIGHUP (the terminal window closed) → 128 + 1.
        let pid2 = try start(2)
        #expect(kill(pid2, SIGHUP) == 0)
        expectRestored(2, status: 129, "SIGHUP")

        // A Swift trap raises SIGILL on x86_64 (SIGTRAP on arm64): the crash handler restores
        // the terminal, then the process dies of the signal.
        let pid3 = try start(3)
        #expect(kill(pid3, SIGILL) == 0)
        expectRestored(3, status: 128 + Int(SIGILL), "SIGILL (trap)")

        // Tiny and huge windows, then 100 resizes within about a second: no crash, and a
        // sane screen afterwards (the raster back, no "too small").
        _ = try start(4)
        h.tmux("resize-window", "-t", "t", "-x", "10", "-y", "5")
        #expect(h.waitUntil(10) { h.plain().lowercased().contains("small") || h.plain().contains("10") },
                "no too-small screen at 10x5:\n\(h.plain())")
        h.tmux("resize-window", "-t", "t", "-x", "400", "-y", "120")
        #expect(h.waitUntil(15) { TmuxHarness.hasBraille(h.plain()) && !h.plain().lowercased().contains("too small") },
                "did not draw at 400x120:\n\(h.plain())")
        let storm = Date()
        for i in 0..<100 {
            let w = [10, 400, 37, 200, 80, 13][i % 6], hgt = [5, 120, 11, 60, 24, 7][i % 6]
            h.tmux("resize-window", "-t", "t", "-x", String(w), "-y", String(hgt))
        }
        let stormSeconds = Date().timeIntervalSince(storm)
        h.tmux("resize-window", "-t", "t", "-x", "100", "-y", "30")
        #expect(h.waitUntil(15) { let s = h.plain(); return TmuxHarness.hasBraille(s) && !s.lowercased().contains("too small") },
                "after 100 resizes in \(stormSeconds) s the screen did not come back at 100x30:\n\(h.plain())")
        #expect(TmuxHarness.exitStatus(in: h.plain()) == nil, "the app exited during the resizes:\n\(h.plain())")
        h.keys("q")
        expectRestored(4, status: 0, "q after resizes")

        // Failed starts: an unknown TERM and stdout not a tty each give a clear message that
        // suggests --headless and exit 2, leaving the terminal as it was.
        h.type("clear; stty -g > \(dir)/before5; TERM=no-such-terminal \(q) 2> \(dir)/err5; echo EXIT=$?; stty -g > \(dir)/after5")
        let status5 = h.waitForExitStatus(30)
        #expect(status5 == 2, "unknown TERM: exit status \(status5.map(String.init) ?? "missing"):\n\(h.plain())")
        let err5 = TmuxHarness.fileText("\(dir)/err5") ?? ""
        #expect(err5.contains("TERM=no-such-terminal") && err5.contains("--headless"), "unknown TERM message: \(err5)")
        #expect(h.waitUntil(10) { TmuxHarness.fileText("\(dir)/after5")?.isEmpty == false })
        #expect(TmuxHarness.fileText("\(dir)/before5") == TmuxHarness.fileText("\(dir)/after5"), "tty modes differ after a failed start")

        h.type("clear; \(q) > \(dir)/out6 2> \(dir)/err6; echo EXIT=$?")
        let status6 = h.waitForExitStatus(30)
        #expect(status6 == 2, "stdout not a tty: exit status \(status6.map(String.init) ?? "missing")")
        let err6 = TmuxHarness.fileText("\(dir)/err6") ?? ""
        #expect(err6.contains("terminal") && err6.contains("--headless"), "not-a-tty message: \(err6)")
    }
}
