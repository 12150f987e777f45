import Canvas
import Recording
import Scenarios
import SpikeCore

/// Where a session log goes: lines are appended in memory and handed on once per frame
/// (`LogFile` writes them with one write(2) each, so a killed process loses at most the
/// frame it was in; the log stays readable up to its last complete line).
public protocol LogSink: AnyObject {
    func write(_ text: String)
}

/// Writes the session log of a running app (docs/log-format.md): the header at the start,
/// then inputs as they happen and outputs after each frame, flushed at the end of every frame.
public final class SessionRecorder {
    public let header: SessionHeader
    let sink: any LogSink
    private var pending = ""
    /// Time of the newest spike already written, ms (spikes come from the readout's raster).
    private var lastSpikeMs = -Double.infinity
    private(set) var lastFrameWritten = -1

    /// `checksumEvery` and `figuresEvery` are in frames (0 = never).
    public init(header: SessionHeader, sink: any LogSink) {
        self.header = header
        self.sink = sink
        sink.write(header.text)
    }

    /// Builds the header for `app` at its start.
    public static func header(for app: SpikettyApp, scenarioText: String, mode: String, appVersion: String, build: String,
                              createdUTC: String, checksumEvery: Int, figuresEvery: Int, spikes: Bool) -> SessionHeader {
        let readout = app.experiment.readout()
        let size = app.terminalSize
        return SessionHeader(
            appVersion: appVersion, build: build, createdUTC: createdUTC, mode: mode, scenario: app.scenario.name,
            scenarioFile: app.scenario.file, scenarioText: scenarioText, seed: app.seed, hardware: app.scenario.hardwareProfile.name,
            terminalWidth: size.width, terminalHeight: size.height, colorDepth: app.terminalDepth.rawValue,
            theme: app.theme.name, stepMs: app.experiment.stepMs, speed: app.state.speed,
            framePeriodMs: app.simulatedFramePeriodMs, checksumEveryFrames: checksumEvery, figuresEveryFrames: figuresEvery,
            spikes: spikes, neurons: readout.raster?.neuronCount ?? 0, onWindowMs: readout.raster?.onWindowMs)
    }

    /// Appends an event of `frame` at the experiment's current step.
    func record(_ kind: SessionEvent.Kind, frame: Int, experiment: any Experiment) {
        let step = Int64((experiment.timeMs / experiment.stepMs).rounded())
        pending += SessionEvent(frame: frame, step: step, timeMs: experiment.timeMs, kind: kind).line
    }

    /// Outputs after frame `frame` was simulated: spikes since the last frame, and every
    /// `checksumEveryFrames` / `figuresEveryFrames` frames a checksum and the figures.
    func afterSimulation(frame: Int, experiment: any Experiment) {
        let wantChecksum = header.checksumEveryFrames > 0 && (frame + 1) % header.checksumEveryFrames == 0
        let wantFigures = header.figuresEveryFrames > 0 && (frame + 1) % header.figuresEveryFrames == 0
        guard header.spikes || wantChecksum || wantFigures else { return }
        let readout = experiment.readout()
        if header.spikes, let spikes = readout.raster?.spikes {
            for (t, n) in zip(spikes.times, spikes.neurons) where t > lastSpikeMs {
                record(.spike(neuron: Int(n), timeMs: t), frame: frame, experiment: experiment)
            }
            lastSpikeMs = max(lastSpikeMs, spikes.times.last ?? lastSpikeMs)
        }
        if wantFigures {
            record(.figures(readout.figures.map { .init(name: $0.name, value: $0.value) }), frame: frame, experiment: experiment)
        }
        if wantChecksum { record(.checksum(experiment.stateChecksum()), frame: frame, experiment: experiment) }
    }

    /// The experiment was rebuilt (its clock starts again).
    func experimentRestarted() { lastSpikeMs = -.infinity }

    /// Hands the frame's lines to the sink.
    public func flush() {
        guard !pending.isEmpty else { return }
        sink.write(pending)
        pending = ""
    }
}
