import SpikeCore

/// The `natural-gradient` kind (science.md 5.4–5.5; [Kreutzer2022] Figure 3): Euclidean,
/// natural and approximate natural-gradient learning of a teacher's output spikes by a
/// spiking student, for N = 100 (rate RMSE over time) and N = 2 (weight-plane paths), with
/// attenuated copies of the Euclidean and natural learners.
public enum NaturalGradientKind: ScenarioKindDefinition {
    public static var sections: [SectionSpec] { [learning, reparametrisation, simulation, display] }

    public static let figureNames = ["t_half_natural_s", "t_half_euclidean_s", "t_half_approximate_s",
                                     "crossing_w2_natural", "crossing_w2_euclidean", "invariance_max_abs_diff"]

    static let learning = SectionSpec("learning", "learning rates per 0.5-ms step (science.md 5.4)", [
        KeySpec("learningRateEuclidean", .number(0...1), default: .number(4.5e-7), "η of the Euclidean rule, N = 100 (per step)"),
        KeySpec("learningRateNatural", .number(0...1), default: .number(6e-4), "η of the natural-gradient rule, N = 100"),
        KeySpec("learningRateApproximate", .number(0...1), default: .number(5.5e-4), "η of the approximate natural rule (γ_u = 0.95/c_ε, γ_w = 0.05 V), N = 100"),
        KeySpec("learningRateEuclideanN2", .number(0...1), default: .number(7e-7), "η of the Euclidean rule, N = 2"),
        KeySpec("learningRateNaturalN2", .number(0...1), default: .number(2.5e-4), "η of the natural-gradient rule, N = 2"),
        KeySpec("learningRateApproximateN2", .number(0...1), default: .number(2.3e-4), "η of the approximate rule, N = 2 (not in the paper: Figure 3F's ratio η_a/η_n)"),
    ])

    static let reparametrisation = SectionSpec("reparametrisation", "the attenuated copies of the Euclidean and natural learners", [
        KeySpec("attenuation", .number(NaturalGradientConfig.attenuationRange), default: .number(1.0 / 3),
                "initial α of the 50-Hz synapses of the attenuated copies (live: ←/→; a change keeps their somatic weights and rescales the dendritic ones)"),
    ])

    static let simulation = SectionSpec("simulation", "measurement", [
        KeySpec("evaluationInterval_s", .number(0.01...1000), default: .number(10), "learning time between rate-RMSE evaluations on the test set (s)"),
        KeySpec("testVectors", .integer(1...10_000), default: .integer(50), "stationary filtered-input vectors of the test set (each after 500 steps of input)"),
    ])

    static let display = SectionSpec("display", "what the screen shows", [
        KeySpec("speed", .number(0.001...1000), default: .number(200), "initial speed: learning ms per wall-clock ms"),
    ])

    public static func check(_ s: Scenario) -> [(section: String, key: String, message: String)] { [] }

    public static func engineProblems(_ s: Scenario) -> [String] { config(s, seed: s.seed).validate() }

    public static func makeExperiment(_ s: Scenario, seed: UInt64) -> any Experiment {
        NaturalGradientExperiment(config: config(s, seed: seed))
    }

    static func config(_ s: Scenario, seed: UInt64) -> NaturalGradientConfig {
        var large = NaturalGradientTask.figure3F(seed: seed)
        large.learningRates = [.euclidean: s.number("learning", "learningRateEuclidean"),
                               .natural: s.number("learning", "learningRateNatural"),
                               .approximate: s.number("learning", "learningRateApproximate")]
        large.testSetSize = s.integer("simulation", "testVectors")
        var small = NaturalGradientTask.figure3DE
        small.learningRates = [.euclidean: s.number("learning", "learningRateEuclideanN2"),
                               .natural: s.number("learning", "learningRateNaturalN2"),
                               .approximate: s.number("learning", "learningRateApproximateN2")]
        small.testSetSize = s.integer("simulation", "testVectors")
        return NaturalGradientConfig(seed: seed, large: large, small: small, attenuation: s.number("reparametrisation", "attenuation"),
                                     evaluationSeconds: s.number("simulation", "evaluationInterval_s"))
    }
}
