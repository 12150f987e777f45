import Canvas
import Recording
import Scenarios
import SpikeCore

/// Replays a session log by re-simulating (docs/log-format.md): the experiment is rebuilt from
/// the scenario text and seed in the log's header, the logged inputs (`param`, `speed`, `pause`,
/// `resume`, `step`, `restart`) are applied before the frame they took effect in, the UI-only
/// key actions are redone so the screen matches, and every logged checksum is compared with
/// the replayed experiment's: the first mismatch is reported with its line, frame and step.
public final class SessionPlayback {
    public let log: SessionLog
    public let app: SpikettyApp
    /// Next recorded frame to play, and the index of the next event to look at.
    public private(set) var frame = 0
    private var nextEvent = 0
    /// Checksums compared so far, and the first one that differed.
    public private(set) var verifiedChecksums = 0
    public private(set) var divergence: Divergence?
    /// Called for a logged terminal resize (an offscreen terminal follows it).
    public var onResize: ((Int, Int) -> Void)?

    /// Where a replay first differs from its log.
    public struct Divergence: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var frame: Int
        public var step: Int64
        public var timeMs: Double
        public var logged: UInt64
        public var replayed: UInt64
        public var description: String {
            "replay diverges at line \(line): frame \(frame), step \(step) (t = \(SessionLogFormat.milliseconds(timeMs)) ms): "
                + "checksum \(SessionLogFormat.hex(replayed)), the log has \(SessionLogFormat.hex(logged))"
        }
    }

    /// Why a log cannot be replayed at all (its scenario text does not parse any more).
    public struct SetupError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The scenario embedded in a log's header, on the header's hardware profile (which a
    /// `--hardware` option may have set over the scenario's own key).
    public static func scenario(of log: SessionLog, logPath: String) throws(SetupError) -> Scenario {
        let scenario: Scenario
        do {
            scenario = try ScenarioParser.parse(log.header.scenarioText, file: "\(logPath) (scenario \(log.header.scenarioFile))",
                                                name: log.header.scenario)
        } catch {
            throw SetupError(description: "\(logPath): the scenario in the header does not load: \(error.description)")
        }
        guard log.header.hardware != scenario.hardwareProfile.name else { return scenario }
        guard let changed = scenario.withHardware(log.header.hardware) else {
            throw SetupError(description: "\(logPath): header line 'hardware': unknown profile '\(log.header.hardware)' for \(scenario.kind.rawValue)")
        }
        return changed
    }

    /// A replay of `log` on `terminal`; `experiment` when given must be built from the log's
    /// scenario and seed (the command line builds it before taking the screen).
    public init(log: SessionLog, logPath: String, terminal: any TerminalIO, themes: [Theme],
                experiment: (any Experiment)? = nil) throws(SetupError) {
        self.log = log
        let scenario = try SessionPlayback.scenario(of: log, logPath: logPath)
        let themeIndex = themes.firstIndex { $0.name == log.header.theme } ?? 0
        app = SpikettyApp(scenario: scenario, seed: log.header.seed, terminal: terminal, themes: themes,
                          themeIndex: themeIndex, experiment: experiment)
        app.replaying = true
        app.simulatedFramePeriodMs = log.header.framePeriodMs
        app.state.speed = log.header.speed
    }

    /// Frames the log covers (up to its last complete line).
    public var frameCount: Int { log.frameCount }
    public var finished: Bool { frame >= frameCount }

    /// Plays one recorded frame: its inputs, the simulation (drawn when `draw`), then the
    /// checks of its outputs. Returns false when the log has no more frames.
    @discardableResult
    public func playFrame(draw: Bool = true) -> Bool {
        guard frame < frameCount else { return false }
        let events = log.events
        while nextEvent < events.count, events[nextEvent].frame <= frame, !SessionPlayback.isOutput(events[nextEvent]) {
            apply(events[nextEvent])
            nextEvent += 1
        }
        app.advanceAndDraw(draw: draw)
        while nextEvent < events.count, events[nextEvent].frame <= frame, SessionPlayback.isOutput(events[nextEvent]) {
            if case .checksum(let logged) = events[nextEvent].kind { verify(logged, eventIndex: nextEvent) }
            nextEvent += 1
        }
        frame += 1
        if frame == frameCount { finishEnd() }
        return true
    }

    /// After the last frame: the inputs that came after it (a change just before quitting),
    /// then the `end` line's checksum of the final state.
    private func finishEnd() {
        let events = log.events
        while nextEvent < events.count {
            if case .end(_, let checksum?) = events[nextEvent].kind {
                verify(checksum, eventIndex: nextEvent)
            } else if !SessionPlayback.isOutput(events[nextEvent]) {
                apply(events[nextEvent])
            }
            nextEvent += 1
        }
    }

    private func verify(_ logged: UInt64, eventIndex: Int) {
        let replayed = app.experiment.stateChecksum()
        if replayed == logged {
            verifiedChecksums += 1
        } else if divergence == nil {
            let e = log.events[eventIndex]
            divergence = Divergence(line: log.eventLines[eventIndex], frame: e.frame, step: e.step, timeMs: e.timeMs,
                                    logged: logged, replayed: replayed)
        }
    }

    /// Plays every remaining frame without drawing, then draws the last one (headless replay).
    public func playToEnd() {
        while frame < frameCount - 1 { playFrame(draw: false) }
        playFrame(draw: true)
    }

    /// Outputs of a frame come after its simulation in the log.
    static func isOutput(_ e: SessionEvent) -> Bool {
        switch e.kind {
        case .checksum, .figures, .spike, .end: return true
        default: return false
        }
    }

    private func apply(_ e: SessionEvent) {
        switch e.kind {
        case .key(_, let action):
            if action == "dismissHelp" {
                app.state.showHelp = false
            } else if action == "back" {
                if app.state.zoomed { app.perform(.back) }
            } else if let a = SessionPlayback.uiActions[action] ?? Action(mouseLogName: action) {
                app.perform(a)
            }
        case .param(let key, let value): app.setParameter(key, to: value)
        case .speed(let v): app.state.speed = v
        case .pause: app.state.paused = true
        case .resume: app.state.paused = false
        case .stepFrame: app.state.stepRequested = true
        case .restart: app.restartExperiment()
        case .hardware(let name): app.switchHardware(to: name)
        case .resize(let w, let h): onResize?(w, h)
        case .fps(let v): app.measuredFramesPerSecond = v
        case .snapshot(let path): app.setMessage("snapshot saved: \(path)")
        case .checksum, .figures, .spike, .end: break
        }
    }

    /// UI-only actions by the name the log uses.
    static let uiActions: [String: Action] = {
        var table: [String: Action] = [:]
        for b in KeyMap.bindings where b.action.isUIOnly { table[String(describing: b.action)] = b.action }
        return table
    }()
}

/// An offscreen terminal for replays and exports: a size that follows the log's resizes,
/// the log's colour depth, the last frame kept; `onPresent` sees every frame.
public final class OffscreenTerminal: TerminalIO {
    public var size: (width: Int, height: Int)
    public let colorDepth: ColorDepth
    public private(set) var lastFrame: CellBuffer?
    public var onPresent: ((CellBuffer) -> Void)?

    public init(width: Int, height: Int, colorDepth: ColorDepth) {
        size = (width, height)
        self.colorDepth = colorDepth
    }

    public func present(_ buffer: CellBuffer) {
        lastFrame = buffer
        onPresent?(buffer)
    }

    public func pollEvents(timeoutMs: Int) -> [InputEvent] { [] }
}
