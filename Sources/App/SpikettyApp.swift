import Canvas
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
    public let seed: UInt64
    public private(set) var experiment: any Experiment
    public private(set) var state: AppState
    public let themes: [Theme]
    let terminal: any TerminalIO
    var screen: any Screen
    /// Frames drawn, and a smoothed measure of frames and biological ms per wall second.
    public private(set) var frameCount = 0
    public private(set) var measuredFramesPerSecond = 0.0
    public private(set) var measuredSpeed = 0.0

    /// Target frame period: 30 frames per second.
    public static let framePeriodMs = 1000.0 / 30

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
    }

    public var theme: Theme { themes[state.themeIndex] }

    /// Colour depth of the terminal the app draws on.
    public var terminalDepth: ColorDepth { terminal.colorDepth }

    /// Biological time one frame covers at the current speed, in ms.
    public var frameBiologicalMs: Double { state.speed * SpikettyApp.framePeriodMs }

    /// Applies one input event; returns why to stop, if it asks to.
    @discardableResult
    public func handle(_ event: InputEvent) -> ExitReason? {
        switch event {
        case .signal(let signo):
            state.quitRequested = true
            return .signal(signo)
        case .resize:
            return nil
        case .key(let key):
            if state.showHelp {
                state.showHelp = false
                if KeyMap.action(for: key) == .quit { state.quitRequested = true; return .quit }
                return nil
            }
            guard let action = KeyMap.action(for: key) else { return nil }
            return perform(action)
        }
    }

    /// Carries out one action of the key map.
    @discardableResult
    public func perform(_ action: Action) -> ExitReason? {
        switch action {
        case .back where state.zoomed:
            state.zoomed = false
        case .quit, .back:
            state.quitRequested = true
            return .quit
        case .toggleHelp: state.showHelp.toggle()
        case .togglePause: state.paused.toggle()
        case .step:
            if state.paused { state.stepRequested = true }
        case .faster: state.speed = min(state.speed * AppState.speedFactor, AppState.speedRange.upperBound)
        case .slower: state.speed = max(state.speed / AppState.speedFactor, AppState.speedRange.lowerBound)
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
            experiment = ExperimentBuilder.make(scenario, seed: seed)
            setMessage("restarted with seed \(seed)")
        case .toggleHardware:
            toggleHardware()
        case .selectPreviousParameter, .selectNextParameter:
            let count = experiment.parameters.count
            guard count > 0 else { break }
            let delta = action == .selectNextParameter ? 1 : count - 1
            state.selectedParameter = (state.selectedParameter + delta) % count
        case .decreaseParameter, .increaseParameter:
            changeSelectedParameter(up: action == .increaseParameter)
        }
        return nil
    }

    /// Rebuilds the experiment on the next chip profile (a kind that needs a chip skips "ideal").
    private func toggleHardware() {
        guard scenario.supportsHardware else {
            setMessage("\(scenario.kind.rawValue) has no hardware mode")
            return
        }
        var next = scenario.hardwareProfile.next
        if scenario.kind == .hardwareSampling && next.name == "ideal" { next = next.next }
        guard let changed = scenario.withHardware(next.name) else { return }
        scenario = changed
        experiment = ExperimentBuilder.make(scenario, seed: seed)
        state.selectedParameter = 0
        setMessage("hardware: \(next.title)" + (scenario.hardware.map { " (chip seed \($0.chipSeed)); ? shows its numbers" } ?? ""))
    }

    private func changeSelectedParameter(up: Bool) {
        let parameters = experiment.parameters
        guard parameters.indices.contains(state.selectedParameter) else { return }
        let p = parameters[state.selectedParameter]
        let value = p.stepped(by: up ? 1 : -1)
        do {
            try experiment.setParameter(p.key, to: value)
            setMessage("\(p.label) = \(String(format6: value))")
        } catch {
            setMessage(error.description)
        }
    }

    /// Shows `text` on the message line for `messageFrames` frames.
    func setMessage(_ text: String) {
        state.message = text
        messageUntilFrame = frameCount + SpikettyApp.messageFrames
    }

    /// Frame after which the message line clears, and how long messages stay (3 s at 30 fps).
    var messageUntilFrame = 0
    static let messageFrames = 90

    /// Simulates one frame's worth of biological time (unless paused) and draws the frame.
    public func advanceAndDraw() {
        if !state.paused || state.stepRequested {
            experiment.advance(by: frameBiologicalMs)
            state.stepRequested = false
        }
        if state.message != nil && frameCount >= messageUntilFrame { state.message = nil }
        terminal.present(render())
        frameCount += 1
    }

    /// The whole screen for the terminal's current size.
    public func render() -> CellBuffer {
        let size = terminal.size
        var buffer = CellBuffer(width: size.width, height: size.height)
        ScreenChrome.draw(app: self, into: &buffer)
        return buffer
    }

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
                measuredSpeed = windowBio / (now - windowStart)
                windowStart = now; windowFrames = 0; windowBio = 0
            }
            next += SpikettyApp.framePeriodMs
            if next < now { next = now }   // fell behind: don't build up a debt of frames
            repeat {
                let wait = Int(max(0, next - clock.nowMs()).rounded(.up))
                for event in terminal.pollEvents(timeoutMs: wait) {
                    if let reason = handle(event) { return reason }
                }
            } while clock.nowMs() < next
        }
    }
}
