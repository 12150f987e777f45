// The mouse end to end (issue 11): the `spiketty` binary under tmux with TERM=xterm-256color,
// whose terminfo makes ncurses ask for xterm's SGR (1006) mouse protocol. tmux's send-keys
// cannot click, so the test writes the SGR mouse sequences (`ESC [ < b ; x ; y M`) into the
// pane literally; ncurses decodes them as a real terminal's would. tmux's pane flags show
// that mouse reporting is on while the app runs and off again after it quits.
import Foundation
import Testing

extension TmuxEndToEndTests {
    @Test(.timeLimit(.minutes(3))) func mouseClicksAndWheelUnderTmux() throws {
        guard let (tmux, bin) = TmuxHarness.tools() else { return }
        let h = try TmuxHarness(tmux: tmux)
        defer { h.tearDown() }
        func flags() -> String {
            h.run(["display-message", "-p", "-t", "t", "#{mouse_any_flag}#{mouse_sgr_flag}"]).output
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(flags() == "00", "mouse reporting on before the app ran: \(flags())")

        // The default scenario (high-conductance state) at 100x30: the raster's plot starts
        // at row 3 (title bar, panel border, the "neuron" axis title), column 4 (ticks).
        h.type("env TERM=xterm-256color \(TmuxHarness.shellQuote(bin)); echo EXIT=$?")
        try #require(h.waitUntil(30) { TmuxHarness.hasBraille(h.plain()) }, "the app did not start:\n\(h.plain())")
        #expect(h.waitUntil(30) { flags() == "11" }, "mouse reporting (any-event flag, SGR) not on while running: \(flags())")

        // Wheel up over the raster: the time axes zoom in (the message says so).
        h.tmux("send-keys", "-t", "t", "-l", "\u{1B}[<64;12;6M")
        #expect(h.waitUntil(30) { h.plain().contains("last 1/2 of the window") },
                "no zoom message after a wheel turn over the raster:\n\(h.plain())")

        // Click on a raster row, press and release in one write (as a fast click arrives): that
        // neuron's membrane potential appears and the app keeps running. Before the release was
        // in the mouse mask, ncurses 6.4 then blocked in wget_wch until more input came.
        h.tmux("send-keys", "-t", "t", "-l", "\u{1B}[<0;12;6M\u{1B}[<0;12;6m")
        #expect(h.waitUntil(30) { let s = h.plain(); return s.contains("· membrane potential") && s.contains("V (mV)") },
                "no membrane-potential overlay after a click on a raster row:\n\(h.plain())")
        let clock: () -> String? = {
            guard let title = h.plain().split(separator: "\n").first, let r = title.firstRange(of: "t = ") else { return nil }
            return String(title[r.lowerBound...].prefix { $0 != "s" })
        }
        let before = clock()
        #expect(h.waitUntil(10) { clock() != before }, "the app stopped after a click (title clock stays at \(before ?? "?"))")

        // Esc closes the overlay, q quits; mouse reporting is off again in the shell.
        h.keys("Escape")
        #expect(h.waitUntil(10) { !h.plain().contains("· membrane potential") }, "Esc did not close the overlay:\n\(h.plain())")
        h.keys("q")
        let status = h.waitForExitStatus(10)
        #expect(status == 0, "exit status after q is \(status.map(String.init) ?? "missing"):\n\(h.plain())")
        #expect(h.waitUntil(5) { flags() == "00" }, "mouse reporting still on after the app quit: \(flags())")
    }
}
