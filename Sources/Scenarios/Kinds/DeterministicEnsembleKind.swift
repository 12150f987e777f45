import SpikeCore

/// The `deterministic-ensemble` kind (science.md 2.3–2.4, [Dold2019]): M networks that are each
/// other's only noise, calibrated for that background and trained in the loop with the
/// contrastive (wake–sleep) rule; D_KL over the ensemble before and after training against
/// private noise.
public enum DeterministicEnsembleKind: ScenarioKindDefinition {
    public static var sections: [SectionSpec] { [LIFSamplingKind.boltzmann, background, training, simulation, display, spiking] }

    public static let figureNames: [String] = [
        "dkl_ensemble_before_training", "dkl_ensemble_after_training", "dkl_target_sampled_poisson",
        "dkl_ensemble_before_training_median", "dkl_ensemble_after_training_median", "dkl_target_sampled_poisson_median",
        "after_over_poisson", "training_iteration", "phase", "networks", "input_corr_mean_ensemble",
        "beta_eff_ensemble", "offset_ensemble", "beta_eff_poisson", "sampled_ms", "dkl_ensemble_training",
        "v_p05_ensemble", "alpha_ensemble", "v_p05_poisson", "alpha_poisson", "ensemble_rate_hz", "calibration_rate_hz", "ensemble_fano_factor",
        "set_point_v_p05", "set_point_activity_error", "chip_leak_clipped",
    ]

    static let background = SectionSpec("background", "the background each unit receives from other networks", [
        KeySpec("formulation", .choice(["binary", "spiking"]), default: .text("binary"),
                "binary threshold units ([Jordan2019] style) or conductance-based LIF samplers ([Dold2019]; keys of [spiking])"),
        KeySpec("networks", .integer(2...2000), default: .integer(100), "M: networks in the ensemble (the issue asks for at least 50)"),
        KeySpec("source", .choice(["ensemble", "network"]), default: .text("ensemble"),
                "binary formulation: the networks drive each other (ensemble, [Dold2019]) or are driven by a deterministic background network of networkSize units ([Jordan2019])"),
        KeySpec("networkSize", .integer(10...20000), default: .integer(500), "N: units of the background network (source = \"network\")"),
        KeySpec("inDegree", .integer(2...400), default: .integer(50), "K: inputs from units of other networks per unit"),
        KeySpec("excitatoryFraction", .number(0.05...0.95), default: .number(0.8), "gamma: fraction of units acting as excitatory sources"),
        KeySpec("inhibition", .number(0.1...50), default: .number(6), "g: inhibitory weight is -g w"),
    ])

    static let training = SectionSpec("training", "in-the-loop contrastive learning (science.md 2.4)", [
        KeySpec("iterations", .integer(0...100_000), default: .integer(100), "training iterations"),
        KeySpec("cyclesPerIteration", .integer(10...1_000_000), default: .integer(500), "cycles of model statistics per iteration"),
        KeySpec("learningRate", .number(0.0001...10), default: .number(0.05), "eta_0"),
        KeySpec("momentum", .number(0...0.999), default: .number(0.9), "momentum of the update"),
        KeySpec("decayIterations", .number(0.01...1e9), default: .number(10), "eta_t = eta_0 / sqrt(1 + t / decayIterations)"),
    ])

    static let simulation = SectionSpec("simulation", "dynamics and measurement", [
        KeySpec("cycle_ms", .number(0.01...1000), default: .number(10), "biological time one asynchronous update cycle stands for (ms)"),
        KeySpec("calibrationCycles", .integer(10...1_000_000), default: .integer(2000), "cycles of each activation-function calibration round"),
        KeySpec("measureCycles", .integer(10...10_000_000), default: .integer(5000), "cycles of the before / after / private-noise D_KL measurements"),
    ])

    static let display = SectionSpec("display", "what the screen shows", [
        KeySpec("matrixUnits", .integer(2...100), default: .integer(20), "units in the input-correlation heat map"),
        CommonSections.speed,
    ])

    static let spiking = SectionSpec("spiking", "the LIF formulation (formulation = \"spiking\"; [training] and networks apply too)", [
        KeySpec("inDegree", .integer(1...1000), default: .integer(30), "K: excitatory and as many inhibitory background synapses per neuron from other networks"),
        KeySpec("inhibitoryInDegree", .integer(0...1000), default: .integer(30), "K_I: inhibitory background synapses per neuron"),
        KeySpec("inhibition", .number(0.01...100), default: .number(1), "g = w_I/w_E of the background synapses (> 1: inhibition-dominated; g = 1 synchronises the ensemble into volleys)"),
        KeySpec("weightScale", .number(0.01...100), default: .number(1), "w_E in units of the weight matching the Poisson shot-noise variance at sourceRateHz"),
        KeySpec("backgroundDelay_ms", .number(0.001...20), default: .number(0.1), "delay of the background synapses (ms)"),
        KeySpec("sourceRateHz", .number(1...200), default: .number(40), "source rate (Hz) the background weights are matched for (same shot-noise variance as the Poisson background)"),
        KeySpec("step_ms", .number(0.001...0.1), default: .number(0.1), "integration step (ms)"),
        KeySpec("probes", .integer(3...500), default: .integer(30), "calibration probes (E_l spread around v_p05) under each background"),
        KeySpec("calibrationMs", .number(100...1e7), default: .number(5000), "duration of each calibration round (ms)"),
        KeySpec("calibrationRounds", .integer(1...20), default: .integer(2), "calibration rounds under the ensemble's own background"),
        KeySpec("measureMs", .number(100...1e8), default: .number(20000), "duration of the before / after / private-Poisson D_KL windows (ms)"),
        KeySpec("iterationMs", .number(100...1e7), default: .number(2000), "model-statistics window of each training iteration (ms)"),
        KeySpec("setPointRounds", .integer(0...50), default: .integer(8), "rounds of the set-point search: v_p05 at which the networks' mean activity equals the target's mean marginal (0: none)"),
        KeySpec("setPointMs", .number(100...1e6), default: .number(1500), "measurement window of each set-point round (ms)"),
        KeySpec("annealIterations", .integer(0...100_000), default: .integer(0), "the last iterations of training run at annealFactor times the learning rate (0: no annealing)"),
        KeySpec("annealFactor", .number(0.001...1), default: .number(0.1), "factor on the learning rate while annealing"),
    ])

    /// The spiking formulation runs on an emulated chip (science.md 4); binary units have none.
    public static var supportsHardware: Bool { true }

    public static func hardwareUnsupportedReason(_ s: Scenario) -> String? {
        s.text("background", "formulation") == "spiking" ? nil
            : "binary units have no chip: the hardware mode needs formulation = \"spiking\" in [background]"
    }

    public static func check(_ s: Scenario) -> [(section: String, key: String, message: String)] {
        var problems: [(section: String, key: String, message: String)] = []
        if case .failure(let list) = LIFSamplingKind.machine(s) { problems += list.items.map { ("boltzmann", $0.key, $0.message) } }
        return problems
    }

    public static func engineProblems(_ s: Scenario) -> [String] {
        guard case .success = LIFSamplingKind.machine(s) else { return ["invalid Boltzmann machine"] }
        if s.text("background", "formulation") == "spiking" { return spikingConfig(s, seed: s.seed).validate() }
        return config(s, seed: s.seed).validate()
    }

    public static func makeExperiment(_ s: Scenario, seed: UInt64) -> any Experiment {
        if s.text("background", "formulation") == "spiking" { return SpikingEnsembleExperiment(config: spikingConfig(s, seed: seed)) }
        return DeterministicEnsembleExperiment(config: config(s, seed: seed))
    }

    static func spikingConfig(_ s: Scenario, seed: UInt64) -> SpikingEnsembleConfig {
        var c = SpikingEnsembleConfig(machine: (try? LIFSamplingKind.machine(s).get()) ?? .canonical)
        c.networks = s.integer("background", "networks")
        c.inDegree = s.integer("spiking", "inDegree")
        c.sourceRateHz = s.number("spiking", "sourceRateHz")
        c.inhibitoryInDegree = s.integer("spiking", "inhibitoryInDegree")
        c.inhibition = s.number("spiking", "inhibition")
        c.weightScale = s.number("spiking", "weightScale")
        c.backgroundDelayMs = s.number("spiking", "backgroundDelay_ms")
        c.stepMs = s.number("spiking", "step_ms")
        c.probes = s.integer("spiking", "probes")
        c.calibrationMs = s.number("spiking", "calibrationMs")
        c.calibrationRounds = s.integer("spiking", "calibrationRounds")
        c.measureMs = s.number("spiking", "measureMs")
        c.iterationMs = s.number("spiking", "iterationMs")
        c.setPointRounds = s.integer("spiking", "setPointRounds")
        c.setPointMs = s.number("spiking", "setPointMs")
        c.annealIterations = s.integer("spiking", "annealIterations")
        c.annealFactor = s.number("spiking", "annealFactor")
        c.iterations = s.integer("training", "iterations")
        c.learningRate = s.number("training", "learningRate")
        c.momentum = s.number("training", "momentum")
        c.decayIterations = s.number("training", "decayIterations")
        c.seed = seed
        c.hardware = s.hardware
        return c
    }

    static func config(_ s: Scenario, seed: UInt64) -> DeterministicEnsembleConfig {
        var c = DeterministicEnsembleConfig(machine: (try? LIFSamplingKind.machine(s).get()) ?? .canonical)
        c.networks = s.integer("background", "networks")
        c.source = s.text("background", "source") == "network" ? .backgroundNetwork : .ensemble
        let sources = c.source == .backgroundNetwork ? s.integer("background", "networkSize") : c.networks * c.machine.unitCount
        c.noise = BinaryNoiseParameters(sourceCount: sources, inDegree: s.integer("background", "inDegree"),
                                        excitatoryFraction: s.number("background", "excitatoryFraction"),
                                        inhibition: s.number("background", "inhibition"))
        c.iterations = s.integer("training", "iterations")
        c.cyclesPerIteration = s.integer("training", "cyclesPerIteration")
        c.learningRate = s.number("training", "learningRate")
        c.momentum = s.number("training", "momentum")
        c.decayIterations = s.number("training", "decayIterations")
        c.cycleMs = s.number("simulation", "cycle_ms")
        c.calibrationCycles = s.integer("simulation", "calibrationCycles")
        c.measureCycles = s.integer("simulation", "measureCycles")
        c.matrixUnits = s.integer("display", "matrixUnits")
        c.seed = seed
        return c
    }
}
