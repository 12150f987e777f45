import SpikeCore

/// The `hardware-sampling` kind (science.md 4): a Boltzmann machine sampled by LIF networks in
/// three lanes — ideal, open loop on an emulated chip, trained in the loop on the same chip.
/// The chip is the file's top-level `hardware` ("bss1" or "bss2") and `chipSeed`.
/// Tables, figures, checks, builder.
public enum HardwareSamplingKind: ScenarioKindDefinition {
    public static var sections: [SectionSpec] {
        [LIFSamplingKind.boltzmann, CommonSections.neuron, CommonSections.noise, training, calibration, simulation, display, chip]
    }

    public static let figureNames = ["dkl_ideal", "dkl_open_loop", "dkl_in_the_loop", "chip_wall_ms", "speedup",
                                     "training_iterations", "dkl_training_last", "sampled_ms", "weight_levels", "chip_seed",
                                     "failed_calibrations", "v_p05_mv", "alpha_mv"]

    public static var supportsHardware: Bool { true }

    static let training = SectionSpec("training", "in-the-loop training with shadow weights (science.md 4.2, 2.4)", [
        KeySpec("iterations", .integer(0...100_000), default: .integer(100), "training iterations (configure the chip, emulate, read states, update)"),
        KeySpec("iteration_ms", .number(100...1_000_000), default: .number(10_000), "sampled time per iteration after its burn-in (ms)"),
        KeySpec("learningRate", .number(0.0001...10), default: .number(0.1), "initial learning rate η₀ of the contrastive rule (decays as η₀/√t)"),
        KeySpec("momentum", .number(0...0.999), default: .number(0.9), "momentum of the contrastive updates"),
    ])

    static let calibration = SectionSpec("calibration", "activation-function calibrations (shared, and one per chip neuron)", [
        KeySpec("points", .integer(5...1000), default: .integer(60), "E_l points of each fine calibration"),
        KeySpec("duration_ms", .number(10...1_000_000), default: .number(4000), "simulated time per point after burn-in (ms)"),
        KeySpec("burnIn_ms", .number(0...100_000), default: .number(200), "burn-in per calibration point (ms)"),
    ])

    static let simulation = SectionSpec("simulation", "integration and measurement", [
        KeySpec("step_ms", .number(0.001...1), default: .number(0.1), "integration time step dt (ms); the calibrations use the same dt"),
        KeySpec("burnIn_ms", .number(0...100_000), default: .number(200), "time discarded at the start of every lane and iteration (ms)"),
        KeySpec("delay_ms", .number(0...100), default: .number(0.1), "synaptic delay between samplers (ms)"),
    ])

    static let chip = SectionSpec("chip", "how the Boltzmann machine is written onto the emulated chip", [
        KeySpec("biases", .choice(BiasRealisation.allCases.map(\.rawValue)), default: .text(BiasRealisation.leakPotential.rawValue),
                "`\"leak\"`: each bias through its sampler's leak potential, E_l,k = v_p05,k + α_k b_k (a parameter DAC); `\"neurons\"`: as on BrainScaleS-1 in Kungl et al. 2019 (science.md 4.2), E_l is written once (every sampler at its own b = 0 point v_p05,k) and b_k is the weight of a synapse from an always-on bias neuron (a chip neuron with its leak 30 mV above threshold and no background, firing once per refractory period), translated like a weight from a unit that is always on, in its own synapse row, quantised and distorted like every weight and trained in the loop"),
    ])

    static let display = SectionSpec("display", "what the screen shows", [
        KeySpec("weightBin", .number(0.001...10), default: .number(0.1), "bin width of the weight histogram (units of W)"),
        CommonSections.speed,
    ])

    public static func check(_ s: Scenario) -> [(section: String, key: String, message: String)] {
        var problems = CommonSections.checkNeuron(s)
        switch LIFSamplingKind.machine(s) {
        case .failure(let list): problems += list.items.map { ("boltzmann", $0.key, $0.message) }
        case .success(let m):
            if m.unitCount > 10 { problems.append(("boltzmann", "units", "expected at most 10 units on the emulated chip")) }
        }
        if s.hardwareProfile.name == "ideal" {
            problems.append(("", "hardware", "expected a chip to emulate: \"bss1\" or \"bss2\" (got \"ideal\")"))
        }
        if s.number("training", "iteration_ms") < 10 * s.number("neuron", "tauRefractory_ms") {
            problems.append(("training", "iteration_ms", "expected at least 10 refractory periods per iteration"))
        }
        return problems
    }

    public static func engineProblems(_ s: Scenario) -> [String] {
        guard case .success = LIFSamplingKind.machine(s) else { return ["invalid Boltzmann machine"] }
        return config(s, seed: s.seed).validate()
    }

    public static func makeExperiment(_ s: Scenario, seed: UInt64) -> any Experiment {
        HardwareSamplingExperiment(config: config(s, seed: seed))
    }

    static func config(_ s: Scenario, seed: UInt64) -> HardwareSamplingConfig {
        var c = HardwareSamplingConfig(machine: (try? LIFSamplingKind.machine(s).get()) ?? .canonical)
        c.neuron = CommonSections.neuronParameters(s)
        c.background = CommonSections.poissonBackground(s)
        c.stepMs = s.number("simulation", "step_ms")
        c.burnInMs = s.number("simulation", "burnIn_ms")
        c.delayMs = s.number("simulation", "delay_ms")
        c.seed = seed
        c.hardware = s.hardware ?? HardwareRealisation(profile: .bss1, chipSeed: 1)
        var cal = HardwareSamplingConfig.defaultCalibration
        cal.points = s.integer("calibration", "points")
        cal.durationMs = s.number("calibration", "duration_ms")
        cal.burnInMs = s.number("calibration", "burnIn_ms")
        c.calibrationSettings = cal
        c.iterations = s.integer("training", "iterations")
        c.iterationMs = s.number("training", "iteration_ms")
        c.learningRate = s.number("training", "learningRate")
        c.momentum = s.number("training", "momentum")
        c.weightBinWidth = s.number("display", "weightBin")
        c.biases = BiasRealisation(rawValue: s.text("chip", "biases")) ?? .leakPotential
        return c
    }
}
