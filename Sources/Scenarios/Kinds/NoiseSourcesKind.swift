import SpikeCore

/// The `noise-sources` kind (science.md 2.2, 2.5, 7): one Boltzmann machine sampled side by side
/// under private noise, a shared pool, a deterministic background network and a noise-free
/// ensemble (binary formulation of [Jordan2019]).
public enum NoiseSourcesKind: ScenarioKindDefinition {
    public static var sections: [SectionSpec] { [LIFSamplingKind.boltzmann, noise, simulation, display] }

    public static let figureNames: [String] = {
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

    static let noise = SectionSpec("noise", "the noise population (science.md 2.2)", [
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

    public static func check(_ s: Scenario) -> [(section: String, key: String, message: String)] {
        var problems: [(section: String, key: String, message: String)] = []
        if case .failure(let list) = LIFSamplingKind.machine(s) { problems += list.items.map { ("boltzmann", $0.key, $0.message) } }
        return problems
    }

    public static func engineProblems(_ s: Scenario) -> [String] {
        guard case .success = LIFSamplingKind.machine(s) else { return ["invalid Boltzmann machine"] }
        return config(s, seed: s.seed).validate()
    }

    public static func makeExperiment(_ s: Scenario, seed: UInt64) -> any Experiment {
        NoiseSourcesExperiment(config: config(s, seed: seed))
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
