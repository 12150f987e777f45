/// The keys `spiketty talk` reads: where the scenario sits in the talk and its key equation.
extension Scenario {
    /// Position in the talk's slide order (1 = first); 0 when the scenario is not part of the talk.
    public var slidePosition: Int {
        if case .integer(let i)? = values[""]?["slidePosition"] { return i }
        return 0
    }

    /// The scenario's key equation, one line ("" when the file gives none).
    public var equation: String {
        if case .text(let s)? = values[""]?["equation"] { return s }
        return ""
    }

    /// Biological time simulated before a talk slide is shown (ms): the file's
    /// `[simulation] burnIn_ms` when the kind has one, at most `limitMs` so switching stays quick.
    public func warmUpMs(limitMs: Double) -> Double {
        switch values["simulation"]?["burnIn_ms"] {
        case .number(let d)?: return min(max(0, d), limitMs)
        case .integer(let i)?: return min(Double(max(0, i)), limitMs)
        default: return 0
        }
    }
}
