import SpikeCore

/// The `high-conductance-state` kind (science.md 1.2-1.4): tables, figures, checks, builder.
public enum HighConductanceStateKind: ScenarioKindDefinition {
    public static var sections: [SectionSpec] {
        [CommonSections.neuron, CommonSections.noise, network, CommonSections.simulation, display]
    }

    public static let figureNames = ["membrane_mean_mv", "membrane_sd_mv", "membrane_mean_theory_mv",
                                     "membrane_sd_theory_mv", "tau_eff_ms", "rate_hz_mean"]

    /// Size of the simulated population.
    static let network = SectionSpec("network", "the simulated population", [
        KeySpec("neurons", .integer(1...2000), default: .integer(40), "number of spiking neurons in the raster"),
    ])

    /// What the screen shows.
    static let display = SectionSpec("display", "what the screen shows", [
        KeySpec("tracedNeurons", .integer(0...16), default: .integer(3), "membrane traces drawn against the threshold (at most `neurons`)"),
        KeySpec("rasterWindow_ms", .number(10...100_000), default: .number(500), "time shown by the spike raster (ms)"),
        KeySpec("traceWindow_ms", .number(1...100_000), default: .number(200), "time shown by the membrane traces (ms)"),
        CommonSections.speed,
    ])

    public static func check(_ s: Scenario) -> [(section: String, key: String, message: String)] {
        var problems = CommonSections.checkNeuron(s)
        if s.integer("display", "tracedNeurons") > s.integer("network", "neurons") {
            problems.append(("display", "tracedNeurons",
                             "expected at most network.neurons (\(s.integer("network", "neurons"))) traced neurons"))
        }
        return problems
    }

    public static func engineProblems(_ s: Scenario) -> [String] {
        config(s, seed: s.seed).validate()
    }

    public static func makeExperiment(_ s: Scenario, seed: UInt64) -> any Experiment {
        HighConductanceStateExperiment(config: config(s, seed: seed))
    }

    public static var supportsHardware: Bool { true }

    static func config(_ s: Scenario, seed: UInt64) -> HighConductanceStateConfig {
        var c = HighConductanceStateConfig()
        c.neuron = CommonSections.neuronParameters(s)
        c.background = CommonSections.poissonBackground(s)
        c.populationSize = s.integer("network", "neurons")
        c.hardware = s.hardware
        c.tracedNeurons = s.integer("display", "tracedNeurons")
        c.stepMs = s.number("simulation", "step_ms")
        c.burnInMs = s.number("simulation", "burnIn_ms")
        c.rasterWindowMs = s.number("display", "rasterWindow_ms")
        c.traceWindowMs = s.number("display", "traceWindow_ms")
        c.seed = seed
        return c
    }
}
