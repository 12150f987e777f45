import App
import Canvas
import Foundation
import Recording
import Scenarios
import Testing

/// The dreaming screen's noise key (issue 5, "Poisson vs ensemble noise"): choosing the `noise`
/// parameter and pressing → switches to the noise-free ensemble; the screen names the noise, the
/// switch is in the session log, and the replay matches every checksum. A small ensemble (3
/// copies, one 300 ms calibration round) keeps it quick.
@Suite struct DreamingNoiseReplayTests {
    @Test func noiseKeySwitchesRecordsAndReplays() throws {
        let text = try shippedScenarioText("dreaming")
            .replacingOccurrences(of: "copies = 8 ", with: "copies = 3 ")
            .replacingOccurrences(of: "calibrationRounds = 3", with: "calibrationRounds = 1")
            .replacingOccurrences(of: "calibration_ms = 3000.0", with: "calibration_ms = 300.0")
        #expect(text.contains("copies = 3 ") && text.contains("calibration_ms = 300.0"))
        let scenario = try ScenarioParser.parse(text, file: "dreaming", name: "dreaming")
        let terminal = OffscreenTerminal(width: 120, height: 40, colorDepth: .palette256)
        let app = SpikettyApp(scenario: scenario, seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
        let memory = MemoryLog()
        app.recorder = SessionRecorder(
            header: SessionRecorder.header(for: app, scenarioText: text, mode: "live", appVersion: "test", build: "test",
                                           createdUTC: "", checksumEvery: 2, figuresEvery: 2, spikes: true),
            sink: memory)
        let index = try #require(app.experiment.parameters.firstIndex { $0.key == "noise" })
        for _ in 0..<index { app.handle(.key(.down)) }
        for frame in 0..<8 {
            if frame == 3 { app.handle(.key(.right)) }
            app.advanceAndDraw(draw: true)
            let screen = terminal.lastFrame?.text ?? ""
            #expect(screen.contains(frame < 3 ? "Poisson noise" : "ensemble noise (1 of 3 networks, no Poisson)"), "frame \(frame)")
        }
        #expect(app.experiment.parameters[index].value == 1)
        app.finishRecording(.quit)
        let log = try SessionLogReader.read(memory.text)
        #expect(log.events.contains { if case .param(let key, let value) = $0.kind { key == "noise" && value == 1 } else { false } })
        let replay = OffscreenTerminal(width: 120, height: 40, colorDepth: .palette256)
        let playback = try SessionPlayback(log: log, logPath: "dreaming", terminal: replay, themes: [Theme.builtInDefault])
        playback.playToEnd()
        #expect(playback.divergence == nil, "\(playback.divergence?.description ?? "")")
        #expect(playback.verifiedChecksums == 5)
    }
}
