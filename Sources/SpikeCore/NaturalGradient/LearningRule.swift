/// The three plasticity rules of science.md 5.3 ([Kreutzer2022] code
/// `Figure3/File05_main_simulation.py`, Eqns. 10, 13 and 114 of the paper's numbering).
///
/// All three move the weights along the same error signal, the teacher's spike minus the
/// student's expected spike count in the bin, (y*_t − φ_max φ(V) dt), times (1 − φ(V))
/// (= φ'/(βφ)); they differ in the direction:
///
/// - `euclidean`: w_i ← w_i + η (1 − φ)(y* − φ_max dt φ) x^ε_i  (plain gradient of the KL cost)
/// - `natural`: w_i ← w_i + η γ_0 (1 − φ)(y* − φ_max dt φ)(x^ε_i/(c_ε r_i) − γ_u + γ_w w_i),
///   γ_0, γ_u, γ_w from `NaturalGradientCoefficients` (Fisher-metric preconditioning)
/// - `approximate`: as `natural` with γ_u = 0.95/c_ε and γ_w = 0.05·V (γ_0 still 1/I_1).
public enum LearningRule: String, CaseIterable, Sendable {
    case euclidean, natural, approximate

    /// Learning rates of the paper's Figure 3F (N = 100): 4.5e-7, 6e-4, 5.5e-4.
    public var figure3FLearningRate: Double {
        switch self {
        case .euclidean: return 4.5e-7
        case .natural: return 6e-4
        case .approximate: return 5.5e-4
        }
    }

    /// Learning rates of the paper's Figure 3D–E (N = 2): η_e = 7e-7, η_n = 2.5e-4; the
    /// approximate rule is not in that figure: 2.3e-4 keeps Figure 3F's ratio η_a/η_n [CHOICE].
    public var figure3DELearningRate: Double {
        switch self {
        case .euclidean: return 7e-7
        case .natural: return 2.5e-4
        case .approximate: return 2.3e-4
        }
    }

    /// Name for legends.
    public var label: String { rawValue }
}
