import SpikeCore

/// The kinds of experiment a scenario file can describe. Each kind is defined in one file
/// under `Kinds/` (its tables, figure names, cross-key checks and experiment builder);
/// adding a kind means adding a case here, its line in `definition`, and that file.
public enum ScenarioKind: String, CaseIterable, Sendable {
    /// A population of conductance-based LIF neurons under Poisson background, with a free
    /// (threshold-disabled) probe neuron whose membrane statistics are compared with theory
    /// (science.md 1.2-1.4; slide "Whence stochasticity?: injection of stochasticity").
    case highConductanceState = "high-conductance-state"
    /// The activation-function calibration of a LIF sampler: p_on against E_l, the fitted
    /// logistic (v_p05, alpha) and the theoretical width (science.md 1.5).
    case activationFunction = "activation-function"
    /// A Boltzmann machine sampled by a network of LIF neurons, against Gibbs and abstract
    /// neural sampling (science.md 1.1-1.12; slide "Sampling-based Bayesian computation").
    case lifSampling = "lif-sampling"
    /// Real-time learning by least action: a Latent Equilibrium network learns Fourier synthesis
    /// online with and without prospective coding (science.md 6.1-6.4; slide "Lagrangian mechanics
    /// for neuronal networks").
    case leastAction = "least-action"
    /// A student network learns a fixed teacher from streaming input, without phases
    /// (science.md 6.6; slide "Lagrangian mechanics for neuronal networks").
    case teacherStudent = "teacher-student"
    /// Euclidean versus natural-gradient descent on a two-synapse cost landscape, with a live
    /// reparametrisation of one synapse (science.md 5.1; slide "What's wrong with Euclidean
    /// gradient descent?").
    case whichWayIsDown = "which-way-is-down"
    /// Euclidean, natural and approximate natural-gradient learning in a spiking neuron, N = 100
    /// and N = 2, with dendritic attenuation (science.md 5.2-5.5; slide "Synaptic plasticity as
    /// natural gradient descent").
    case naturalGradient = "natural-gradient"
    /// A spiking network trained on real handwritten digits dreams and completes clamped
    /// digits (science.md 2.3, 2.4, 3.4; slide "Bayesian inference & dreaming").
    case dreaming = "dreaming"
    /// A Boltzmann machine sampled ideally, on an emulated neuromorphic chip (open loop), and on
    /// the same chip trained in the loop with shadow weights (science.md 4; slide "Physical
    /// stochastic computation without noise").
    case hardwareSampling = "hardware-sampling"
    /// One Boltzmann machine sampled under private noise, a shared pool, a deterministic
    /// background network and a noise-free ensemble (science.md 2.2, 2.5; slide "Whence
    /// stochasticity?").
    case noiseSources = "noise-sources"
    /// An ensemble of networks that are each other's only noise, trained in the loop
    /// (science.md 2.3-2.4; slide "Stochasticity from function").
    case deterministicEnsemble = "deterministic-ensemble"
    /// Block Gibbs, LIF renewing, LIF depressing and adaptive simulated tempering on the trained
    /// digit RBM at equal budget: class switches, occupancy, autocorrelation (science.md 3.1-3.5;
    /// slide "Superior mixing in spiking networks").
    case stpMixing = "stp-mixing"
    /// The renewing LIF network with an oscillating background read at the troughs, against a
    /// steady background, Gibbs and tempering (science.md 2.1, 3.6; slide "Biological mechanisms
    /// for superior mixing").
    case oscillations = "oscillations"

    /// Where everything about this kind is defined.
    public var definition: any ScenarioKindDefinition.Type {
        switch self {
        case .highConductanceState: return HighConductanceStateKind.self
        case .activationFunction: return ActivationFunctionKind.self
        case .lifSampling: return LIFSamplingKind.self
        case .leastAction: return LeastActionKind.self
        case .teacherStudent: return TeacherStudentKind.self
        case .whichWayIsDown: return WhichWayIsDownKind.self
        case .naturalGradient: return NaturalGradientKind.self
        case .dreaming: return DreamingKind.self
        case .hardwareSampling: return HardwareSamplingKind.self
        case .noiseSources: return NoiseSourcesKind.self
        case .deterministicEnsemble: return DeterministicEnsembleKind.self
        case .stpMixing: return StpMixingKind.self
        case .oscillations: return OscillationsKind.self
        }
    }

    /// The tables a file of this kind may contain (besides the top-level keys).
    public var sections: [SectionSpec] { definition.sections }

    /// The figure names this kind reports, in display order (stable: scripts rely on them).
    public var figureNames: [String] { definition.figureNames }
}

/// Everything the scenario layer knows about one kind.
public protocol ScenarioKindDefinition {
    /// The tables a file of this kind may contain, with their keys. One of them must be a
    /// `[display]` table holding `CommonSections.speed` (the app starts at that speed).
    static var sections: [SectionSpec] { get }
    /// The figure names the experiment reports (documented in docs/scenario-keys.md).
    static var figureNames: [String] { get }
    /// Problems that involve several keys, after each key passed its own check:
    /// (table, key, message) with the message saying what was expected.
    static func check(_ scenario: Scenario) -> [(section: String, key: String, message: String)]
    /// Problems the engine would refuse (its own validation), reported before building.
    static func engineProblems(_ scenario: Scenario) -> [String]
    /// A new experiment for the scenario with the given seed.
    static func makeExperiment(_ scenario: Scenario, seed: UInt64) -> any Experiment
    /// Whether the kind runs on an emulated chip (`hardware = "bss1"`, science.md 4): its
    /// builder passes `scenario.hardware` to the engine. Defaults to false.
    static var supportsHardware: Bool { get }
    /// Why this scenario cannot run on a chip (nil if it can): a kind with hardware mode may still
    /// have configurations without neurons to put on a chip (e.g. a binary formulation).
    static func hardwareUnsupportedReason(_ scenario: Scenario) -> String?
}

extension ScenarioKindDefinition {
    public static var supportsHardware: Bool { false }
    public static func hardwareUnsupportedReason(_ scenario: Scenario) -> String? {
        supportsHardware ? nil : "kind \"\(scenario.kind.rawValue)\" has no hardware mode"
    }
}
