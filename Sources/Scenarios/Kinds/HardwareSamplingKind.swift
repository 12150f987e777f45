import SpikeCore

/// The `hardware-sampling` kind (science.md 4): a Boltzmann machine sampled by LIF networks in
/// three lanes — ideal, open loop on an emulated chip, trained in the loop on the same chip.
/// The chip is the file's top-level `hardware` ("bss1" or "bss2") and `chipSeed`.
/// Tables, figures, checks, builder.
public enum HardwareSamplingKind: ScenarioKindDefinition {
    public static var sections: [SectionSpec] {
        [LIFSamplingKind.boltzmann, CommonSections.neuron, CommonSections.noise, training, calibration, simulation, display, chip,
         digits]
    }

    public static let figureNames = ["dkl_ideal", "dkl_open_loop", "dkl_in_the_loop", "chip_wall_ms", "speedup",
                                     "training_iterations", "dkl_training_last", "sampled_ms", "weight_levels", "chip_seed",
                                     "failed_calibrations", "v_p05_mv", "alpha_mv"] + DigitsOnChip.figureNames

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

    static let digits = SectionSpec("digits", "the digits lane: the dreaming RBM on the same chip, measured by label accuracy (issue 7)", [
        KeySpec("lane", .choice(["on", "off"]), default: .text("off"), "\"on\": also run the trained digit RBM (174 LIF samplers) three ways on the chip: ideal, open loop, trained in the loop"),
        KeySpec("digits", .text, default: .text("optdigits-8x8.txt"), "digit set in seeds/ (compact text form, seeds/README.md)"),
        KeySpec("weights", .text, default: .text("dreaming-rbm.txt"), "trained RBM in seeds/ with 10 label units (the dreaming scenario's, written by `spiketty train dreaming`)"),
        KeySpec("heldOutPeriod", .integer(2...100), default: .integer(5), "image i is held out when i % period = period − 1 (as in dreaming); the rest are the training images of the in-the-loop lane"),
        KeySpec("testImages", .integer(1...10_000), default: .integer(100), "held-out images every lane classifies (the first ones; at most the held-out count)"),
        KeySpec("presentation_ms", .number(1...100_000), default: .number(100), "each test image, and each phase of a training image, is clamped this long (ms)"),
        KeySpec("settle_ms", .number(0...100_000), default: .number(30), "start of each presentation not measured (ms)"),
        KeySpec("clampBias", .number(0.1...1000), default: .number(20), "clamping: E_l = v_p05 +- alpha * clampBias"),
        KeySpec("iterations", .integer(0...100_000), default: .integer(20), "in-the-loop iterations (configure the chip, run a mini-batch, update the shadow weights)"),
        KeySpec("batchSize", .integer(1...10_000), default: .integer(20), "training images per iteration, each shown with its label clamped (data) and free (model)"),
        KeySpec("learningRate", .number(0.0001...10), default: .number(0.15), "learning rate η of the contrastive rule (per image; constant)"),
        KeySpec("momentum", .number(0...0.999), default: .number(0.5), "momentum of the contrastive updates"),
        KeySpec("update", .choice(DigitsOnChipSettings.Update.allCases.map(\.rawValue)), default: .text("all"), "parameters the in-the-loop rule changes: \"labels\" the label units' weights and biases (the read-out of the chip's hidden layer), \"all\" also the pixel weights and hidden biases"),
        KeySpec("calibration", .choice(["per-neuron", "shared"]), default: .text("per-neuron"), "\"per-neuron\": each of the 174 chip neurons translated with its own calibration (the shared one shifted by its mismatch); \"shared\": the nominal neuron's calibration for all, so every leak and threshold offset stays in the biases for in-the-loop training to absorb"),
        KeySpec("show", .choice(["machine", "digits"]), default: .text("machine"), "lane the screen shows first (live parameter `show_digits`)"),
    ])

    /// The `[digits]` table's settings.
    static func digitsSettings(_ s: Scenario) -> DigitsOnChipSettings {
        var d = DigitsOnChipSettings()
        d.heldOutPeriod = s.integer("digits", "heldOutPeriod")
        d.testImages = s.integer("digits", "testImages")
        d.presentationMs = s.number("digits", "presentation_ms")
        d.settleMs = s.number("digits", "settle_ms")
        d.clampBias = s.number("digits", "clampBias")
        d.iterations = s.integer("digits", "iterations")
        d.batchSize = s.integer("digits", "batchSize")
        d.learningRate = s.number("digits", "learningRate")
        d.momentum = s.number("digits", "momentum")
        d.perNeuronCalibration = s.text("digits", "calibration") == "per-neuron"
        d.update = DigitsOnChipSettings.Update(rawValue: s.text("digits", "update")) ?? .all
        return d
    }

    /// The digit images and the trained machine of the digits lane (nil when the lane is off).
    static func digitsInput(_ s: Scenario) throws(DigitSeeds.LoadError) -> DigitsLaneInput? {
        guard s.text("digits", "lane") == "on" else { return nil }
        let digits = try DigitSeeds.loadDigits(DigitSeeds.path(s.text("digits", "digits"), forScenarioFile: s.file))
        let machine = try DigitSeeds.loadMachine(DigitSeeds.path(s.text("digits", "weights"), forScenarioFile: s.file))
        return DigitsLaneInput(digits: digits, machine: machine, settings: digitsSettings(s))
    }

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
        do {
            return try config(s, seed: s.seed).validate()
        } catch {
            return ["[digits] " + error.message]
        }
    }

    public static func makeExperiment(_ s: Scenario, seed: UInt64) -> any Experiment {
        do {
            return HardwareSamplingExperiment(config: try config(s, seed: seed))
        } catch {
            preconditionFailure("hardware-sampling scenario \(s.file): \(error.message) (checked by engineProblems before building)")
        }
    }

    static func config(_ s: Scenario, seed: UInt64) throws(DigitSeeds.LoadError) -> HardwareSamplingConfig {
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
        c.digits = try digitsInput(s)
        c.showDigits = s.text("digits", "show") == "digits"
        return c
    }
}
