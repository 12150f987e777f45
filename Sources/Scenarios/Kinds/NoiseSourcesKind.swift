import SpikeCore

/// The `noise-sources` kind (science.md 2.2, 2.5, 7): one Boltzmann machine sampled side by side
/// under private noise, a shared pool, a deterministic background network and a noise-free
/// ensemble (binary formulation of [Jordan2019]); or, with `formulation = "spiking"`, LIF samplers
/// under private Poisson sources, a Poisson pool and a background network of LIF neurons with the
/// sbs test parameters (science.md 2.2, spiking formulation).
public enum NoiseSourcesKind: ScenarioKindDefinition {
    public static var sections: [SectionSpec] { [LIFSamplingKind.boltzmann, noise, simulation, display, spiking] }

    public static var figureNames: [String] { binaryFigureNames + spikingOnlyFigureNames }

    /// The figures of the binary formulation.
    public static let binaryFigureNames: [String] = {
        var names: [String] = []
        for kind in NoiseSourcesConfig.kinds { names.append("dkl_target_sampled_\(kind.figureSuffix)") }
        for kind in NoiseSourcesConfig.kinds { names.append("input_corr_mean_\(kind.figureSuffix)") }
        names += ["sampled_ms", "pool_size", "in_degree", "source_activity_network", "input_mean_pool", "input_mean_theory",
                  "input_var_pool", "input_var_theory", "input_mean_network", "input_var_network"]
        for kind in NoiseSourcesConfig.kinds { names += ["beta_eff_\(kind.figureSuffix)", "offset_\(kind.figureSuffix)"] }
        for kind in NoiseSourcesConfig.kinds {
            names += ["1e3", "1e4", "1e5", "1e6"].map { "dkl_target_sampled_\(kind.figureSuffix)_\($0)" }
            names.append("dkl_pooled_\(kind.figureSuffix)")
        }
        return names
    }()

    /// The figures only the spiking formulation reports (it also reports the binary lanes' D_KL
    /// and correlation figures for poisson, pool and network, `sampled_ms` and `pool_size`).
    public static let spikingOnlyFigureNames: [String] = {
        var names = ["dkl_target_sampled_ou", "input_corr_mean_ou", "dkl_pooled_ou"] + ["1e3", "1e4", "1e5"].map { "dkl_target_sampled_ou_\($0)" }
        names += ["external_connectivity", "in_degree_exc", "in_degree_inh", "network_rate_hz", "network_rate_calibration_hz",
                  "external_weight_exc_nS", "external_weight_inh_nS"]
        for kind in SpikingNoiseSourcesConfig.kinds {
            let s = kind.figureSuffix
            names += ["input_mean_\(s)_nS", "input_mean_theory_\(s)_nS", "input_var_\(s)_nS2", "input_var_theory_\(s)_nS2",
                      "v_p05_\(s)", "alpha_\(s)"]
        }
        return names
    }()

    static let noise = SectionSpec("noise", "the noise population (science.md 2.2)", [
        KeySpec("formulation", .choice(["binary", "spiking"]), default: .text("binary"),
                "binary threshold units ([Jordan2019], four lanes) or conductance-based LIF samplers under Poisson sources, a Poisson pool and a LIF background network (keys of [spiking]; sources, excitatoryFraction and inhibition apply, inDegree and activity do not)"),
        KeySpec("sources", .integer(20...4000), default: .integer(500), "N: size of the shared pool and of the background network; the ensemble has N/n networks"),
        KeySpec("inDegree", .integer(2...400), default: .integer(50), "K: noise inputs per unit (gamma K excitatory, the rest inhibitory)"),
        KeySpec("excitatoryFraction", .number(0.05...0.95), default: .number(0.8), "gamma: fraction of excitatory sources and inputs"),
        KeySpec("inhibition", .number(0.1...50), default: .number(6), "g: inhibitory weight is -g w"),
        KeySpec("activity", .number(0.05...0.95), default: .number(0.5), "mu: activity of the pool sources and target activity of the background network"),
    ])

    static let simulation = SectionSpec("simulation", "dynamics and measurement", [
        KeySpec("networks", .integer(1...1000), default: .integer(20), "M: copies of the machine under private noise, pool and background network"),
        KeySpec("cycle_ms", .number(0.01...1000), default: .number(10), "biological time one asynchronous update cycle stands for (ms)"),
        KeySpec("calibrationCycles", .integer(10...1_000_000), default: .integer(2000), "cycles of the activation-function calibration per noise source"),
        KeySpec("burnInCycles", .integer(0...1_000_000), default: .integer(100), "cycles discarded after calibration"),
    ])

    static let display = SectionSpec("display", "what the screen shows", [
        KeySpec("matrixUnits", .integer(2...100), default: .integer(20), "units in each input-correlation heat map"),
        KeySpec("rasterCycles", .integer(10...10_000), default: .integer(100), "cycles of state history in the raster"),
        CommonSections.speed,
    ])

    static let spiking = SectionSpec("spiking", "the LIF formulation (formulation = \"spiking\"; science.md 2.2 spiking formulation, sbs test parameters)", [
        KeySpec("connectivity", .number(0...1), default: .number(0.1), "epsilon: internal connectivity of the background network (in-degree epsilon N_E and epsilon N_I)"),
        KeySpec("externalConnectivity", .number(0.001...1), default: .number(0.1), "epsilon_ext: each sampler reads epsilon_ext N_E excitatory and epsilon_ext N_I inhibitory sources"),
        KeySpec("weight_nA", .number(0...10), default: .number(0.0635), "J_E of the background network (nA; 0.0635 nA = 0.2 mV peak PSP); J_I = g J_E"),
        KeySpec("restingPotential_mV", .number(-80...0), default: .number(-40), "E_l of the background network's neurons (mV; above V_th = -50 mV: they fire by themselves)"),
        KeySpec("delay_ms", .number(0.1...100), default: .number(1), "delay inside the background network and to the samplers (ms)"),
        KeySpec("step_ms", .number(0.01...0.1), default: .number(0.1), "integration step (ms)"),
        KeySpec("probes", .integer(3...500), default: .integer(16), "calibration probes per lane (E_l spread around v_p05) under that lane's noise"),
        KeySpec("calibrationMs", .number(100...1e7), default: .number(5000), "duration of each of the two calibration rounds per lane (ms)"),
        KeySpec("raster_ms", .number(10...100_000), default: .number(1000), "time of state history in the raster (ms)"),
    ])

    /// The spiking formulation runs on an emulated chip (science.md 4); binary units have none.
    public static var supportsHardware: Bool { true }

    public static func hardwareUnsupportedReason(_ s: Scenario) -> String? {
        s.text("noise", "formulation") == "spiking" ? nil
            : "binary units have no chip: the hardware mode needs formulation = \"spiking\" in [noise]"
    }

    public static func check(_ s: Scenario) -> [(section: String, key: String, message: String)] {
        var problems: [(section: String, key: String, message: String)] = []
        if case .failure(let list) = LIFSamplingKind.machine(s) { problems += list.items.map { ("boltzmann", $0.key, $0.message) } }
        return problems
    }

    public static func engineProblems(_ s: Scenario) -> [String] {
        guard case .success = LIFSamplingKind.machine(s) else { return ["invalid Boltzmann machine"] }
        if s.text("noise", "formulation") == "spiking" { return spikingConfig(s, seed: s.seed).validate() }
        return config(s, seed: s.seed).validate()
    }

    public static func makeExperiment(_ s: Scenario, seed: UInt64) -> any Experiment {
        if s.text("noise", "formulation") == "spiking" { return SpikingNoiseSourcesExperiment(config: spikingConfig(s, seed: seed)) }
        return NoiseSourcesExperiment(config: config(s, seed: seed))
    }

    static func spikingConfig(_ s: Scenario, seed: UInt64) -> SpikingNoiseSourcesConfig {
        var c = SpikingNoiseSourcesConfig(machine: (try? LIFSamplingKind.machine(s).get()) ?? .canonical)
        c.networks = s.integer("simulation", "networks")
        c.network.size = s.integer("noise", "sources")
        c.network.excitatoryFraction = s.number("noise", "excitatoryFraction")
        c.network.inhibition = s.number("noise", "inhibition")
        c.network.connectivity = s.number("spiking", "connectivity")
        c.network.excitatoryWeight = s.number("spiking", "weight_nA")
        c.network.neuron.vRest = s.number("spiking", "restingPotential_mV")
        c.network.delayMs = s.number("spiking", "delay_ms")
        c.externalDelayMs = s.number("spiking", "delay_ms")
        c.externalConnectivity = s.number("spiking", "externalConnectivity")
        c.stepMs = s.number("spiking", "step_ms")
        c.probes = s.integer("spiking", "probes")
        c.calibrationMs = s.number("spiking", "calibrationMs")
        c.rasterMs = s.number("spiking", "raster_ms")
        c.matrixUnits = s.integer("display", "matrixUnits")
        c.seed = seed
        c.hardware = s.hardware
        return c
    }

    static func config(_ s: Scenario, seed: UInt64) -> NoiseSourcesConfig {
        var c = NoiseSourcesConfig(machine: (try? LIFSamplingKind.machine(s).get()) ?? .canonical)
        c.noise = BinaryNoiseParameters(sourceCount: s.integer("noise", "sources"), inDegree: s.integer("noise", "inDegree"),
                                        excitatoryFraction: s.number("noise", "excitatoryFraction"),
                                        inhibition: s.number("noise", "inhibition"), targetActivity: s.number("noise", "activity"))
        c.networks = s.integer("simulation", "networks")
        c.cycleMs = s.number("simulation", "cycle_ms")
        c.calibrationCycles = s.integer("simulation", "calibrationCycles")
        c.burnInCycles = s.integer("simulation", "burnInCycles")
        c.matrixUnits = s.integer("display", "matrixUnits")
        c.rasterCycles = s.integer("display", "rasterCycles")
        c.seed = seed
        return c
    }
}
