import SpikeCore

/// The `which-way-is-down` kind (science.md 5.1, 5.4 Figure 3D–E; [Kreutzer2022]): the
/// expected cost of a two-synapse student over its weight plane with the expected Euclidean
/// and natural-gradient paths, and a live reparametrisation α of one synapse.
public enum WhichWayIsDownKind: ScenarioKindDefinition {
    public static var sections: [SectionSpec] { [task, reparametrisation, simulation, display] }

    public static let figureNames = ["crossing_w2_natural", "crossing_w2_euclidean", "cost_natural_nats_per_s",
                                     "cost_euclidean_nats_per_s", "arrow_angle_deg", "attenuation", "flow_time_s"]

    /// The teacher–student task; weights as N·w (N = 2), as in science.md 5.5.
    static let task = SectionSpec("task", "two inputs, a teacher and the student's start (weights as N·w, N = 2)", [
        KeySpec("rateInput1_Hz", .number(0.1...500), default: .number(10), "rate of input 1 (Hz), the horizontal axis"),
        KeySpec("rateInput2_Hz", .number(0.1...500), default: .number(50), "rate of input 2 (Hz), the vertical axis"),
        KeySpec("teacherWeight1", .number(-2...2), default: .number(0.15), "teacher weight N·w*_1"),
        KeySpec("teacherWeight2", .number(-2...2), default: .number(0.15), "teacher weight N·w*_2"),
        KeySpec("startWeight1", .number(-2...2), default: .number(-0.3), "student's initial N·w_1"),
        KeySpec("startWeight2", .number(-2...2), default: .number(0.5), "student's initial N·w_2"),
        KeySpec("learningRateEuclidean", .number(0...1), default: .number(7e-7), "η of the Euclidean rule (per 0.5-ms step)"),
        KeySpec("learningRateNatural", .number(0...1), default: .number(2.5e-4), "η of the natural-gradient rule (per 0.5-ms step)"),
    ])

    static let reparametrisation = SectionSpec("reparametrisation", "one synapse described by a rescaled (dendritic) weight", [
        KeySpec("attenuation", .number(WhichWayIsDownConfig.attenuationRange), default: .number(1),
                "initial α of the reparametrised synapse (live: ←/→, ×1.25 per press; a change restarts both paths and keeps the old Euclidean path dim)"),
        KeySpec("attenuatedInput", .integer(1...2), default: .integer(1), "which input carries α (1 or 2)"),
    ])

    static let simulation = SectionSpec("simulation", "the expected learning flow", [
        KeySpec("flowStep_s", .number(0.01...100), default: .number(2), "integration step of the expected flow (s of learning)"),
        KeySpec("inputSamples", .integer(10...100_000), default: .integer(2000),
                "stationary input samples the cost and the rules are averaged over"),
    ])

    static let display = SectionSpec("display", "what the screen shows", [
        KeySpec("w1Min", .number(-5...5), default: .number(-0.45), "left edge of the weight plane (N·w_1)"),
        KeySpec("w1Max", .number(-5...5), default: .number(0.35), "right edge of the weight plane (N·w_1)"),
        KeySpec("w2Min", .number(-5...5), default: .number(-0.05), "bottom edge of the weight plane (N·w_2)"),
        KeySpec("w2Max", .number(-5...5), default: .number(0.65), "top edge of the weight plane (N·w_2)"),
        KeySpec("gridColumns", .integer(2...400), default: .integer(72), "cost samples across the plane"),
        KeySpec("gridRows", .integer(2...400), default: .integer(48), "cost samples up the plane"),
        KeySpec("speed", .number(0.001...1000), default: .number(10), "initial speed: learning ms per wall-clock ms"),
    ])

    public static func check(_ s: Scenario) -> [(section: String, key: String, message: String)] {
        var problems: [(section: String, key: String, message: String)] = []
        if s.number("display", "w1Max") <= s.number("display", "w1Min") {
            problems.append(("display", "w1Max", "expected w1Max above w1Min (\(s.number("display", "w1Min")))"))
        }
        if s.number("display", "w2Max") <= s.number("display", "w2Min") {
            problems.append(("display", "w2Max", "expected w2Max above w2Min (\(s.number("display", "w2Min")))"))
        }
        return problems
    }

    public static func engineProblems(_ s: Scenario) -> [String] { config(s, seed: s.seed).validate() }

    public static func makeExperiment(_ s: Scenario, seed: UInt64) -> any Experiment {
        WhichWayIsDownExperiment(config: config(s, seed: seed))
    }

    static func config(_ s: Scenario, seed: UInt64) -> WhichWayIsDownConfig {
        let setup = NaturalGradientTask(
            ratesHz: [s.number("task", "rateInput1_Hz"), s.number("task", "rateInput2_Hz")],
            teacherWeights: [s.number("task", "teacherWeight1") / 2, s.number("task", "teacherWeight2") / 2],
            initialWeights: [s.number("task", "startWeight1") / 2, s.number("task", "startWeight2") / 2],
            learningRates: [.euclidean: s.number("task", "learningRateEuclidean"), .natural: s.number("task", "learningRateNatural"),
                            .approximate: LearningRule.approximate.figure3DELearningRate])
        return WhichWayIsDownConfig(setup: setup, seed: seed, attenuation: s.number("reparametrisation", "attenuation"),
                                    attenuatedInput: s.integer("reparametrisation", "attenuatedInput") - 1,
                                    flowStepSeconds: s.number("simulation", "flowStep_s"),
                                    sampleCount: s.integer("simulation", "inputSamples"),
                                    gridColumns: s.integer("display", "gridColumns"), gridRows: s.integer("display", "gridRows"),
                                    w1Range: s.number("display", "w1Min")...max(s.number("display", "w1Max"), s.number("display", "w1Min") + 1e-9),
                                    w2Range: s.number("display", "w2Min")...max(s.number("display", "w2Max"), s.number("display", "w2Min") + 1e-9))
    }
}
