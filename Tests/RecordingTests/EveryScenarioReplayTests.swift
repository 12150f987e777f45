import App
import Canvas
import Foundation
import Recording
import Scenarios
import Testing

/// Every shipped scenario records and replays with matching checksums (a short session with a
/// parameter change each; lif-sampling files get their calibration given, so no calibration runs),
/// and has a live parameter panel whose changes are recorded (issue 11).
@Suite struct EveryScenarioReplayTests {
    static let names: [String] = ScenarioLocator(searchDirectories: [repositoryRoot.appendingPathComponent("scenarios").path])
        .available().map(\.name)

    @Test(arguments: names)
    func recordsAndReplays(_ name: String) throws {
        var text = try shippedScenarioText(name)
        text = text.replacingOccurrences(of: "source = \"measure\"", with: "source = \"given\"")
        let scenario = try ScenarioParser.parse(text, file: name, name: name)
        let terminal = OffscreenTerminal(width: 100, height: 30, colorDepth: .palette256)
        let app = SpikettyApp(scenario: scenario, seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
        let parameters = app.experiment.parameters
        #expect(!parameters.isEmpty, "\(name) has no live parameters")
        for p in parameters {
            #expect(p.range.contains(p.value), "\(name): \(p.key) = \(p.value) outside \(p.range)")
            #expect(app.fileParameterValues[p.key] == p.value, "\(name): \(p.key) has no file value")
        }
        let memory = MemoryLog()
        app.recorder = SessionRecorder(
            header: SessionRecorder.header(for: app, scenarioText: text, mode: "live", appVersion: "test", build: "test",
                                           createdUTC: "", checksumEvery: 2, figuresEvery: 2, spikes: true),
            sink: memory)
        for frame in 0..<6 {
            if frame == 3 { app.handle(.key(.right)) }
            app.advanceAndDraw(draw: false)
        }
        app.finishRecording(.quit)
        let log = try SessionLogReader.read(memory.text)
        #expect(log.checksums.count == 3)
        #expect(log.events.contains { if case .param = $0.kind { true } else { false } }, "\(name): → was not recorded")
        let replay = OffscreenTerminal(width: 100, height: 30, colorDepth: .palette256)
        let playback = try SessionPlayback(log: log, logPath: name, terminal: replay, themes: [Theme.builtInDefault])
        playback.playToEnd()
        #expect(playback.divergence == nil, "\(name): \(playback.divergence?.description ?? "")")
        #expect(playback.verifiedChecksums == 4)
    }
}
