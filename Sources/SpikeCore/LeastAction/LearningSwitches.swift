/// The three live on/off switches of the least-action experiments (science.md 6.2): prospective
/// coding ŭ = u + τ du/dt, nudging β towards the target, and plasticity.
public struct LearningSwitches: Sendable, Equatable {
    public var prospective: Bool
    public var nudging: Bool
    public var plasticity: Bool

    public init(prospective: Bool, nudging: Bool, plasticity: Bool) {
        self.prospective = prospective
        self.nudging = nudging
        self.plasticity = plasticity
    }

    /// The switches as 0/1 parameters; `target` names what nudging pulls towards.
    public func parameters(target: String) -> [ParameterInfo] {
        [
            ParameterInfo(key: "prospective", label: "prospective coding (0/1)", value: prospective ? 1 : 0, range: 0...1, step: 1),
            ParameterInfo(key: "nudging", label: "nudging β towards \(target) (0/1)", value: nudging ? 1 : 0, range: 0...1, step: 1),
            ParameterInfo(key: "plasticity", label: "plasticity (0/1)", value: plasticity ? 1 : 0, range: 0...1, step: 1),
        ]
    }

    /// The switches with `key` set to `value` (0 or 1), or why not.
    public func setting(_ key: String, to value: Double) throws(ParameterError) -> LearningSwitches {
        guard value == 0 || value == 1 else {
            if ["prospective", "nudging", "plasticity"].contains(key) { throw .outOfRange(key: key, value: value, range: 0...1) }
            throw .unknown(key: key)
        }
        var s = self
        switch key {
        case "prospective": s.prospective = value == 1
        case "nudging": s.nudging = value == 1
        case "plasticity": s.plasticity = value == 1
        default: throw .unknown(key: key)
        }
        return s
    }
}
