/// The kinds of experiment a scenario file can describe; each has one builder and one screen.
public enum ScenarioKind: String, CaseIterable, Sendable {
    /// A population of conductance-based LIF neurons under Poisson background, with a free
    /// (threshold-disabled) probe neuron whose membrane statistics are compared with theory
    /// (science.md 1.2-1.4; slide "Whence stochasticity?: injection of stochasticity").
    case highConductanceState = "high-conductance-state"

    /// The figure names this kind reports, in display order (stable: scripts rely on them).
    public var figureNames: [String] {
        switch self {
        case .highConductanceState:
            return ["membrane_mean_mv", "membrane_sd_mv", "membrane_mean_theory_mv", "membrane_sd_theory_mv",
                    "tau_eff_ms", "rate_hz_mean"]
        }
    }
}
