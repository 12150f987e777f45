import Canvas
import Scenarios
import SpikeCore

/// What a screen needs besides the readout: the theme and the user's focus and selection.
public struct ScreenContext {
    public var theme: Theme
    public var focusedPane: Int
    public var zoomed: Bool
    public var parameters: [ParameterInfo]
    public var selectedParameter: Int
    /// The value being typed for the chosen parameter, if any.
    public var parameterEntry: String? = nil
    /// Each parameter's value as the scenario file set it (what `R` resets to), by key.
    public var fileParameterValues: [String: Double] = [:]
    public var scenario: Scenario
    /// Bar charts on a logarithmic value axis (`l`).
    public var logScale: Bool
    /// Time axes show the last 1/timeZoom of their window (mouse wheel).
    public var timeZoom = 1.0
    /// Where panes, time plots and raster rows are drawn this frame (for the mouse).
    public var hits = ScreenHits()
}

/// The body of the screen for one scenario kind: a layout of widgets bound to the readout.
/// Layouts degrade (fewer panes) as the terminal shrinks, down to `minimumSize`.
public protocol Screen {
    /// Number of panes Tab cycles through.
    var paneCount: Int { get }
    /// The smallest terminal (whole screen, bars included) the screen can use.
    var minimumSize: (width: Int, height: Int) { get }
    /// Draws the body into `area` of `buffer`.
    func render(_ readout: Readout, context: ScreenContext, into buffer: inout CellBuffer, area: Rect)
}

/// The screen for each scenario kind.
enum ScreenFactory {
    static func make(for scenario: Scenario) -> any Screen {
        switch scenario.kind {
        case .highConductanceState: return HighConductanceScreen()
        case .lifSampling: return LIFSamplingScreen(primary: scenario.kind.figureNames)
        case .activationFunction: return ActivationFunctionScreen(primary: scenario.kind.figureNames)
        case .leastAction: return LeastActionScreen()
        case .teacherStudent: return TeacherStudentScreen()
        case .whichWayIsDown: return WhichWayIsDownScreen()
        case .naturalGradient: return NaturalGradientScreen()
        case .dreaming: return DreamingScreen(primary: Array(scenario.kind.figureNames.prefix(6)) + ["dream_samples"])
        case .hardwareSampling: return HardwareSamplingScreen(primary: scenario.kind.figureNames)
        case .noiseSources: return NoiseSourcesScreen(primary: scenario.kind.figureNames)
        case .deterministicEnsemble: return DeterministicEnsembleScreen(primary: scenario.kind.figureNames)
        case .stpMixing, .oscillations: return MixingScreen(primary: scenario.kind.figureNames)
        }
    }
}
