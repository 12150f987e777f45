/// A live-adjustable parameter of an experiment (what the app's parameter panel shows).
public struct ParameterInfo: Sendable, Equatable {
    /// Stable key, as in the scenario file (`rate_hz`).
    public var key: String
    /// Label for the screen, with unit (`background rate (Hz)`).
    public var label: String
    public var value: Double
    /// Allowed range, inclusive.
    public var range: ClosedRange<Double>
    /// Factor (> 1) for one step up; one step down divides by it.
    public var stepFactor: Double

    public init(key: String, label: String, value: Double, range: ClosedRange<Double>, stepFactor: Double) {
        self.key = key
        self.label = label
        self.value = value
        self.range = range
        self.stepFactor = stepFactor
    }
}

/// Why a parameter change was refused.
public enum ParameterError: Error, Equatable, CustomStringConvertible {
    case unknown(key: String)
    case outOfRange(key: String, value: Double, range: ClosedRange<Double>)

    public var description: String {
        switch self {
        case .unknown(let key): return "unknown parameter '\(key)'"
        case .outOfRange(let key, let value, let range):
            return "\(key) = \(value) is outside \(range.lowerBound)...\(range.upperBound)"
        }
    }
}

/// A running simulation the app drives: advance it by slices of biological time,
/// read what it shows, change its parameters. Implementations are deterministic:
/// the same construction and seed and the same calls give the same readouts, bit for bit.
public protocol Experiment: AnyObject {
    /// Biological time simulated so far, in ms.
    var timeMs: Double { get }
    /// Integration step, in ms.
    var stepMs: Double { get }
    /// Simulates `durationMs` of biological time (rounded to whole steps).
    func advance(by durationMs: Double)
    /// A snapshot of what the experiment shows now.
    func readout() -> Readout
    /// The parameters that can change while it runs.
    var parameters: [ParameterInfo] { get }
    /// Changes one parameter; takes effect from the next step.
    func setParameter(_ key: String, to value: Double) throws(ParameterError)
}
