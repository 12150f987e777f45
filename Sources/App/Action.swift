import Canvas

/// What a key asks the app to do (key conventions of shared/terminal.md 3.1).
public enum Action: Equatable, Sendable {
    case quit
    case toggleHelp
    case togglePause
    case step
    case faster
    case slower
    case nextPane
    case previousPane
    case cycleTheme
    case toggleZoom
    case toggleLogScale
    case restart
    /// Cycles the emulated chip: ideal → BrainScaleS-1 → BrainScaleS-2 (science.md 4).
    case toggleHardware
    case selectPreviousParameter
    case selectNextParameter
    case decreaseParameter
    case increaseParameter
    /// Starts typing a value for the chosen parameter (a digit starts it too; Enter sets it).
    case typeParameterValue
    /// Sets the chosen parameter back to the scenario file's value.
    case resetParameter
    /// Esc: closes an overlay, quits from the top level.
    case back
    /// Writes the current frame as plain text to a file.
    case snapshot
    /// `spiketty talk`: the next / previous slide of the talk (each starts warmed up).
    case nextSlide
    case previousSlide
    /// `spiketty talk`: pins the slide on screen (again: unpins it).
    case pinSlide
    /// `spiketty talk`: jumps to the pinned slide; pressed there, back to where the jump started.
    case goToPinned
    /// Mouse: focuses pane n (a click on it).
    case focusPane(Int)
    /// Mouse wheel over a plot with a time axis: the screen's time axes show a shorter
    /// (zoom in) or longer (zoom out) part of their window.
    case zoomTimeIn
    case zoomTimeOut
    /// Mouse: shows neuron n's membrane potential (a click on its raster row).
    case probeNeuron(Int)
    /// Closes the membrane-potential overlay (a click on it, or Esc).
    case closeProbe

    /// Actions that change only what is shown, not the simulation (a replay redoes these from
    /// the log's `key` lines; the others come from the log's own input lines).
    public var isUIOnly: Bool {
        if isMouseAction { return true }
        return [.toggleHelp, .nextPane, .previousPane, .cycleTheme, .toggleZoom, .toggleLogScale,
                .selectPreviousParameter, .selectNextParameter, .typeParameterValue].contains(self)
    }
}

/// The key map: one table, so the help overlay and the key bar are generated from it.
public enum KeyMap {
    /// (keys as shown, action, description) in help order.
    public static let bindings: [(keys: [Key], label: String, action: Action, help: String)] = [
        ([.character("q")], "q", .quit, "quit (Ctrl-C too)"),
        ([.character("?"), .character("h"), .function(1)], "? F1", .toggleHelp, "toggle this help"),
        ([.character(" ")], "space", .togglePause, "pause / resume the simulation"),
        ([.character("."), .character("n")], ".", .step, "advance one frame while paused"),
        ([.character("+"), .character("=")], "+", .faster, "faster (x1.5 biological time per frame)"),
        ([.character("-"), .character("_")], "-", .slower, "slower (/1.5)"),
        ([.tab], "Tab", .nextPane, "next pane (shift-Tab: previous)"),
        ([.backTab], "S-Tab", .previousPane, "previous pane"),
        ([.up, .character("k")], "↑ ↓", .selectPreviousParameter, "choose a parameter"),
        ([.down, .character("j")], "", .selectNextParameter, ""),
        ([.left], "← →", .decreaseParameter, "change the chosen parameter (live)"),
        ([.right], "", .increaseParameter, ""),
        ([.character("v")], "0-9 v", .typeParameterValue, "type a value for the chosen parameter (Enter sets, Esc cancels)"),
        ([.character("R")], "R", .resetParameter, "reset the chosen parameter to the scenario file's value"),
        ([.character("e"), .enter], "e", .toggleZoom, "expand the focused pane / back"),
        ([.character("l")], "l", .toggleLogScale, "log / linear scale of bar charts"),
        ([.character("t")], "t", .cycleTheme, "next colour theme"),
        ([.character("r")], "r", .restart, "restart the scenario with the same seed"),
        ([.character("H")], "H", .toggleHardware, "hardware: ideal → BrainScaleS-1 → BrainScaleS-2 (restarts)"),
        ([.escape], "Esc", .back, "close the overlay, or quit"),
        ([.character("s")], "s", .snapshot, "save the screen as a plain-text file"),
    ]

    /// Extra keys of `spiketty talk`; they take precedence over `bindings` there (so `n` is the
    /// next slide in a talk, and `.` still steps a paused frame).
    public static let talkBindings: [(keys: [Key], label: String, action: Action, help: String)] = [
        ([.character("n"), .pageDown], "n PgDn", .nextSlide, "next slide (starts warmed up)"),
        ([.character("p"), .pageUp], "p PgUp", .previousSlide, "previous slide"),
        ([.character("m")], "m", .pinSlide, "pin this slide (again: unpin)"),
        ([.character("g")], "g", .goToPinned, "go to the pinned slide; again: back to where you were"),
    ]

    /// The action bound to `key`, if any.
    public static func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The action bound to `key` in a talk (`talk: true`) or a single scenario run.
    public static func action(for key: Key, talk: Bool) -> Action? {
        if talk, let binding = talkBindings.first(where: { $0.keys.contains(key) }) { return binding.action }
        return action(for: key)
    }

    /// Rows for the help overlay (bindings with a description).
    public static var helpRows: [(String, String)] {
        bindings.filter { !$0.help.isEmpty }.map { ($0.label, $0.help) }
    }

    /// Help rows of a talk: the talk's keys first, then the others (`n` no longer steps).
    public static var talkHelpRows: [(String, String)] {
        talkBindings.map { ($0.label, $0.help) } + helpRows.map { $0.0 == "." ? (". ", "advance one frame while paused") : $0 }
    }
}
