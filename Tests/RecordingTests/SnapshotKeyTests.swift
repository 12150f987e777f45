import App
import Canvas
import Foundation
import Recording
import Testing

/// `s` saves the current frame as plain text and the log notes where.
@Suite struct SnapshotKeyTests {
    @Test func sSavesTheFrameAsText() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spiketty-snap-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let terminal = OffscreenTerminal(width: 100, height: 30, colorDepth: .palette256)
        let app = SpikettyApp(scenario: try shippedScenario("high-conductance-state"), seed: nil, terminal: terminal,
                              themes: [Theme.builtInDefault])
        let memory = MemoryLog()
        app.recorder = SessionRecorder(
            header: SessionRecorder.header(for: app, scenarioText: try shippedScenarioText("high-conductance-state"),
                                           mode: "live", appVersion: "test", build: "test", createdUTC: "",
                                           checksumEvery: 30, figuresEvery: 30, spikes: false),
            sink: memory)
        app.snapshotDirectory = directory.path
        for _ in 0..<3 { app.advanceAndDraw() }
        let shown = try #require(terminal.lastFrame)
        app.handle(.key(.character("s")))
        let path = directory.appendingPathComponent("spiketty-high-conductance-state-3.txt").path
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        let expected = shown.lines.map { line -> String in
            var l = line
            while l.last == " " { l.removeLast() }
            return l
        }
        #expect(saved.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) == expected)
        #expect(app.state.message == "snapshot saved: \(path)")
        app.advanceAndDraw()
        #expect(memory.text.contains("\tkey\ts\tsnapshot\n"))
        #expect(memory.text.contains("\tsnapshot\t\(path)\n"))
    }
}
