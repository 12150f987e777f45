import SpikeCore

/// The `teacher-student` kind (science.md 6.6 screen B, NLA defaults of 6.3; Senn et al. 2024):
/// a student network learns a fixed random teacher from continuously streaming input.
public enum TeacherStudentKind: ScenarioKindDefinition {
    public static var sections: [SectionSpec] { [network, input, learning, simulation, display] }

    public static let figureNames = ["teacher_error_ratio", "feedforward_max_abs_diff", "feedforward_max_abs_diff_no_prospective",
                                     "mse_running", "mse_initial", "weight_distance", "energy_running_avg", "energy_initial"]
        + NeuronTerms.figureNames

    static let network = SectionSpec("network", "teacher and student: inputs → hidden layers (sigmoid) → one linear output", [
        KeySpec("inputs", .integer(1...100), default: .integer(2), "number of streaming inputs"),
        KeySpec("hiddenLayers", .integer(1...5), default: .integer(2), "number of hidden layers"),
        KeySpec("hiddenUnits", .integer(1...100), default: .integer(10), "units per hidden layer (sigmoid rates)"),
        KeySpec("tau_ms", .number(0.01...1000), default: .number(10), "membrane time constant τ = τ_m (ms); at least `step_ms`"),
        KeySpec("weightSD", .number(0...100), default: .number(1), "initial weights of teacher and student ~ N(0, weightSD²) (independent draws)"),
        KeySpec("weightClip", .number(0...100), default: .number(3), "initial weights clipped to ± this"),
        KeySpec("biasSD", .number(0...100), default: .number(0.1), "initial biases ~ N(0, biasSD²)"),
        KeySpec("biasClip", .number(0...100), default: .number(0.3), "initial biases clipped to ± this"),
    ])

    static let input = SectionSpec("input", "streaming input: each input a sum of slow sinusoids", [
        KeySpec("components", .integer(1...20), default: .integer(3), "sinusoids per input, x_k(t) = Σ a sin(2π f t + φ), f and φ drawn from the seed"),
        KeySpec("minFrequency_Hz", .number(0.001...1000), default: .number(1), "lowest frequency of a component (Hz)"),
        KeySpec("maxFrequency_Hz", .number(0.001...1000), default: .number(5), "highest component frequency (Hz); at least `minFrequency_Hz`"),
        KeySpec("amplitude", .number(0...100), default: .number(0.5), "amplitude of each component"),
    ])

    static let learning = SectionSpec("learning", "the student's nudging, plasticity and prospective coding", [
        KeySpec("learningRate_per_ms", .number(0...1000), default: .number(0.1), "learning rate η: a step changes a weight by η·dt·e·r"),
        KeySpec("beta", .number(0...100), default: .number(0.1), "nudging strength β of the student's output towards the teacher's"),
        KeySpec("prospectiveCoding", LeastActionKind.onOff, default: .text("on"), "initial prospective coding of the student"),
        KeySpec("nudging", LeastActionKind.onOff, default: .text("on"), "initial nudging"),
        KeySpec("plasticity", LeastActionKind.onOff, default: .text("on"), "initial plasticity"),
    ])

    static let simulation = SectionSpec("simulation", "integration", [
        KeySpec("step_ms", .number(0.0001...1), default: .number(0.1), "integration step dt (ms)"),
    ])

    static let display = SectionSpec("display", "what the screen shows", [
        KeySpec("traceWindow_ms", .number(1...1_000_000), default: .number(2000), "time shown by the oscilloscope and the heat strip (ms)"),
        KeySpec("traceInterval_ms", .number(0.0001...1000), default: .number(1), "spacing of the oscilloscope samples (ms)"),
        KeySpec("heatColumns", .integer(1...2000), default: .integer(200), "columns of the hidden-activity heat strip over the window"),
        KeySpec("errorWindow_ms", .number(0.01...1_000_000), default: .number(1000), "running error and energy: mean over this window (ms)"),
        KeySpec("initialWindow_ms", .number(0.01...1_000_000), default: .number(1000), "the error ratio compares with the first window of this length (ms)"),
        KeySpec("seriesInterval_ms", .number(0.001...1_000_000), default: .number(100), "spacing of the error, weight-distance and energy series (ms); at most `errorWindow_ms`"),
        KeySpec("equationNeuron", .integer(0...99), default: .integer(0), "unit of hidden layer 1 whose terms the equations panel shows"),
        KeySpec("equationInput", .integer(0...99), default: .integer(0), "input whose synapse onto that unit the panel shows"),
        KeySpec("speed", .number(0.001...1000), default: .number(1), "initial speed: biological ms per wall-clock ms"),
    ])

    public static func check(_ s: Scenario) -> [(section: String, key: String, message: String)] {
        var problems: [(section: String, key: String, message: String)] = []
        if s.number("input", "maxFrequency_Hz") < s.number("input", "minFrequency_Hz") {
            problems.append(("input", "maxFrequency_Hz", "expected at least minFrequency_Hz (\(s.number("input", "minFrequency_Hz")))"))
        }
        if s.integer("display", "equationNeuron") >= s.integer("network", "hiddenUnits") {
            problems.append(("display", "equationNeuron", "expected a unit below network.hiddenUnits (\(s.integer("network", "hiddenUnits")))"))
        }
        if s.integer("display", "equationInput") >= s.integer("network", "inputs") {
            problems.append(("display", "equationInput", "expected an input below network.inputs (\(s.integer("network", "inputs")))"))
        }
        if s.number("network", "tau_ms") < s.number("simulation", "step_ms") {
            problems.append(("network", "tau_ms", "expected a time constant of at least one step (step_ms)"))
        }
        if s.number("display", "seriesInterval_ms") > s.number("display", "errorWindow_ms") {
            problems.append(("display", "seriesInterval_ms", "expected at most errorWindow_ms"))
        }
        return problems
    }

    public static func engineProblems(_ s: Scenario) -> [String] { config(s, seed: s.seed).validate() }

    public static func makeExperiment(_ s: Scenario, seed: UInt64) -> any Experiment {
        TeacherStudentExperiment(config: config(s, seed: seed))
    }

    static func config(_ s: Scenario, seed: UInt64) -> TeacherStudentConfig {
        let hidden = Array(repeating: s.integer("network", "hiddenUnits"), count: s.integer("network", "hiddenLayers"))
        let low = s.number("input", "minFrequency_Hz")
        return TeacherStudentConfig(
            sizes: [s.integer("network", "inputs")] + hidden + [1], tauMs: s.number("network", "tau_ms"),
            stepMs: s.number("simulation", "step_ms"), beta: s.number("learning", "beta"),
            learningRatePerMs: s.number("learning", "learningRate_per_ms"),
            prospective: s.text("learning", "prospectiveCoding") == "on", nudging: s.text("learning", "nudging") == "on",
            plasticity: s.text("learning", "plasticity") == "on",
            initialisation: .normalClipped(weightSD: s.number("network", "weightSD"), weightClip: s.number("network", "weightClip"),
                                           biasSD: s.number("network", "biasSD"), biasClip: s.number("network", "biasClip")),
            inputComponents: s.integer("input", "components"), inputBandHz: low...max(low, s.number("input", "maxFrequency_Hz")),
            inputAmplitude: s.number("input", "amplitude"), seed: seed,
            errorWindowMs: s.number("display", "errorWindow_ms"), initialWindowMs: s.number("display", "initialWindow_ms"),
            traceWindowMs: s.number("display", "traceWindow_ms"), traceIntervalMs: s.number("display", "traceInterval_ms"),
            heatColumns: s.integer("display", "heatColumns"), seriesIntervalMs: s.number("display", "seriesInterval_ms"),
            equationNeuron: s.integer("display", "equationNeuron"), equationInput: s.integer("display", "equationInput"))
    }
}
