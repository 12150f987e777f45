import SpikeCore

/// The `dreaming` kind (science.md 2.3 slide "Bayesian inference & dreaming", 2.4, 3.4, 1.6–1.8):
/// an RBM trained on real handwritten digits (seeds/), translated to LIF samplers; one copy
/// dreams, one completes clamped held-out digits. Tables, figures, checks, builder, and the
/// training settings `spiketty train dreaming` uses.
public enum DreamingKind: ScenarioKindDefinition {
    public static var sections: [SectionSpec] {
        [data, training, CommonSections.neuron, CommonSections.noise, synapses, calibration, simulation, dreaming, display, ensemble]
    }

    public static var figureNames: [String] { DreamingExperiment.figureNames }

    static let data = SectionSpec("data", "the digit images (files in the project's seeds/ folder)", [
        KeySpec("digits", .text, default: .text("optdigits-8x8.txt"), "digit set in seeds/ (compact text form, seeds/README.md)"),
        KeySpec("heldOutPeriod", .integer(2...100), default: .integer(5), "image i is held out when i % period = period − 1 (classifier test, data confidence, inference trials); the rest trains RBM and classifier"),
        KeySpec("weights", .text, default: .text("dreaming-rbm.txt"), "trained RBM in seeds/, written by `spiketty train dreaming`"),
    ])

    static let training = SectionSpec("training", "persistent contrastive divergence (`spiketty train dreaming`)", [
        KeySpec("hidden", .integer(1...1000), default: .integer(100), "hidden units"),
        KeySpec("labelUnits", .choice(["yes", "no"]), default: .text("yes"), "10 label units in the visible layer (one-hot, clamped with the image during training)"),
        KeySpec("epochs", .integer(1...100_000), default: .integer(40), "passes over the training images; the file is rewritten after each"),
        KeySpec("batchSize", .integer(1...10_000), default: .integer(20), "images per update"),
        KeySpec("chains", .integer(1...10_000), default: .integer(100), "persistent fantasy chains"),
        KeySpec("gibbsSteps", .integer(1...1000), default: .integer(1), "block-Gibbs sweeps of the chains per update (PCD-k)"),
        KeySpec("learningRate", .number(0.000001...10), default: .number(0.05), "learning rate η per update (the shipped scenario uses 0.01)"),
        KeySpec("initialMomentum", .number(0...0.999), default: .number(0.5), "momentum in the first epochs"),
        KeySpec("finalMomentum", .number(0...0.999), default: .number(0.9), "momentum after momentumSwitchEpoch"),
        KeySpec("momentumSwitchEpoch", .integer(0...100_000), default: .integer(5), "epoch at which momentum switches"),
        KeySpec("weightDecay", .number(0...1), default: .number(0.0001), "L2 weight decay λ (ΔW −= ηλW; the shipped scenario uses 0.01)"),
        KeySpec("initialWeightSD", .number(0...1), default: .number(0.01), "initial W ~ N(0, sd²); visible biases start at the data log-odds"),
        KeySpec("seed", .integer(0...Int(Int64.max)), default: .integer(1), "seed of training (initial weights, chains, batch order, sampling)"),
    ])

    static let synapses = SectionSpec("synapses", "synapses between the samplers (renewing, science.md 1.8)", [
        KeySpec("delay_ms", .number(0...100), default: .number(0.1), "synaptic delay between samplers (ms); synapses are renewing (science.md 1.8)"),
    ])

    static let calibration = SectionSpec("calibration", "activation-function calibration used for the translation", [
        KeySpec("points", .integer(5...1000), default: .integer(150), "E_l points of the fine calibration"),
        KeySpec("duration_ms", .number(10...1_000_000), default: .number(10_000), "simulated time per point after burn-in (ms)"),
        KeySpec("burnIn_ms", .number(0...100_000), default: .number(500), "burn-in per calibration point (ms)"),
    ])

    static let simulation = SectionSpec("simulation", "integration", [
        KeySpec("step_ms", .number(0.001...1), default: .number(0.1), "integration time step dt (ms); the calibration uses the same dt"),
        KeySpec("burnIn_ms", .number(0...100_000), default: .number(200), "dream time discarded before statistics start (ms)"),
    ])

    static let dreaming = SectionSpec("dreaming", "dreaming and clamped inference", [
        KeySpec("show", .choice(["dream", "completion"]), default: .text("dream"), "network shown first: free dream or pattern completion"),
        KeySpec("window_ms", .number(0.1...10_000), default: .number(50), "grey-level window: visible states averaged over it (ms)"),
        KeySpec("presentation_ms", .number(1...100_000), default: .number(200), "each held-out image: this long whole-image clamped, then this long left half clamped (ms)"),
        KeySpec("settle_ms", .number(0...100_000), default: .number(50), "start of each presentation phase not measured (ms)"),
        KeySpec("clampBias", .number(0.1...1000), default: .number(20), "clamping: E_l = v_p05 +- alpha * clampBias"),
        KeySpec("noise", .choice(["poisson", "ensemble"]), default: .text("poisson"), "noise the networks start with (live parameter `noise`): \"poisson\" the [noise] table's private Poisson background (the reference), \"ensemble\" no noise source, each network is one of an [ensemble] of copies whose spikes are each other's background (science.md 2.3); on an emulated chip (hardware) always Poisson"),
    ])

    static let ensemble = SectionSpec("ensemble", "the noise-free ensemble of `noise = \"ensemble\"` (science.md 2.3, [Dold2019])", [
        KeySpec("copies", .integer(2...64), default: .integer(8), "M: copies of the 174-unit network per ensemble (the one shown is copy 0; the dream and the inference network each have their own ensemble)"),
        KeySpec("inDegree", .integer(1...10_000), default: .integer(30), "K_E: excitatory background synapses per neuron from neurons of other copies"),
        KeySpec("inhibitoryInDegree", .integer(0...10_000), default: .integer(30), "K_I: inhibitory background synapses per neuron"),
        KeySpec("inhibition", .number(0.01...100), default: .number(4), "g = w_I / w_E of the background (g = 1 locks the copies into volleys)"),
        KeySpec("sourceRate_Hz", .number(0.1...1000), default: .number(40), "w_E matches the Poisson shot-noise variance of [noise] if every source fired at this rate (Hz)"),
        KeySpec("backgroundDelay_ms", .number(0...100), default: .number(0.1), "delay of the background synapses (ms)"),
        KeySpec("probes", .integer(3...1000), default: .integer(30), "calibration probes: neurons with E_l spread around v_p05 receiving the ensemble background, never sources"),
        KeySpec("calibrationRounds", .integer(1...20), default: .integer(3), "calibration rounds, each under the background the previous round's translation produces"),
        KeySpec("calibration_ms", .number(100...1_000_000), default: .number(3000), "measured time per calibration round (ms)"),
        KeySpec("calibrationBurnIn_ms", .number(0...100_000), default: .number(300), "burn-in before each calibration window (ms)"),
    ])

    static let display = SectionSpec("display", "what the screen shows", [
        KeySpec("filmLength", .integer(1...64), default: .integer(12), "images in the film strip"),
        KeySpec("rasterWindow_ms", .number(10...100_000), default: .number(200), "time shown by the spike raster (ms)"),
        CommonSections.speed,
    ])

    /// The `[ensemble]` table.
    public static func ensembleSettings(_ s: Scenario) -> DreamingEnsembleSettings {
        var e = DreamingEnsembleSettings()
        e.copies = s.integer("ensemble", "copies")
        e.inDegree = s.integer("ensemble", "inDegree")
        e.inhibitoryInDegree = s.integer("ensemble", "inhibitoryInDegree")
        e.inhibition = s.number("ensemble", "inhibition")
        e.sourceRateHz = s.number("ensemble", "sourceRate_Hz")
        e.backgroundDelayMs = s.number("ensemble", "backgroundDelay_ms")
        e.probes = s.integer("ensemble", "probes")
        e.calibrationRounds = s.integer("ensemble", "calibrationRounds")
        e.calibrationMs = s.number("ensemble", "calibration_ms")
        e.calibrationBurnInMs = s.number("ensemble", "calibrationBurnIn_ms")
        return e
    }

    /// Training settings of the `[training]` table.
    public static func trainingSettings(_ s: Scenario) -> RBMTrainingSettings {
        RBMTrainingSettings(hiddenCount: s.integer("training", "hidden"), labelUnits: s.text("training", "labelUnits") == "yes",
                            epochs: s.integer("training", "epochs"), batchSize: s.integer("training", "batchSize"),
                            chains: s.integer("training", "chains"), gibbsSteps: s.integer("training", "gibbsSteps"),
                            learningRate: s.number("training", "learningRate"),
                            initialMomentum: s.number("training", "initialMomentum"),
                            finalMomentum: s.number("training", "finalMomentum"),
                            momentumSwitchEpoch: s.integer("training", "momentumSwitchEpoch"),
                            weightDecay: s.number("training", "weightDecay"),
                            initialWeightSD: s.number("training", "initialWeightSD"),
                            seed: UInt64(s.integer("training", "seed")))
    }

    public static func digitsPath(_ s: Scenario) -> String { DigitSeeds.path(s.text("data", "digits"), forScenarioFile: s.file) }
    public static func weightsPath(_ s: Scenario) -> String { DigitSeeds.path(s.text("data", "weights"), forScenarioFile: s.file) }

    public static func check(_ s: Scenario) -> [(section: String, key: String, message: String)] {
        var problems = CommonSections.checkNeuron(s)
        if s.number("dreaming", "settle_ms") >= s.number("dreaming", "presentation_ms") {
            problems.append(("dreaming", "settle_ms", "expected less than presentation_ms (\(s.number("dreaming", "presentation_ms")))"))
        }
        if s.number("neuron", "tauRefractory_ms") < 10 * s.number("simulation", "step_ms") {
            problems.append(("neuron", "tauRefractory_ms", "expected a refractory period of at least 10 steps (it is the sampler's \"on\" window)"))
        }
        return problems
    }

    /// True while a scenario is loaded for `spiketty train`: the weights file it is about to
    /// write need not exist yet.
    @TaskLocal public static var loadingForTraining = false

    public static func engineProblems(_ s: Scenario) -> [String] {
        let digits: DigitSet, machine: RestrictedBoltzmannMachine
        do {
            digits = try DigitSeeds.loadDigits(digitsPath(s))
        } catch {
            return [error.message]
        }
        if loadingForTraining { return trainingSettings(s).validate().map { "[training] " + $0 } }
        do {
            machine = try DigitSeeds.loadMachine(weightsPath(s))
        } catch {
            return [error.message + " (run `spiketty train \(s.name)` to write it)"]
        }
        return config(s, seed: s.seed, digits: digits, machine: machine).validate()
    }

    public static var supportsHardware: Bool { true }

    public static func makeExperiment(_ s: Scenario, seed: UInt64) -> any Experiment {
        do {
            let digits = try DigitSeeds.loadDigits(digitsPath(s))
            let machine = try DigitSeeds.loadMachine(weightsPath(s))
            return DreamingExperiment(config: config(s, seed: seed, digits: digits, machine: machine))
        } catch {
            preconditionFailure("dreaming scenario \(s.file): \(error.message) (checked by engineProblems before building)")
        }
    }

    public static func config(_ s: Scenario, seed: UInt64, digits: DigitSet, machine: RestrictedBoltzmannMachine) -> DreamingConfig {
        var c = DreamingConfig(digits: digits, machine: machine)
        c.heldOutPeriod = s.integer("data", "heldOutPeriod")
        c.neuron = CommonSections.neuronParameters(s)
        c.background = CommonSections.poissonBackground(s)
        c.stepMs = s.number("simulation", "step_ms")
        c.burnInMs = s.number("simulation", "burnIn_ms")
        c.seed = seed
        c.delayMs = s.number("synapses", "delay_ms")
        var settings = CalibrationSettings.standard
        settings.points = s.integer("calibration", "points")
        settings.durationMs = s.number("calibration", "duration_ms")
        settings.burnInMs = s.number("calibration", "burnIn_ms")
        c.calibrationSettings = settings
        c.showCompletion = s.text("dreaming", "show") == "completion"
        c.windowMs = s.number("dreaming", "window_ms")
        c.presentationMs = s.number("dreaming", "presentation_ms")
        c.settleMs = s.number("dreaming", "settle_ms")
        c.clampBias = s.number("dreaming", "clampBias")
        c.filmLength = s.integer("display", "filmLength")
        c.rasterWindowMs = s.number("display", "rasterWindow_ms")
        c.hardware = s.hardware
        // The ensemble is not emulated on a chip: a chip run (or the live hardware switch) keeps Poisson noise.
        c.noise = s.text("dreaming", "noise") == "ensemble" && s.hardware == nil ? .ensemble : .poisson
        c.ensemble = ensembleSettings(s)
        return c
    }
}
