import SpikeCore

/// Tables shared by the mixing kinds (`stp-mixing`, `oscillations`; science.md 3): the digit
/// seeds and RBM, synapses, calibration, simulation, tempering, display; plus the builder of
/// their `MixingConfig`.
enum MixingSections {
    static let data = SectionSpec("data", "the trained RBM and digit images (files in the project's seeds/ folder)", [
        KeySpec("digits", .text, default: .text("optdigits-8x8.txt"), "digit set in seeds/ (compact text form, seeds/README.md)"),
        KeySpec("heldOutPeriod", .integer(2...100), default: .integer(5), "every n-th image is held out: the start digits (the first held-out image of each class) and the classifier's test set"),
        KeySpec("weights", .text, default: .text("mixing-rbm.txt"), "trained RBM in `seeds/`; `mixing-rbm.txt` is what `spiketty train dreaming` writes with the `[training]` settings of `stp-mixing.toml` (η = 0.05, weight decay 1e-4: a deep landscape whose Gibbs chains stick to one class, the regime of science.md 3.4)"),
        KeySpec("imbalancedClass", .integer(-1...9), default: .integer(-1),
                "−1: the shipped machine on the balanced data; 0–9: that class repeated `imbalanceFactor` times in the training split, a machine trained on it at start with the `[training]` settings (a few seconds in a release build), and the occupancy D_KL measured against the imbalanced class frequencies"),
        KeySpec("imbalanceFactor", .integer(1...20), default: .integer(5), "how many times the imbalanced class is repeated"),
    ])

    static let synapses = SectionSpec("synapses", "synapses between the samplers (science.md 3.1)", [
        KeySpec("delay_ms", .number(0...100), default: .number(0.1), "synaptic delay between samplers (ms)"),
        KeySpec("depressingU", .number(0.01...1), default: .number(0.22), "utilisation U of the depressing synapses (slide: 0.22)"),
        KeySpec("depressingTauRec_ms", .number(1...10_000), default: .number(50), "recovery time constant of the depressing synapses (ms; slide: 50)"),
    ])

    static let calibration = SectionSpec("calibration", "activation-function calibration used for the translation", [
        KeySpec("points", .integer(5...1000), default: .integer(150), "E_l points of the fine calibration"),
        KeySpec("duration_ms", .number(10...1_000_000), default: .number(10_000), "simulated time per point after burn-in (ms)"),
        KeySpec("burnIn_ms", .number(0...100_000), default: .number(500), "burn-in per calibration point (ms)"),
    ])

    static let simulation = SectionSpec("simulation", "integration and budget", [
        KeySpec("step_ms", .number(0.001...1), default: .number(0.1), "integration time step dt (ms); the calibration uses the same dt"),
        KeySpec("sampleInterval_ms", .number(0.01...1000), default: .number(10), "LIF time per budget slot = one Gibbs or tempering sweep (ms; science.md 1.11: tau_ref)"),
        KeySpec("clamp_ms", .number(0...10_000), default: .number(20), "the LIF networks start with their visible units clamped to the start digit this long (ms); Gibbs and tempering start in that state"),
        KeySpec("startImage", .integer(0...9), default: .integer(0), "class of the start digit; the live key `start_image` steps through the others"),
    ])

    static let tempering = SectionSpec("tempering", "adaptive simulated tempering baseline (science.md 3.5)", [
        KeySpec("levels", .integer(2...100), default: .integer(10), "number of inverse temperatures K"),
        KeySpec("minimumBeta", .number(0.01...0.99), default: .number(0.6), "lowest inverse temperature beta_K (linear ladder from 1)"),
        KeySpec("gamma0", .number(0.0001...100), default: .number(1), "adaptation step gamma_0 of the level weights"),
        KeySpec("decaySweeps", .number(1...1e9), default: .number(1000), "gamma_t = gamma_0/(1 + t/decaySweeps)"),
    ])

    static let display = SectionSpec("display", "what the screen shows", [
        KeySpec("stripLength", .integer(1...256), default: .integer(48), "recent samples kept per stream (images and class strip)"),
        KeySpec("freeEnergyPoints", .integer(2...10_000), default: .integer(300), "recent points of each stream's free-energy curve"),
        CommonSections.speed,
    ])

    static func digitsPath(_ s: Scenario) -> String { DigitSeeds.path(s.text("data", "digits"), forScenarioFile: s.file) }
    static func weightsPath(_ s: Scenario) -> String { DigitSeeds.path(s.text("data", "weights"), forScenarioFile: s.file) }

    /// Digits, machine and classifier; trains the imbalanced machine when asked.
    static func setup(_ s: Scenario) throws(DigitSeeds.LoadError) -> MixingSetup {
        let digits = try DigitSeeds.loadDigits(digitsPath(s))
        let split = digits.split(heldOutPeriod: s.integer("data", "heldOutPeriod"))
        let favoured = s.integer("data", "imbalancedClass")
        guard favoured >= 0 else {
            let machine = try DigitSeeds.loadMachine(weightsPath(s))
            return MixingSetup(rbm: machine, training: split.training, heldOut: split.heldOut)
        }
        let training = split.training.imbalanced(favouring: favoured, factor: s.integer("data", "imbalanceFactor"))
        let trainer = PCDTrainer(settings: DreamingKind.trainingSettings(s), training: training)
        for _ in 0..<s.integer("training", "epochs") { _ = trainer.trainEpoch() }
        return MixingSetup(rbm: trainer.machine, training: training, heldOut: split.heldOut)
    }

    static func check(_ s: Scenario) -> [(section: String, key: String, message: String)] {
        var problems = CommonSections.checkNeuron(s)
        if s.number("neuron", "tauRefractory_ms") < 10 * s.number("simulation", "step_ms") {
            problems.append(("neuron", "tauRefractory_ms", "expected a refractory period of at least 10 steps (it is the sampler's \"on\" window)"))
        }
        if s.number("simulation", "sampleInterval_ms") < 10 * s.number("simulation", "step_ms") {
            problems.append(("simulation", "sampleInterval_ms", "expected at least 10 integration steps per slot"))
        }
        return problems
    }

    static func engineProblems(_ s: Scenario, streams: [MixingStreamSpec]) -> [String] {
        do {
            let digits = try DigitSeeds.loadDigits(digitsPath(s))
            if s.integer("data", "imbalancedClass") < 0 {
                let m = try DigitSeeds.loadMachine(weightsPath(s))
                if m.pixelCount != digits.pixelCount {
                    return ["\(weightsPath(s)): the machine has \(m.pixelCount) pixels, the digits \(digits.pixelCount)"]
                }
            }
        } catch {
            return [error.message]
        }
        return MixingSynapses.depressing(U: s.number("synapses", "depressingU"), tauRec: s.number("synapses", "depressingTauRec_ms"))
            .validate()
    }

    /// The experiment config of a mixing scenario.
    static func config(_ s: Scenario, seed: UInt64, setup: MixingSetup, streams: [MixingStreamSpec]) -> MixingConfig {
        var c = setup.config(streams: streams, seed: seed)
        c.neuron = CommonSections.neuronParameters(s)
        c.background = CommonSections.poissonBackground(s)
        c.oscillation.base = c.background
        c.stepMs = s.number("simulation", "step_ms")
        c.sampleIntervalMs = s.number("simulation", "sampleInterval_ms")
        c.clampMs = s.number("simulation", "clamp_ms")
        c.delayMs = s.number("synapses", "delay_ms")
        var settings = CalibrationSettings.standard
        settings.points = s.integer("calibration", "points")
        settings.durationMs = s.number("calibration", "duration_ms")
        settings.burnInMs = s.number("calibration", "burnIn_ms")
        c.calibrationSettings = settings
        c.temperingLevels = s.integer("tempering", "levels")
        c.temperingMinimumBeta = s.number("tempering", "minimumBeta")
        c.temperingGamma0 = s.number("tempering", "gamma0")
        c.temperingDecaySweeps = s.number("tempering", "decaySweeps")
        c.stripLength = s.integer("display", "stripLength")
        c.freeEnergyPoints = s.integer("display", "freeEnergyPoints")
        let start = s.integer("simulation", "startImage")
        c.startImages = Array(c.startImages[start...] + c.startImages[..<start])
        c.hardware = s.hardware
        return c
    }

    /// The depressing synapses of the `[synapses]` table.
    static func depressing(_ s: Scenario) -> MixingSynapses {
        .depressing(U: s.number("synapses", "depressingU"), tauRec: s.number("synapses", "depressingTauRec_ms"))
    }

    /// Builds the experiment or stops with the loading error (checked by engineProblems first).
    static func make(_ s: Scenario, seed: UInt64, streams: [MixingStreamSpec],
                     adjust: (inout MixingConfig) -> Void = { _ in }) -> MixingExperiment {
        do {
            var c = config(s, seed: seed, setup: try setup(s), streams: streams)
            adjust(&c)
            return MixingExperiment(config: c)
        } catch {
            preconditionFailure("\(s.kind.rawValue) scenario \(s.file): \(error.message) (checked by engineProblems before building)")
        }
    }
}
