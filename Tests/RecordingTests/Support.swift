import App
import Canvas
import Foundation
import Recording
import Scenarios

/// The checkout this test file lives in.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A shipped scenario, loaded the way the app loads it.
func shippedScenario(_ name: String) throws -> Scenario {
    try ScenarioLocator.load(path: repositoryRoot.appendingPathComponent("scenarios/\(name).toml").path)
}

/// The text of a shipped scenario file.
func shippedScenarioText(_ name: String) throws -> String {
    try String(contentsOfFile: repositoryRoot.appendingPathComponent("scenarios/\(name).toml").path, encoding: .utf8)
}

/// A terminal for tests: fixed size, scripted events (one batch per poll), every frame kept,
/// and a clock that moves only when polled (so the frame loop runs without waiting).
final class ScriptedTerminal: TerminalIO, FrameClock {
    var size: (width: Int, height: Int)
    let colorDepth = ColorDepth.palette256
    var script: [[InputEvent]]
    private(set) var frames: [CellBuffer] = []
    var now = 0.0

    init(width: Int, height: Int, script: [[InputEvent]]) {
        size = (width, height)
        self.script = script
    }

    func present(_ buffer: CellBuffer) { frames.append(buffer) }

    func pollEvents(timeoutMs: Int) -> [InputEvent] {
        now += Double(max(1, timeoutMs))
        let batch = script.isEmpty ? [] : script.removeFirst()
        for case .resize(let w, let h) in batch { size = (w, h) }
        return batch
    }

    func nowMs() -> Double { now }
}

/// A recorded live session of `scenario`: the app driven by `script` through the frame loop,
/// recording into memory. Returns the log text and the last frame shown.
func recordLiveSession(_ name: String, script: [[InputEvent]], width: Int = 100, height: Int = 30,
                       spikes: Bool = false) throws -> (log: String, lastFrame: CellBuffer, app: SpikettyApp) {
    let terminal = ScriptedTerminal(width: width, height: height, script: script)
    let app = SpikettyApp(scenario: try shippedScenario(name), seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
    let memory = MemoryLog()
    let header = SessionRecorder.header(for: app, scenarioText: try shippedScenarioText(name), mode: "live",
                                        appVersion: "test", build: "test", createdUTC: "2026-01-01T00:00:00Z",
                                        checksumEvery: 30, figuresEvery: 30, spikes: spikes)
    app.recorder = SessionRecorder(header: header, sink: memory)
    _ = app.run(clock: terminal)
    return (memory.text, terminal.frames.last!, app)
}

/// Poll batches: `idle` empty polls, then one key.
func keys(_ presses: [(idle: Int, key: Key)]) -> [[InputEvent]] {
    var script: [[InputEvent]] = []
    for p in presses {
        script += Array(repeating: [], count: p.idle)
        script.append([.key(p.key)])
    }
    return script
}
