import SpikeCore

/// The `lif-sampling` kind (science.md 1.1–1.12): a Boltzmann machine — the canonical 5-unit
/// one, one written in the file, or a seeded random one — sampled by LIF neurons, with Gibbs and
/// abstract neural sampling as references. Tables, figures, checks, builder.
public enum LIFSamplingKind: ScenarioKindDefinition {
    public static var sections: [SectionSpec] {
        [boltzmann, CommonSections.neuron, CommonSections.noise, synapses, calibration, reference, simulation, display]
    }

    /// Figures every run reports, most important first (the screen's figure pane shows them in
    /// this order). Per-unit names are listed for units 0 and 1, which every machine has;
    /// `marginal_k`, `marginal_target_k`, `rate_hz_k` exist for every unit k. The per-decade KL
    /// table comes last (it is for the headless report).
    public static let figureNames: [String] = {
        var names = ["dkl_target_sampled", "dkl_sampled_target", "dkl_gibbs", "dkl_abstract", "sampled_ms",
                     "states_visited", "renewing_synapses"]
        for k in 0..<2 { names += ["marginal_\(k)", "marginal_target_\(k)", "rate_hz_\(k)"] }
        names += ["v_p05_mv", "alpha_mv", "dkl_discrete_samples", "discrete_samples"]
        for prefix in ["dkl_target_sampled", "dkl_gibbs", "dkl_abstract"] {
            names += ["1e3", "1e4", "1e5", "1e6"].map { "\(prefix)_\($0)" }
        }
        return names
    }()

    static let boltzmann = SectionSpec("boltzmann", "the Boltzmann machine to sample from", [
        KeySpec("network", .choice(["canonical", "file", "random"]), default: .text("canonical"),
                "\"canonical\": the 5-unit machine of science.md 1.12; \"file\": `weights` and `biases` below; \"random\": seeded random machine"),
        KeySpec("weights", .matrix(rows: 2...12, element: -20...20), default: .matrix([]),
                "W for `network = \"file\"`, a TOML array of rows: `[[0, 0.5], [0.5, 0]]`; entries in −20…20, symmetric, zero diagonal, 2–12 units; errors name the row and entry"),
        KeySpec("biases", .numbers(count: 2...12, element: -20...20), default: .numbers([]),
                "b as a TOML array, [0.2, -0.5], one per unit; network = \"file\""),
        KeySpec("units", .integer(2...12), default: .integer(5), "number of units of a random machine"),
        KeySpec("randomSeed", .integer(0...Int(Int64.max)), default: .integer(1), "seed of the random machine (independent of the simulation's `seed`)"),
        KeySpec("weightSD", .number(0...5), default: .number(0.7), "random machine: W_kj = W_jk ~ N(0, weightSD²) for k < j"),
        KeySpec("biasSD", .number(0...5), default: .number(1.0), "random machine: b_k ~ N(0, biasSD²)"),
    ])

    static let synapses = SectionSpec("synapses", "synapses between the samplers", [
        KeySpec("type", .choice(["renewing", "static"]), default: .text("renewing"),
                "renewing: Tsodyks–Markram with U = 1, τ_rec = τ_syn (each spike resets the conductance to w, science.md 1.8); static: additive"),
        KeySpec("delay_ms", .number(0...100), default: .number(0.1), "synaptic delay between samplers (ms)"),
    ])

    static let calibration = SectionSpec("calibration", "activation-function calibration used for the translation", [
        KeySpec("source", .choice(["measure", "given"]), default: .text("measure"),
                "measure the activation function at startup (two-stage sweep, cached per parameter set; ≈ 1–2 s in a release build) or use the two values below"),
        KeySpec("vP05_mV", .number(-200...200), default: .number(-50.62), "E_l at which p_on = 1/2 (mV), when source = \"given\""),
        KeySpec("alpha_mV", .number(0.001...100), default: .number(0.791), "width of the logistic in E_l units (mV), when source = \"given\""),
        KeySpec("points", .integer(5...1000), default: .integer(150), "E_l points of the fine calibration"),
        KeySpec("duration_ms", .number(10...1_000_000), default: .number(10_000), "simulated time per point after burn-in (ms)"),
        KeySpec("burnIn_ms", .number(0...100_000), default: .number(500), "burn-in per calibration point (ms)"),
    ])

    static let reference = SectionSpec("reference", "reference samplers run in lockstep", [
        KeySpec("sampler", .choice(["gibbs", "abstract"]), default: .text("gibbs"),
                "reference shown beside the LIF network: Gibbs (1 sweep per tau_ref) or abstract neural sampling"),
        KeySpec("abstractTau_steps", .integer(1...1000), default: .integer(20), "abstract neural sampling: steps per refractory window tau"),
    ])

    static let simulation = SectionSpec("simulation", "integration and measurement", [
        KeySpec("step_ms", .number(0.001...1), default: .number(0.01), "integration time step dt (ms); the calibration uses the same dt"),
        KeySpec("burnIn_ms", .number(0...100_000), default: .number(500), "time discarded before statistics start, and after every change (ms)"),
        KeySpec("sampleInterval_ms", .number(0.001...10_000), default: .number(10), "spacing of the discrete samples (ms)"),
    ])

    static let display = SectionSpec("display", "what the screen shows", [
        KeySpec("tracedNeurons", .integer(0...12), default: .integer(5), "membrane traces drawn against threshold (at most the number of units)"),
        KeySpec("rasterWindow_ms", .number(10...100_000), default: .number(500), "time shown by the spike raster (ms)"),
        KeySpec("traceWindow_ms", .number(1...100_000), default: .number(200), "time shown by the membrane traces (ms)"),
        KeySpec("trailLength", .integer(0...256), default: .integer(12), "recent states drawn as a trail on the energy landscape"),
        CommonSections.speed,
    ])

    /// The machine the file describes, or the problems with it as (key, message).
    static func machine(_ s: Scenario) -> Result<BoltzmannMachine, ProblemList> {
        switch s.text("boltzmann", "network") {
        case "canonical":
            return .success(.canonical)
        case "random":
            return .success(.random(units: s.integer("boltzmann", "units"), seed: UInt64(s.integer("boltzmann", "randomSeed")),
                                    weightSD: s.number("boltzmann", "weightSD"), biasSD: s.number("boltzmann", "biasSD")))
        default:
            let w = s.matrix("boltzmann", "weights"), b = s.numbers("boltzmann", "biases")
            var problems: [(key: String, message: String)] = []
            if w.isEmpty { problems.append(("weights", "required when network = \"file\": expected the weight matrix W as a TOML array of rows")) }
            if b.isEmpty { problems.append(("biases", "required when network = \"file\": expected the biases b as a TOML array")) }
            guard problems.isEmpty else { return .failure(ProblemList(problems)) }
            if b.count < 2 || b.count > 12 {
                return .failure(ProblemList([("biases", "expected 2 to 12 biases (one per unit), got \(b.count)")]))
            }
            let found = BoltzmannMachine.problems(weights: w, biases: b)
            guard found.isEmpty else { return .failure(ProblemList(found.map { ("weights", $0) })) }
            return .success(BoltzmannMachine(weights: w, biases: b))
        }
    }

    struct ProblemList: Error {
        var items: [(key: String, message: String)]
        init(_ items: [(key: String, message: String)]) { self.items = items }
    }

    public static func check(_ s: Scenario) -> [(section: String, key: String, message: String)] {
        var problems = CommonSections.checkNeuron(s)
        switch machine(s) {
        case .failure(let list): problems += list.items.map { ("boltzmann", $0.key, $0.message) }
        case .success(let m):
            if s.integer("display", "tracedNeurons") > m.unitCount {
                problems.append(("display", "tracedNeurons", "expected at most \(m.unitCount) traced neurons (one per unit)"))
            }
        }
        if s.text("boltzmann", "network") != "file" {
            for key in ["weights", "biases"] where s.values["boltzmann"]?[key] != .matrix([]) && s.values["boltzmann"]?[key] != .numbers([]) {
                problems.append(("boltzmann", key, "only used with network = \"file\"; expected no such key when network is \"\(s.text("boltzmann", "network"))\""))
            }
        }
        if s.number("neuron", "tauRefractory_ms") < 10 * s.number("simulation", "step_ms") {
            problems.append(("neuron", "tauRefractory_ms", "expected a refractory period of at least 10 steps (it is the sampler's \"on\" window)"))
        }
        return problems
    }

    public static func engineProblems(_ s: Scenario) -> [String] {
        guard case .success = machine(s) else { return ["invalid Boltzmann machine"] }
        return config(s, seed: s.seed).validate()
    }

    public static func makeExperiment(_ s: Scenario, seed: UInt64) -> any Experiment {
        LIFSamplingExperiment(config: config(s, seed: seed))
    }

    public static var supportsHardware: Bool { true }

    static func config(_ s: Scenario, seed: UInt64) -> LIFSamplingConfig {
        let m = (try? machine(s).get()) ?? .canonical
        var c = LIFSamplingConfig(machine: m)
        c.neuron = CommonSections.neuronParameters(s)
        c.background = CommonSections.poissonBackground(s)
        c.stepMs = s.number("simulation", "step_ms")
        c.burnInMs = s.number("simulation", "burnIn_ms")
        c.sampleIntervalMs = s.number("simulation", "sampleInterval_ms")
        c.seed = seed
        c.renewingSynapses = s.text("synapses", "type") == "renewing"
        c.delayMs = s.number("synapses", "delay_ms")
        if s.text("calibration", "source") == "given" {
            c.calibration = ActivationCalibration(key: "given in \(s.file)", vP05: s.number("calibration", "vP05_mV"),
                                                  alpha: s.number("calibration", "alpha_mV"),
                                                  alphaTheory: ActivationCalibration.theoreticalAlpha(neuron: c.neuron, background: c.background))
        }
        var settings = CalibrationSettings.standard
        settings.points = s.integer("calibration", "points")
        settings.durationMs = s.number("calibration", "duration_ms")
        settings.burnInMs = s.number("calibration", "burnIn_ms")
        c.calibrationSettings = settings
        c.referenceIsAbstract = s.text("reference", "sampler") == "abstract"
        c.abstractSamplerTau = s.integer("reference", "abstractTau_steps")
        c.tracedNeurons = min(s.integer("display", "tracedNeurons"), m.unitCount)
        c.rasterWindowMs = s.number("display", "rasterWindow_ms")
        c.traceWindowMs = s.number("display", "traceWindow_ms")
        c.trailLength = s.integer("display", "trailLength")
        c.hardware = s.hardware
        return c
    }
}
