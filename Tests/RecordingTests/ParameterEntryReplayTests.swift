import App
import Canvas
import Recording
import Testing

/// Typed parameter values and resets are recorded as `param` lines and replay to the same
/// checksums (issue 11: "the change ... is recorded when recording is on").
@Suite struct ParameterEntryReplayTests {
    @Test func typedValuesAndResetsAreLoggedAndReplay() throws {
        let script = keys([(10, .character("2")), (1, .character("5")), (1, .character("0")), (1, .character("0")),
                           (1, .enter), (30, .character("R")), (20, .character("v")), (1, .character("4")),
                           (1, .escape), (20, .character("q"))])
        let live = try recordLiveSession("high-conductance-state", script: script)
        let log = try SessionLogReader.read(live.log)
        let params = log.events.compactMap { e -> Double? in
            if case .param(let key, let value) = e.kind, key == "rate_hz" { return value } else { return nil }
        }
        #expect(params == [2500, 3000], "typed value, then the reset; the cancelled entry logs nothing")
        #expect(log.endReason == "quit", "Esc while typing cancels the entry, it does not quit")
        let terminal = OffscreenTerminal(width: log.header.terminalWidth, height: log.header.terminalHeight, colorDepth: .palette256)
        let playback = try SessionPlayback(log: log, logPath: "memory", terminal: terminal, themes: [Theme.builtInDefault])
        playback.playToEnd()
        #expect(playback.divergence == nil)
        #expect(playback.verifiedChecksums >= 2)
    }
}
