/// Poisson background of one neuron (science.md 1.3, 2.1): one excitatory and one inhibitory
/// Poisson source, each with a rate and a static (additive) conductance weight.
///
/// Weights are positive magnitudes; the inhibitory one acts on g_i (sbs writes it as −0.001 µS,
/// the sign only choosing the receptor, science.md 1.2).
public struct PoissonBackground: Sendable, Equatable {
    /// Rate of the excitatory source, Hz.
    public var excRateHz: Double
    /// Rate of the inhibitory source, Hz.
    public var inhRateHz: Double
    /// Excitatory weight |w_e|, µS.
    public var excWeight: Double
    /// Inhibitory weight |w_i|, µS.
    public var inhWeight: Double

    public init(excRateHz: Double, inhRateHz: Double, excWeight: Double, inhWeight: Double) {
        self.excRateHz = excRateHz
        self.inhRateHz = inhRateHz
        self.excWeight = excWeight
        self.inhWeight = inhWeight
    }

    /// sbs calibration background: 3000 Hz, 0.001 µS (1 nS) on each receptor (science.md 1.3).
    public static let sbsDefault = PoissonBackground(excRateHz: 3000, inhRateHz: 3000, excWeight: 0.001, inhWeight: 0.001)

    /// No background.
    public static let none = PoissonBackground(excRateHz: 0, inhRateHz: 0, excWeight: 0, inhWeight: 0)

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems: [String] = []
        for (name, value) in [("excRateHz", excRateHz), ("inhRateHz", inhRateHz),
                              ("excWeight", excWeight), ("inhWeight", inhWeight)]
        where !(value >= 0 && value.isFinite) {
            problems.append("\(name) must be a finite number >= 0, is \(value)")
        }
        return problems
    }
}
