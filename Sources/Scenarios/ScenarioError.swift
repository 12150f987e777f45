/// A problem with a scenario file, naming the file, the line (where known), the key and
/// what was expected, e.g. `scenarios/x.toml:12: neuron.tauMembrane_ms: expected a number
/// in 0.01...1000 (ms), got -1`.
public struct ScenarioError: Error, Equatable, CustomStringConvertible, Sendable {
    /// File name or path as the user gave it.
    public var file: String
    /// 1-based line, when it can be located.
    public var line: Int?
    /// Dotted key (`neuron.threshold_mV`), or nil for whole-file problems.
    public var key: String?
    /// What is wrong and what was expected.
    public var message: String

    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if let key { s += "\(key): " }
        return s + message
    }
}

/// Every problem found in one file (validation goes on after the first so the user sees all).
public struct ScenarioErrors: Error, CustomStringConvertible, Sendable {
    public var errors: [ScenarioError]
    public init(_ errors: [ScenarioError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
