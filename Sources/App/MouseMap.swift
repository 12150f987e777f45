import Canvas
import SpikeCore

/// What a mouse event asks the app to do, given where the last frame drew what: a click on
/// the membrane overlay closes it, on a raster row shows that neuron's membrane potential, on
/// any other pane focuses it; the wheel over a plot with a time axis zooms the screen's time
/// axes (up: in, down: out). Pure, so the fake terminal tests drive it like keys.
public enum MouseMap {
    public static func action(for event: MouseEvent, hits: ScreenHits) -> Action? {
        switch event.kind {
        case .press:
            if let overlay = hits.probeOverlay, overlay.contains(x: event.x, y: event.y) { return .closeProbe }
            if let neuron = hits.neuron(atX: event.x, y: event.y) { return .probeNeuron(neuron) }
            return hits.pane(atX: event.x, y: event.y).map(Action.focusPane)
        case .wheelUp, .wheelDown:
            guard hits.isTimePlot(x: event.x, y: event.y) else { return nil }
            return event.kind == .wheelUp ? .zoomTimeIn : .zoomTimeOut
        }
    }

    /// Help-overlay rows for the mouse.
    static let helpRows: [(keys: String, description: String)] = [
        ("click", "focus the pane under the mouse"),
        ("wheel", "zoom the time axes in / out (over a time plot)"),
        ("click row", "membrane potential of that raster neuron (Esc closes)"),
    ]

    /// The session log's name of a mouse event (`click@12,5`, `wheelup@40,9`).
    static func logName(_ event: MouseEvent) -> String {
        let kind = switch event.kind {
        case .press: "click"
        case .wheelUp: "wheelup"
        case .wheelDown: "wheeldown"
        }
        return "\(kind)@\(event.x),\(event.y)"
    }
}

extension Action {
    /// Whether the action comes from the mouse (all of them are UI-only).
    var isMouseAction: Bool {
        switch self {
        case .focusPane, .zoomTimeIn, .zoomTimeOut, .probeNeuron, .closeProbe: return true
        default: return false
        }
    }

    /// The action a session log's `key` line names (`focusPane(2)`, `zoomTimeIn`,
    /// `probeNeuron(7)`, `closeProbe`) when it is a mouse action; nil otherwise.
    init?(mouseLogName name: String) {
        switch name {
        case "zoomTimeIn": self = .zoomTimeIn
        case "zoomTimeOut": self = .zoomTimeOut
        case "closeProbe": self = .closeProbe
        default:
            guard name.hasSuffix(")"), let open = name.firstIndex(of: "("),
                  let n = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) else { return nil }
            switch name[..<open] {
            case "focusPane": self = .focusPane(n)
            case "probeNeuron": self = .probeNeuron(n)
            default: return nil
            }
        }
    }
}

extension SpikettyApp {
    /// A click or wheel turn: looked up in the last frame's hit map, logged like a key (UI
    /// only), then carried out. A click while the help is open closes it.
    func handle(_ mouse: MouseEvent) -> ExitReason? {
        if state.showHelp {
            state.showHelp = false
            record(.key(name: MouseMap.logName(mouse), action: "dismissHelp"))
            return nil
        }
        guard let action = MouseMap.action(for: mouse, hits: hits) else { return nil }
        record(.key(name: MouseMap.logName(mouse), action: String(describing: action)))
        return perform(action)
    }

    /// The mouse's actions (all UI-only: they change what is shown, not the simulation).
    func performMouse(_ action: Action) {
        switch action {
        case .focusPane(let pane):
            state.focusedPane = min(max(0, pane), max(1, screen.paneCount) - 1)
        case .zoomTimeIn, .zoomTimeOut:
            let factor = action == .zoomTimeIn ? AppState.timeZoomFactor : 1 / AppState.timeZoomFactor
            let zoom = min(max(state.timeZoom * factor, AppState.timeZoomRange.lowerBound), AppState.timeZoomRange.upperBound)
            state.timeZoom = zoom
            setMessage(zoom == 1 ? "time axes: whole window (wheel to zoom)" : "time axes: last 1/\(Int(zoom)) of the window (wheel down: out)")
        case .probeNeuron(let neuron):
            state.probedNeuron = neuron
            syncMembraneProbe()
            if !(experiment is MembraneProbing) {
                setMessage("neuron \(neuron): \(scenario.kind.rawValue) has no membrane potential (its units are not LIF neurons)")
            }
        case .closeProbe:
            state.probedNeuron = nil
        default:
            break
        }
    }

    /// Points the experiment's membrane probe at the chosen neuron (again after a restart,
    /// hardware switch or slide change rebuilt the experiment). Recording only: the dynamics
    /// and the readout do not change.
    func syncMembraneProbe() {
        guard let neuron = state.probedNeuron, let probing = experiment as? MembraneProbing else { return }
        if probing.probedMembrane()?.neuron != neuron { probing.probeMembrane(of: neuron) }
    }
}
