import App
import Canvas
import Recording
import Testing

/// A scripted live session recorded and replayed gives identical checksums and the identical
/// final frame (issue 10, "What it must show").
@Suite struct RoundTripTests {
    /// Pause, single steps, speed changes, parameter changes, a restart, theme, pane, zoom, help
    /// and a resize: everything a user can do that the log must carry.
    static let session: [[InputEvent]] = keys([
        (20, .character("+")), (15, .right), (10, .right), (10, .character("j")), (5, .left),
        (12, .character(" ")), (3, .character(".")), (3, .character(".")), (5, .character(" ")),
        (10, .tab), (5, .character("e")), (8, .character("t")), (10, .character("r")), (20, .character("-")),
        (10, .character("?")), (5, .character("x")), (30, .character("e")), (3, .character("q")),
    ])

    @Test func replayReproducesChecksumsAndTheFinalFrame() throws {
        var script = RoundTripTests.session
        script.insert([.resize(width: 110, height: 32)], at: 40)
        let live = try recordLiveSession("high-conductance-state", script: script)
        let log = try SessionLogReader.read(live.log)
        #expect(log.endReason == "quit")
        #expect(log.truncatedLine == nil)
        let checksums = log.checksums.count
        #expect(checksums >= 5)
        #expect(log.events.contains { if case .param = $0.kind { true } else { false } })
        #expect(log.events.contains { $0.kind == .restart })

        let terminal = OffscreenTerminal(width: log.header.terminalWidth, height: log.header.terminalHeight, colorDepth: .palette256)
        let playback = try SessionPlayback(log: log, logPath: "memory", terminal: terminal, themes: [Theme.builtInDefault])
        playback.onResize = { w, h in terminal.size = (w, h) }
        playback.playToEnd()
        #expect(playback.divergence == nil)
        #expect(playback.verifiedChecksums == checksums + 1)   // + the end line's
        #expect(playback.frame == live.app.frameCount)
        let replayed = try #require(terminal.lastFrame)
        let differing = zip(replayed.lines, live.lastFrame.lines).enumerated().filter { $0.element.0 != $0.element.1 }
            .map { "row \($0.offset):\n replay \($0.element.0)\n live   \($0.element.1)" }
        #expect(differing.isEmpty, "\(differing.joined(separator: "\n"))")
        #expect(replayed == live.lastFrame, "styles differ")
    }

    @Test func aChangedChecksumIsReportedWithItsLine() throws {
        let live = try recordLiveSession("high-conductance-state", script: keys([(40, .right), (40, .character("q"))]))
        var lines = live.log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.lastIndex { $0.contains("\tchecksum\t") && !$0.hasPrefix("0\t") })
        var fields = lines[index].split(separator: "\t").map(String.init)
        fields[4] = fields[4] == "0000000000000000" ? "0000000000000001" : "0000000000000000"
        lines[index] = fields.joined(separator: "\t")
        let log = try SessionLogReader.read(lines.joined(separator: "\n"))
        let playback = try SessionPlayback(log: log, logPath: "memory",
                                           terminal: OffscreenTerminal(width: 100, height: 30, colorDepth: .palette256),
                                           themes: [Theme.builtInDefault])
        playback.playToEnd()
        let divergence = try #require(playback.divergence)
        #expect(divergence.line == index + 1)
        #expect(divergence.description.contains("line \(index + 1)"))
    }

    @Test func aDifferentParameterValueDiverges() throws {
        let live = try recordLiveSession("high-conductance-state", script: keys([(10, .right), (70, .character("q"))]))
        let tampered = live.log.replacingOccurrences(of: "\tparam\trate_hz\t3750.0", with: "\tparam\trate_hz\t3800.0")
        #expect(tampered != live.log)
        let log = try SessionLogReader.read(tampered)
        let playback = try SessionPlayback(log: log, logPath: "memory",
                                           terminal: OffscreenTerminal(width: 100, height: 30, colorDepth: .palette256),
                                           themes: [Theme.builtInDefault])
        playback.playToEnd()
        #expect(playback.divergence != nil)
    }
}
