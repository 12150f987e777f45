/// The self-describing header of a session log: everything a replay needs to rebuild the
/// run (the scenario's full text, seed, hardware profile, frame pacing) plus context for a
/// reader (app version, build, terminal). Written as `# key = value` lines; the scenario
/// text follows as `#| ` lines so a log replays without the scenario file.
public struct SessionHeader: Sendable, Equatable {
    /// Format version of the log (`SessionLogFormat.version` when written by this build).
    public var formatVersion: Int = SessionLogFormat.version
    public var appVersion: String
    /// "release" or "debug": optimisation can in principle change floating-point results.
    public var build: String
    /// Wall-clock creation time (ISO 8601, UTC); replay never uses it.
    public var createdUTC: String
    /// "live" (frames paced by the terminal) or "headless".
    public var mode: String
    /// Scenario name and the file it was read from.
    public var scenario: String
    public var scenarioFile: String
    /// The scenario file's full text (replay parses it again).
    public var scenarioText: String
    public var seed: UInt64
    /// Hardware-emulation profile ("ideal": the exact engine).
    public var hardware: String
    /// Terminal size in cells at the start, colour depth and theme (live runs).
    public var terminalWidth: Int
    public var terminalHeight: Int
    public var colorDepth: Int
    public var theme: String
    /// Integration step of the experiment, ms.
    public var stepMs: Double
    /// Speed at the start (biological ms per frame-period ms) and the frame period, ms: one
    /// frame simulates speed × framePeriodMs of biological time.
    public var speed: Double
    public var framePeriodMs: Double
    /// Frames between `checksum` lines and between `figures` lines.
    public var checksumEveryFrames: Int
    public var figuresEveryFrames: Int
    /// Whether `spike` lines are written, the number of neurons (ids 0-based) and the
    /// "on" window after a spike (ms; the sampler's refractory state), if the scenario has one.
    public var spikes: Bool
    public var neurons: Int
    public var onWindowMs: Double?
    /// Header keys this build does not know (kept, so a newer minor writer's extras survive).
    public var extra: [(key: String, value: String)] = []

    public init(appVersion: String, build: String, createdUTC: String, mode: String, scenario: String,
                scenarioFile: String, scenarioText: String, seed: UInt64, hardware: String = "ideal",
                terminalWidth: Int, terminalHeight: Int, colorDepth: Int, theme: String, stepMs: Double,
                speed: Double, framePeriodMs: Double, checksumEveryFrames: Int, figuresEveryFrames: Int,
                spikes: Bool, neurons: Int, onWindowMs: Double?) {
        self.appVersion = appVersion
        self.build = build
        self.createdUTC = createdUTC
        self.mode = mode
        self.scenario = scenario
        self.scenarioFile = scenarioFile
        self.scenarioText = scenarioText
        self.seed = seed
        self.hardware = hardware
        self.terminalWidth = terminalWidth
        self.terminalHeight = terminalHeight
        self.colorDepth = colorDepth
        self.theme = theme
        self.stepMs = stepMs
        self.speed = speed
        self.framePeriodMs = framePeriodMs
        self.checksumEveryFrames = checksumEveryFrames
        self.figuresEveryFrames = figuresEveryFrames
        self.spikes = spikes
        self.neurons = neurons
        self.onWindowMs = onWindowMs
    }

    public static func == (a: SessionHeader, b: SessionHeader) -> Bool { a.text == b.text }

    /// FNV-1a 64 of the scenario text (a quick identity check; the text itself is in the log).
    public var scenarioHash: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in scenarioText.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return SessionLogFormat.hex(hash)
    }

    /// Key/value pairs in writing order.
    var fields: [(String, String)] {
        var f: [(String, String)] = [
            ("format", "stlog \(formatVersion)"), ("app_version", appVersion), ("build", build),
            ("created_utc", createdUTC), ("mode", mode), ("scenario", scenario), ("scenario_file", scenarioFile),
            ("scenario_fnv1a", scenarioHash), ("seed", String(seed)), ("hardware", hardware),
            ("terminal", "\(terminalWidth)x\(terminalHeight)"), ("color_depth", String(colorDepth)), ("theme", theme),
            ("dt_ms", SessionLogFormat.exact(stepMs)), ("speed", SessionLogFormat.exact(speed)),
            ("frame_period_ms", SessionLogFormat.exact(framePeriodMs)),
            ("checksum_every_frames", String(checksumEveryFrames)), ("figures_every_frames", String(figuresEveryFrames)),
            ("spikes", spikes ? "on" : "off"), ("neurons", "\(neurons) (ids 0-based)"),
        ]
        if let onWindowMs { f.append(("on_window_ms", SessionLogFormat.exact(onWindowMs))) }
        f += extra.map { ($0.key, $0.value) }
        return f
    }

    /// The header as written: magic line, `# key = value` lines, the scenario text as `#| `
    /// lines, then the column line. Ends with a newline.
    public var text: String {
        var lines = [SessionLogFormat.magic]
        lines += fields.map { "# \($0.0) = \($0.1)" }
        var body = scenarioText
        if body.hasSuffix("\n") { body.removeLast() }
        lines += body.split(separator: "\n", omittingEmptySubsequences: false).map { "#| " + $0 }
        lines.append(SessionLogFormat.columns)
        return lines.joined(separator: "\n") + "\n"
    }
}
