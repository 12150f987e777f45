/// The live frame rate (`spiketty run --fps N`, issue 13): frames per second and what depends
/// on it besides the pacing in `run(clock:)`.
extension SpikettyApp {
    /// The live frame rates `--fps` accepts.
    public static let framesPerSecondRange = 1...120

    /// Frames per second of a live run: each frame simulates speed × 1000/fps ms and the frame
    /// loop paces frames at this rate (a session log records the period, so replays match).
    public var framesPerSecond: Double {
        get { 1000 / simulatedFramePeriodMs }
        set { simulatedFramePeriodMs = 1000 / newValue }
    }

    /// How long messages stay: 3 s of frames (90 at 30 fps).
    var messageFrames: Int { max(1, Int((3000 / simulatedFramePeriodMs).rounded())) }
}
