/// A live-adjustable parameter of an experiment (what the app's parameter panel shows).
public struct ParameterInfo: Sendable, Equatable {
    /// Stable key, as in the scenario file (`rate_hz`).
    public var key: String
    /// Label for the screen, with unit (`background rate (Hz)`).
    public var label: String
    public var value: Double
    /// Allowed range, inclusive.
    public var range: ClosedRange<Double>
    /// Factor (> 1) for one step up; one step down divides by it. Ignored when `step` is set.
    public var stepFactor: Double
    /// Additive step (one step up adds it, one step down subtracts it), for parameters that
    /// can be zero or negative (a resting potential in mV); nil for multiplicative stepping.
    public var step: Double?

    /// A parameter stepped multiplicatively by `stepFactor`.
    public init(key: String, label: String, value: Double, range: ClosedRange<Double>, stepFactor: Double) {
        self.key = key
        self.label = label
        self.value = value
        self.range = range
        self.stepFactor = stepFactor
        self.step = nil
    }

    /// A parameter stepped additively by `step`.
    public init(key: String, label: String, value: Double, range: ClosedRange<Double>, step: Double) {
        self.key = key
        self.label = label
        self.value = value
        self.range = range
        self.stepFactor = 1
        self.step = step
    }

    /// The value `steps` steps away (negative = down), clamped to `range`.
    public func stepped(by steps: Int) -> Double {
        let raw: Double
        if let step {
            raw = value + Double(steps) * step
        } else {
            var factor = 1.0
            for _ in 0..<abs(steps) { factor *= stepFactor }
            raw = steps >= 0 ? value * factor : value / factor
        }
        return min(max(raw, range.lowerBound), range.upperBound)
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
    /// A hash of the experiment's state, for session logs: replaying the same inputs must
    /// give the same value bit for bit. Default (ExperimentChecksum.swift): a hash of the
    /// readout; experiments with hidden state worth checking override it.
    func stateChecksum() -> UInt64
    /// The first state variable that is not a finite number, as (name with index and unit,
    /// value), or nil. Checked once per frame by `NumericalGuard` (NumericalFault.swift);
    /// default: none known.
    func nonFiniteState() -> (String, Double)?
}
