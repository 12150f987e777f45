/// One event line of a session log: `frame  step  t_ms  kind  args…` (tab-separated).
///
/// Inputs that change the simulation (`param`, `speed`, `pause`, `resume`, `step`,
/// `restart`) are logged with the frame before whose simulation they take effect and the
/// experiment step they took effect at; replay applies them, not the keys. `key` lines
/// (key name and the action it triggered) and `fps`/`resize` are context (replay redoes
/// only the UI-only actions, so the screen matches). Outputs (`checksum`, `figures`,
/// `spike`) are logged after the frame's simulation; replay verifies the checksums.
public struct SessionEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A key press: its name (`space`, `t`, `right`) and the action it triggered.
        case key(name: String, action: String)
        /// A parameter changed to `value` (the derived value, not the key).
        case param(key: String, value: Double)
        /// Speed (biological ms per frame-period ms) from this frame on.
        case speed(Double)
        case pause
        case resume
        /// One frame simulated while paused.
        case stepFrame
        /// The experiment rebuilt from the scenario and seed.
        case restart
        /// The hardware profile switched live (`ideal`, `bss1`, `bss2`) and the experiment rebuilt.
        case hardware(String)
        /// The terminal changed size.
        case resize(width: Int, height: Int)
        /// Frame rate measured live (shown in the status bar; replay shows the logged value).
        case fps(Double)
        /// Hash of the experiment's state after the frame (`Experiment.stateChecksum`).
        case checksum(UInt64)
        /// The experiment's named figures after the frame.
        case figures([Pair])
        /// A spike of neuron `neuron` (0-based) at `timeMs`.
        case spike(neuron: Int, timeMs: Double)
        /// A plain-text snapshot of the frame was written to `path`.
        case snapshot(path: String)
        /// The session ended (`quit`, `signal 15`, `duration`), with the state checksum at the end.
        case end(reason: String, checksum: UInt64?)
    }

    /// A named number (`figures` lines hold `name=value` pairs).
    public struct Pair: Sendable, Equatable {
        public var name: String
        public var value: Double
        public init(name: String, value: Double) { self.name = name; self.value = value }
    }

    public var frame: Int
    public var step: Int64
    public var timeMs: Double
    public var kind: Kind

    public init(frame: Int, step: Int64, timeMs: Double, kind: Kind) {
        self.frame = frame
        self.step = step
        self.timeMs = timeMs
        self.kind = kind
    }

    /// Whether replay applies it before simulating its frame (it changes the simulation).
    public var isSimulationInput: Bool {
        switch kind {
        case .param, .speed, .pause, .resume, .stepFrame, .restart, .hardware: return true
        default: return false
        }
    }

    /// The kind's name and arguments as written.
    var fields: [String] {
        typealias F = SessionLogFormat
        switch kind {
        case .key(let name, let action): return ["key", name, action]
        case .param(let key, let value): return ["param", key, F.exact(value)]
        case .speed(let v): return ["speed", F.exact(v)]
        case .pause: return ["pause"]
        case .resume: return ["resume"]
        case .stepFrame: return ["step"]
        case .restart: return ["restart"]
        case .hardware(let name): return ["hardware", name]
        case .resize(let w, let h): return ["resize", "\(w)x\(h)"]
        case .fps(let v): return ["fps", F.exact(v)]
        case .checksum(let c): return ["checksum", F.hex(c)]
        case .figures(let pairs): return ["figures"] + pairs.map { "\($0.name)=\(F.exact($0.value))" }
        case .spike(let n, let t): return ["spike", String(n), F.milliseconds(t)]
        case .snapshot(let path): return ["snapshot", path]
        case .end(let reason, let checksum): return ["end", reason] + (checksum.map { [F.hex($0)] } ?? [])
        }
    }

    /// The line as written, with its newline.
    public var line: String {
        ([String(frame), String(step), SessionLogFormat.milliseconds(timeMs)] + fields.map(SessionEvent.clean))
            .joined(separator: "\t") + "\n"
    }

    /// Tabs and newlines inside a field would break the line structure: replaced by spaces.
    static func clean(_ s: String) -> String {
        String(s.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }
}
