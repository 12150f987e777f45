/// What the user controls in the running app, apart from the experiment itself.
public struct AppState: Sendable, Equatable {
    /// Biological ms simulated per wall-clock ms; one frame covers `speed × framePeriodMs`.
    public var speed: Double
    public var paused = false
    /// One frame's worth of simulation requested while paused.
    public var stepRequested = false
    public var showHelp = false
    /// Index of the focused pane of the current screen.
    public var focusedPane = 0
    /// Bar charts of distributions on a logarithmic value axis.
    public var logScale = true
    /// Whether the focused pane fills the body.
    public var zoomed = false
    /// Index of the parameter the arrow keys change.
    public var selectedParameter = 0
    /// The value being typed for the chosen parameter (a digit or `v` starts it, Enter sets it,
    /// Esc cancels); nil when no value is being typed.
    public var parameterEntry: String? = nil
    /// Index into the theme list.
    public var themeIndex = 0
    /// Last message for the message line (errors from live changes, notices).
    public var message: String? = nil
    public var quitRequested = false
    /// Time axes show the last 1/timeZoom of their window (mouse wheel; 1 = all of it).
    public var timeZoom = 1.0
    /// The raster neuron whose membrane trace is shown (a click on its row); nil: none.
    public var probedNeuron: Int? = nil

    /// Speed limits: 1/1000 to 1000 biological ms per wall ms.
    public static let speedRange: ClosedRange<Double> = 0.001...1000
    /// Speed factor of one `+` or `-` press.
    public static let speedFactor = 1.5
    /// Time-axis zoom limits (whole window down to its last 1/64) and the factor of one wheel notch.
    public static let timeZoomRange: ClosedRange<Double> = 1...64
    public static let timeZoomFactor = 2.0

    public init(speed: Double) {
        self.speed = min(max(speed, AppState.speedRange.lowerBound), AppState.speedRange.upperBound)
    }
}
