import SpikeCore

/// The `least-action` kind (science.md 6.1-6.4; Haider et al. 2021, Senn et al. 2024): a
/// Latent Equilibrium network learns Fourier synthesis online, then free-runs.
public enum LeastActionKind: ScenarioKindDefinition {
    public static var sections: [SectionSpec] { [network, task, learning, simulation, display] }

    public static let figureNames = ["mse_free_prospective", "mse_free_no_prospective", "mse_running",
                                     "mse_running_no_prospective", "mse_first_100ms", "mse_first_100ms_no_prospective",
                                     "energy"] + NeuronTerms.figureNames

    static let onOff = KeySpec.Kind.choice(["on", "off"])

    static let network = SectionSpec("network", "the layered network: inputs → hidden (tanh) → one linear output", [
        KeySpec("inputs", .integer(1...200), default: .integer(50), "number of sinusoidal inputs (harmonics of fundamental_Hz)"),
        KeySpec("hiddenUnits", .integer(1...500), default: .integer(30), "hidden units (tanh rates)"),
        KeySpec("tau_ms", .number(0.01...1000), default: .number(10), "membrane time constant τ = τ_m (ms); at least `step_ms`"),
    ])

    static let task = SectionSpec("task", "Fourier synthesis: harmonic inputs, sawtooth target", [
        KeySpec("fundamental_Hz", .number(0.01...10_000), default: .number(10), "f₀, the frequency of the first input (Hz); at least 10 steps per period of the highest input"),
        KeySpec("target_Hz", .number(0.01...10_000), default: .number(20), "frequency of the sawtooth target 2·((f t) mod 1) − 1 (Hz)"),
    ])

    static let learning = SectionSpec("learning", "nudging, plasticity and prospective coding", [
        KeySpec("learningRate_per_ms", .number(0...1000), default: .number(0.25), "learning rate η: a step changes a weight by η·dt·e·r"),
        KeySpec("beta", .number(0...100), default: .number(0.1), "nudging strength β of the output towards the target"),
        KeySpec("nudgedPhase_ms", .number(0...1e7), default: .number(400), "nudging switches off at this time; then the network free-runs (ms)"),
        KeySpec("prospectiveCoding", onOff, default: .text("on"), "initial prospective coding ŭ = u + τu̇ (\"off\": ŭ = u, the lagging ablation)"),
        KeySpec("plasticity", onOff, default: .text("on"), "initial plasticity"),
        KeySpec("compareWithoutProspective", onOff, default: .text("on"), "run the twin without prospective coding (needed for `mse_free_no_prospective`)"),
    ])

    static let simulation = SectionSpec("simulation", "integration", [
        KeySpec("step_ms", .number(0.0001...1), default: .number(0.005), "integration step dt (ms)"),
    ])

    static let display = SectionSpec("display", "what the screen shows", [
        KeySpec("traceWindow_ms", .number(1...100_000), default: .number(100), "time shown by the oscilloscope and the hidden-activity heat strip (ms)"),
        KeySpec("traceInterval_ms", .number(0.0001...1000), default: .number(0.1), "spacing of the oscilloscope samples (ms)"),
        KeySpec("heatColumns", .integer(1...2000), default: .integer(200), "columns of the heat strip over the window (averaged in whole bins of columns to fit the screen's width)"),
        KeySpec("errorWindow_ms", .number(0.01...100_000), default: .number(50), "the running error is the MSE over this window (ms)"),
        KeySpec("seriesInterval_ms", .number(0.001...100_000), default: .number(1), "spacing of the energy and error series (ms)"),
        KeySpec("equationNeuron", .integer(0...499), default: .integer(0), "hidden unit whose terms the equations panel shows (below `hiddenUnits`)"),
        KeySpec("equationInput", .integer(0...199), default: .integer(0), "input whose synapse onto that unit the panel shows (below `inputs`)"),
        KeySpec("speed", .number(0.001...1000), default: .number(0.05), "initial speed: biological ms per wall-clock ms (one 50-ms sawtooth per second)"),
    ])

    public static func check(_ s: Scenario) -> [(section: String, key: String, message: String)] {
        var problems: [(section: String, key: String, message: String)] = []
        if s.integer("display", "equationNeuron") >= s.integer("network", "hiddenUnits") {
            problems.append(("display", "equationNeuron", "expected a hidden unit below network.hiddenUnits (\(s.integer("network", "hiddenUnits")))"))
        }
        if s.integer("display", "equationInput") >= s.integer("network", "inputs") {
            problems.append(("display", "equationInput", "expected an input below network.inputs (\(s.integer("network", "inputs")))"))
        }
        if s.number("network", "tau_ms") < s.number("simulation", "step_ms") {
            problems.append(("network", "tau_ms", "expected a time constant of at least one step (step_ms)"))
        }
        return problems
    }

    public static func engineProblems(_ s: Scenario) -> [String] { config(s, seed: s.seed).validate() }

    public static func makeExperiment(_ s: Scenario, seed: UInt64) -> any Experiment {
        LeastActionExperiment(config: config(s, seed: seed))
    }

    static func config(_ s: Scenario, seed: UInt64) -> LeastActionConfig {
        LeastActionConfig(
            task: FourierSynthesisTask(inputCount: s.integer("network", "inputs"), fundamentalHz: s.number("task", "fundamental_Hz"),
                                       targetHz: s.number("task", "target_Hz")),
            hiddenUnits: s.integer("network", "hiddenUnits"), tauMs: s.number("network", "tau_ms"),
            stepMs: s.number("simulation", "step_ms"), learningRatePerMs: s.number("learning", "learningRate_per_ms"),
            beta: s.number("learning", "beta"), nudgedPhaseMs: s.number("learning", "nudgedPhase_ms"),
            prospective: s.text("learning", "prospectiveCoding") == "on", plasticity: s.text("learning", "plasticity") == "on",
            compareWithoutProspective: s.text("learning", "compareWithoutProspective") == "on", seed: seed,
            traceWindowMs: s.number("display", "traceWindow_ms"), traceIntervalMs: s.number("display", "traceInterval_ms"),
            heatColumns: s.integer("display", "heatColumns"), errorWindowMs: s.number("display", "errorWindow_ms"),
            seriesIntervalMs: s.number("display", "seriesInterval_ms"), equationNeuron: s.integer("display", "equationNeuron"),
            equationInput: s.integer("display", "equationInput"))
    }
}
