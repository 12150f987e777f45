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
    /// Esc: closes an overlay, quits from the top level.
    case back
    /// Writes the current frame as plain text to a file.
    case snapshot

    /// Actions that change only what is shown, not the simulation (a replay redoes these from
    /// the log's `key` lines; the others come from the log's own input lines).
    public var isUIOnly: Bool {
        [.toggleHelp, .nextPane, .previousPane, .cycleTheme, .toggleZoom, .toggleLogScale,
         .selectPreviousParameter, .selectNextParameter].contains(self)
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
        ([.character("e"), .enter], "e", .toggleZoom, "expand the focused pane / back"),
        ([.character("l")], "l", .toggleLogScale, "log / linear scale of bar charts"),
        ([.character("t")], "t", .cycleTheme, "next colour theme"),
        ([.character("r")], "r", .restart, "restart the scenario with the same seed"),
        ([.character("H")], "H", .toggleHardware, "hardware: ideal → BrainScaleS-1 → BrainScaleS-2 (restarts)"),
        ([.escape], "Esc", .back, "close the overlay, or quit"),
        ([.character("s")], "s", .snapshot, "save the screen as a plain-text file"),
    ]

    /// The action bound to `key`, if any.
    public static func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// Rows for the help overlay (bindings with a description).
    public static var helpRows: [(String, String)] {
        bindings.filter { !$0.help.isEmpty }.map { ($0.label, $0.help) }
    }
}
