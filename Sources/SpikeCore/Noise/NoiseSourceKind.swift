/// Where a sampling network's stochasticity comes from (science.md 2 and 7, the slide
/// "Whence stochasticity?"): the menu the `noise-sources` scenario compares.
///
/// Binary formulation of [Jordan2019] (science.md 2.2, code jakobj/binary_network): functional
/// units are deterministic Heaviside units s ← Θ(h + x) whose only variability is the noise
/// input x; `intrinsic` units are stochastic themselves (Glauber/logistic, `Fsigma`).
public enum NoiseSourceKind: String, Sendable, CaseIterable, Equatable {
    /// Private noise: every update draws a fresh input from K independent sources
    /// (`create_indep_noise_weight_matrix`): the binary analogue of private Poisson input.
    case privateNoise = "poisson"
    /// A finite pool of N independent sources, each unit reading a random K of them
    /// (sbs `PoissonPoolSourceConfiguration`, `create_noise_weight_matrix_fixed_indegree`).
    case sharedPool = "pool"
    /// A deterministic background random network (BRN) of N Heaviside units with fixed
    /// in-degree K and inhibition g (`create_BRN_weight_matrix_fixed_indegree`).
    case backgroundNetwork = "network"
    /// No noise at all: an ensemble of functional networks whose units are each other's
    /// noise sources ([Dold2019], science.md 2.3).
    case ensemble = "ensemble"
    /// Continuous noise: Ornstein–Uhlenbeck conductances with the statistics of private Poisson
    /// input (spiking formulation only; science.md 7, `OrnsteinUhlenbeckConductance`).
    case continuous = "ou"
    /// Intrinsically stochastic logistic units s ← [σ(h) > U] (`Fsigma`): the ideal reference.
    case intrinsic = "intrinsic"

    /// Label for screens and tables.
    public var label: String {
        switch self {
        case .privateNoise: return "private noise"
        case .sharedPool: return "shared pool"
        case .backgroundNetwork: return "background network"
        case .ensemble: return "ensemble"
        case .continuous: return "OU noise"
        case .intrinsic: return "intrinsic"
        }
    }
}

extension RandomStream {
    /// Asynchronous update order and stochastic draws of a binary noise experiment (issue 4).
    public static let binaryNoiseUpdates: UInt64 = experiment(0x4_01)
    /// Noise connectivity (which K sources each unit reads, E/I identities).
    public static let binaryNoiseWiring: UInt64 = experiment(0x4_02)
    /// Initial binary states.
    public static let binaryNoiseInitial: UInt64 = experiment(0x4_03)
    /// Calibration probes.
    public static let binaryNoiseProbes: UInt64 = experiment(0x4_04)
}
