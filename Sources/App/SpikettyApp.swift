import Canvas
import Recording
import Scenarios
import SpikeCore

/// Why the app stopped.
public enum ExitReason: Equatable, Sendable {
    case quit
    /// A termination signal arrived (the executable exits with 128 + signo).
    case signal(Int32)
}

/// The running app: one scenario, its experiment, the user's controls and the frame loop.
///
/// Fixed timestep (shared/DESIGN.md "Data flow"): each frame simulates `speed × framePeriodMs`
/// of biological time, draws the whole screen into a `CellBuffer` and hands it to the
/// terminal, then reads keys until the frame's time is up. Wall-clock time only paces
/// frames; it never decides what the simulation computes.
public final class SpikettyApp {
    /// The scenario (its `hardware` key changes with the live toggle).
    public private(set) var scenario: Scenario
    public private(set) var seed: UInt64
    public private(set) var experiment: any Experiment
    /// The live parameters' values as the scenario file set them (what `R` resets to), taken
    /// when the experiment was built.
    public internal(set) var fileParameterValues: [String: Double] = [:]
    public var state: AppState
    public let themes: [Theme]
    let terminal: any TerminalIO
    var screen: any Screen
    /// What the last frame drew where, for the mouse.
    var hits = ScreenHits()
    /// Frames drawn, and a smoothed measure of frames and biological ms per wall second.
    public private(set) var frameCount = 0
    public internal(set) var measuredFramesPerSecond = 0.0
    public private(set) var measuredSpeed = 0.0

    /// Default frame period: 30 frames per second (`--fps` changes it, SpikettyApp+FrameRate.swift).
    public static let framePeriodMs = 1000.0 / 30
    /// The frame period the simulation is paced by (`framePeriodMs` live, or 1000/`--fps`; a
    /// replay uses the log's, e.g. 1000 ms for a recorded headless run).
    public var simulatedFramePeriodMs = SpikettyApp.framePeriodMs
    /// Writes the session log when recording (`--record`).
    public var recorder: SessionRecorder?
    /// The numerical fault that stopped the current experiment, kept with that experiment's
    /// identity (a restart or another slide clears it). See SpikettyApp+NumericalFault.swift.
    var faultRecord: (fault: NumericalFault, experiment: ObjectIdentifier)?
    /// The talk's slides when the app runs `spiketty talk`; nil for a single scenario.
    public internal(set) var talk: TalkDeck?
    /// Set while a log is replayed: keys that would change the simulation are ignored (the
    /// log's own inputs drive it) and snapshots are not written again.
    var replaying = false
    /// Shown at the end of the status bar while a log is replayed ("REPLAY 40% ×2").
    public var statusBadge: String?
    /// Folder plain-text snapshots (`s`) are written to; nil: the current directory.
    public var snapshotDirectory: String?
    /// `themes[i].reduced(to: depth)` by (i, depth), computed once each (see `reducedTheme`).
    var reducedThemes: [ReducedThemeKey: Theme] = [:]

    /// `experiment`, when given, must have been built from `scenario` with `seed` (the command
    /// line builds it before the screen is taken, so slow set-up such as a calibration happens
    /// on the plain terminal).
    public init(scenario: Scenario, seed: UInt64?, terminal: any TerminalIO, themes: [Theme], themeIndex: Int = 0,
                experiment: (any Experiment)? = nil) {
        self.scenario = scenario
        self.seed = seed ?? scenario.seed
        self.terminal = terminal
        self.themes = themes.isEmpty ? [Theme.builtInDefault] : themes
        self.experiment = experiment ?? ExperimentBuilder.make(scenario, seed: self.seed)
        state = AppState(speed: scenario.number("display", "speed"))
        state.themeIndex = min(max(0, themeIndex), self.themes.count - 1)
        screen = ScreenFactory.make(for: scenario)
        fileParameterValues = Self.values(of: self.experiment)
    }

    /// The current value of each live parameter, by key.
    static func values(of experiment: any Experiment) -> [String: Double] {
        Dictionary(experiment.parameters.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    public var theme: Theme { themes[state.themeIndex] }

    /// Colour depth of the terminal the app draws on.
    public var terminalDepth: ColorDepth { terminal.colorDepth }

    /// Biological time one frame covers at the current speed, in ms.
    public var frameBiologicalMs: Double { state.speed * simulatedFramePeriodMs }

    /// The terminal's size in cells.
    public var terminalSize: (width: Int, height: Int) { terminal.size }

    /// Logs an event with the frame it takes effect in (the next one drawn).
    func record(_ kind: SessionEvent.Kind) {
        recorder?.record(kind, frame: frameCount, experiment: experiment)
    }

    /// Applies one input event; returns why to stop, if it asks to.
    @discardableResult
    public func handle(_ event: InputEvent) -> ExitReason? {
        switch event {
        case .signal(let signo):
            state.quitRequested = true
            return .signal(signo)
        case .resize(let width, let height):
            record(.resize(width: width, height: height))
            return nil
        case .mouse(let mouse):
            return handle(mouse)
        case .key(let key):
            if state.parameterEntry != nil {
                record(.key(name: KeyNames.name(key), action: "entry"))
                return editParameterEntry(key)
            }
            if case .character(let c) = key, ("0"..."9").contains(c), !state.showHelp, !experiment.parameters.isEmpty {
                record(.key(name: KeyNames.name(key), action: "entry"))
                state.parameterEntry = String(Character(c))
                return nil
            }
            if state.showHelp {
                let quits = KeyMap.action(for: key, talk: talk != nil) == .quit
                record(.key(name: KeyNames.name(key), action: quits ? "quit" : "dismissHelp"))
                state.showHelp = false
                if quits { state.quitRequested = true; return .quit }
                return nil
            }
            guard let action = KeyMap.action(for: key, talk: talk != nil) else { return nil }
            record(.key(name: KeyNames.name(key), action: String(describing: action)))
            if replaying && !action.isUIOnly && action != .quit && action != .back { return nil }
            return perform(action)
        }
    }

    /// Carries out one action of the key map.
    @discardableResult
    public func perform(_ action: Action) -> ExitReason? {
        switch action {
        case .back where state.probedNeuron != nil:
            state.probedNeuron = nil
        case .back where state.zoomed:
            state.zoomed = false
        case .quit, .back:
            state.quitRequested = true
            return .quit
        case .toggleHelp: state.showHelp.toggle()
        case .togglePause:
            state.paused.toggle()
            record(state.paused ? .pause : .resume)
        case .step:
            if state.paused {
                state.stepRequested = true
                record(.stepFrame)
            }
        case .faster:
            state.speed = min(state.speed * AppState.speedFactor, AppState.speedRange.upperBound)
            record(.speed(state.speed))
        case .slower:
            state.speed = max(state.speed / AppState.speedFactor, AppState.speedRange.lowerBound)
            record(.speed(state.speed))
        case .snapshot:
            saveSnapshot()
        case .nextPane: state.focusedPane = (state.focusedPane + 1) % max(1, screen.paneCount)
        case .previousPane: state.focusedPane = (state.focusedPane + max(1, screen.paneCount) - 1) % max(1, screen.paneCount)
        case .cycleTheme:
            state.themeIndex = (state.themeIndex + 1) % themes.count
            setMessage("theme: \(theme.name)")
        case .toggleZoom: state.zoomed.toggle()
        case .toggleLogScale:
            state.logScale.toggle()
            setMessage(state.logScale ? "bar charts: logarithmic scale" : "bar charts: linear scale")
        case .restart:
            restartExperiment()
            record(.restart)
        case .toggleHardware:
            toggleHardware()
        case .selectPreviousParameter, .selectNextParameter:
            let count = experiment.parameters.count
            guard count > 0 else { break }
            let delta = action == .selectNextParameter ? 1 : count - 1
            state.selectedParameter = (state.selectedParameter + delta) % count
        case .decreaseParameter, .increaseParameter:
            changeSelectedParameter(up: action == .increaseParameter)
        case .typeParameterValue:
            if experiment.parameters.indices.contains(state.selectedParameter) {
                state.parameterEntry = ""
            } else {
                setMessage("\(scenario.kind.rawValue) has no live parameters")
            }
        case .resetParameter:
            resetSelectedParameter()
        case .nextSlide, .previousSlide, .pinSlide, .goToPinned:
            performTalk(action)
        case .focusPane, .zoomTimeIn, .zoomTimeOut, .probeNeuron, .closeProbe:
            performMouse(action)
        }
        return nil
    }

    /// Rebuilds the experiment on the next chip profile (a kind that needs a chip skips "ideal").
    private func toggleHardware() {
        if let reason = scenario.hardwareUnsupportedReason {
            setMessage(reason)
            return
        }
        var next = scenario.hardwareProfile.next
        if scenario.kind == .hardwareSampling && next.name == "ideal" { next = next.next }
        guard switchHardware(to: next.name) else { return }
        record(.hardware(next.name))
        setMessage("hardware: \(next.title)" + (scenario.hardware.map { " (chip seed \($0.chipSeed)); ? shows its numbers" } ?? ""))
    }

    private func changeSelectedParameter(up: Bool) {
        let parameters = experiment.parameters
        guard parameters.indices.contains(state.selectedParameter) else { return }
        let p = parameters[state.selectedParameter]
        setParameter(p.key, to: p.stepped(by: up ? 1 : -1))
    }

    /// Sets the chosen parameter back to the value the scenario file gave it.
    private func resetSelectedParameter() {
        let parameters = experiment.parameters
        guard parameters.indices.contains(state.selectedParameter) else { return }
        let p = parameters[state.selectedParameter]
        guard let value = fileParameterValues[p.key] else { return }
        if value == p.value {
            setMessage("\(p.label) is at the file's value \(ParameterRows.compact(value))")
        } else {
            setParameter(p.key, to: value)
        }
    }

    /// One key while a parameter value is being typed: digits, sign, decimal point and exponent
    /// extend it, Backspace shortens it, Enter sets it (if it is a number in range), Esc cancels.
    private func editParameterEntry(_ key: Key) -> ExitReason? {
        guard var text = state.parameterEntry else { return nil }
        switch key {
        case .character(let c) where "0123456789.-+eE".unicodeScalars.contains(c):
            if text.count < 24 { text.append(Character(c)) }
            state.parameterEntry = text
        case .backspace:
            state.parameterEntry = text.isEmpty ? nil : String(text.dropLast())
        case .escape:
            state.parameterEntry = nil
            setMessage("value not changed")
        case .enter:
            state.parameterEntry = nil
            let parameters = experiment.parameters
            guard parameters.indices.contains(state.selectedParameter) else { return nil }
            let p = parameters[state.selectedParameter]
            guard let value = Double(text), value.isFinite else {
                setMessage("\(p.label): \"\(text)\" is not a number; expected a number in \(ParameterRows.range(p))")
                return nil
            }
            setParameter(p.key, to: value)
        default:
            break
        }
        return nil
    }

    /// Changes a parameter of the experiment, says so on the message line and logs it.
    func setParameter(_ key: String, to value: Double) {
        let label = experiment.parameters.first { $0.key == key }?.label ?? key
        do {
            try experiment.setParameter(key, to: value)
            setMessage("\(label) = \(String(format6: value))")
            record(.param(key: key, value: value))
        } catch {
            setMessage(error.description)
        }
    }

    /// Shows another scenario with its own seed and experiment (a talk's slide change); the view
    /// state starts afresh at the scenario's initial speed.
    func replaceScenario(_ scenario: Scenario, experiment: any Experiment) {
        self.scenario = scenario
        seed = scenario.seed
        self.experiment = experiment
        fileParameterValues = talk?.fileParameterValues(at: talk?.current ?? 0) ?? Self.values(of: experiment)
        screen = ScreenFactory.make(for: scenario)
        let themeIndex = state.themeIndex, logScale = state.logScale
        state = AppState(speed: scenario.number("display", "speed"))
        state.themeIndex = themeIndex
        state.logScale = logScale
    }

    /// Runs the scenario on another hardware profile (rebuilding the experiment); false when
    /// the kind has no hardware mode or the name is unknown. Replays call it for logged switches.
    @discardableResult
    func switchHardware(to name: String) -> Bool {
        guard let changed = scenario.withHardware(name) else { return false }
        scenario = changed
        experiment = ExperimentBuilder.make(scenario, seed: seed)
        fileParameterValues = Self.values(of: experiment)
        if let talk { talk.replace(talk.current, scenario: scenario, experiment: experiment) }
        recorder?.experimentRestarted()
        state.selectedParameter = 0
        return true
    }

    /// Rebuilds the experiment from the scenario and seed (in a talk: warmed up again).
    func restartExperiment() {
        if let talk {
            talk.discard(talk.current)
            experiment = talk.experiment(at: talk.current)
        } else {
            experiment = ExperimentBuilder.make(scenario, seed: seed)
        }
        fileParameterValues = Self.values(of: experiment)
        faultRecord = nil
        recorder?.experimentRestarted()
        setMessage("restarted with seed \(seed)")
    }

    /// Shows `text` on the message line for `messageFrames` frames.
    func setMessage(_ text: String) {
        state.message = text
        messageUntilFrame = frameCount + messageFrames
    }

    /// Frame after which the message line clears (`messageFrames` after it was set).
    var messageUntilFrame = 0

    /// Simulates one frame's worth of biological time (unless paused) and draws the frame
    /// (`draw: false` skips drawing, for a headless replay).
    public func advanceAndDraw(draw: Bool = true) {
        syncMembraneProbe()
        if (!state.paused || state.stepRequested) && numericalFault == nil {
            experiment.advance(by: frameBiologicalMs)
            state.stepRequested = false
            if let fault = NumericalGuard.check(experiment) { stop(fault) }
        }
        recorder?.afterSimulation(frame: frameCount, experiment: experiment)
        if state.message != nil && frameCount >= messageUntilFrame { state.message = nil }
        if draw { terminal.present(render()) }
        frameCount += 1
        recorder?.flush()
    }

    /// The whole screen for the terminal's current size.
    public func render() -> CellBuffer {
        let size = terminal.size
        // The frame before last is drawn over again (the terminal keeps only the last one to
        // diff against, so its storage is ours alone and is written in place, not copied).
        var buffer = recycledFrames.count == 2 && recycledFrames[0].width == size.width && recycledFrames[0].height == size.height
            ? recycledFrames.removeFirst() : CellBuffer(width: size.width, height: size.height)
        ScreenChrome.draw(app: self, into: &buffer)
        recycledFrames.append(buffer)
        if recycledFrames.count > 2 { recycledFrames.removeFirst(recycledFrames.count - 2) }
        return buffer
    }

    /// The last two frames drawn (see `render()`).
    private var recycledFrames: [CellBuffer] = []

    /// Runs frames until the user quits or a signal arrives.
    public func run(clock: any FrameClock) -> ExitReason {
        var next = clock.nowMs()
        var windowStart = next, windowFrames = 0, windowBio = 0.0, lastBio = experiment.timeMs
        while true {
            advanceAndDraw()
            windowFrames += 1
            windowBio += max(0, experiment.timeMs - lastBio)
            lastBio = experiment.timeMs
            let now = clock.nowMs()
            if now - windowStart >= 1000 {
                measuredFramesPerSecond = Double(windowFrames) * 1000 / (now - windowStart)
                record(.fps(measuredFramesPerSecond))
                measuredSpeed = windowBio / (now - windowStart)
                windowStart = now; windowFrames = 0; windowBio = 0
            }
            next += simulatedFramePeriodMs
            if next < now { next = now }   // fell behind: don't build up a debt of frames
            repeat {
                let wait = Int(max(0, next - clock.nowMs()).rounded(.up))
                for event in terminal.pollEvents(timeoutMs: wait) {
                    if let reason = handle(event) {
                        finishRecording(reason)
                        return reason
                    }
                }
            } while clock.nowMs() < next
        }
    }
}

extension SpikettyApp {
    /// Writes the log's `end` line (quit or the signal that stopped the run) and flushes.
    public func finishRecording(_ reason: ExitReason, reason text: String? = nil) {
        switch reason {
        case .quit: record(.end(reason: text ?? "quit", checksum: experiment.stateChecksum()))
        case .signal(let signo): record(.end(reason: text ?? "signal \(signo)", checksum: experiment.stateChecksum()))
        }
        recorder?.flush()
    }
}
