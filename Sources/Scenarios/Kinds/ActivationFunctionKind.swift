import SpikeCore

/// The `activation-function` kind (science.md 1.5): the calibration sweep of a LIF sampler,
/// p_on against E_l with the fitted logistic and the theoretical width. Tables, figures,
/// checks, builder.
public enum ActivationFunctionKind: ScenarioKindDefinition {
    public static var sections: [SectionSpec] {
        [CommonSections.neuron, CommonSections.noise, calibration, simulation, display]
    }

    public static let figureNames = ["v_p05_mv", "alpha_mv", "alpha_theory_mv", "fit_rms", "fit_max_residual",
                                     "v_p05_error_mv", "alpha_error_mv", "points_measured", "v_min_mv", "v_max_mv", "stage"]

    static let calibration = SectionSpec("calibration", "the two-stage sweep over the resting potential E_l", [
        KeySpec("preScanFrom_mV", .number(-200...200), default: .number(-80), "pre-calibration scan: first E_l (mV)"),
        KeySpec("preScanTo_mV", .number(-200...200), default: .number(-20), "last E_l of the scan (mV); must be above `preScanFrom_mV`"),
        KeySpec("preScanStep_mV", .number(0.001...10), default: .number(0.2), "pre-calibration scan: spacing (mV)"),
        KeySpec("preScanDuration_ms", .number(10...100_000), default: .number(1000), "simulated time per pre-scan point (ms)"),
        KeySpec("points", .integer(5...1000), default: .integer(150), "E_l points of the fine calibration in [V_min, V_max]"),
        KeySpec("duration_ms", .number(10...1_000_000), default: .number(10_000), "simulated time per fine point after its burn-in (ms); errors shrink as 1/√T"),
        KeySpec("burnIn_ms", .number(0...100_000), default: .number(500), "burn-in per fine point (ms)"),
        KeySpec("pointsPerBatch", .integer(1...1000), default: .integer(15), "fine points simulated together (one neuron each): the sweep advances batch by batch"),
    ])

    static let simulation = SectionSpec("simulation", "integration", [
        KeySpec("step_ms", .number(0.001...1), default: .number(0.01), "integration step dt (ms); a calibration holds for the dt it was made with"),
    ])

    static let display = SectionSpec("display", "what the screen shows", [CommonSections.speed])

    public static func check(_ s: Scenario) -> [(section: String, key: String, message: String)] {
        var problems = CommonSections.checkNeuron(s)
        if s.number("calibration", "preScanTo_mV") <= s.number("calibration", "preScanFrom_mV") {
            problems.append(("calibration", "preScanTo_mV", "expected preScanTo_mV above preScanFrom_mV"))
        }
        if s.number("neuron", "tauRefractory_ms") <= 0 {
            problems.append(("neuron", "tauRefractory_ms", "expected a refractory period > 0 (p_on = spikes·tau_ref/T)"))
        }
        return problems
    }

    public static func engineProblems(_ s: Scenario) -> [String] { settings(s, seed: s.seed).validate() }

    public static func makeExperiment(_ s: Scenario, seed: UInt64) -> any Experiment {
        ActivationFunctionExperiment(settings: settings(s, seed: seed), hardware: s.hardware)
    }

    public static var supportsHardware: Bool { true }

    /// The calibration the file describes; its noise is seeded with the scenario's `seed`.
    static func settings(_ s: Scenario, seed: UInt64) -> CalibrationSettings {
        CalibrationSettings(
            neuron: CommonSections.neuronParameters(s), background: CommonSections.poissonBackground(s),
            stepMs: s.number("simulation", "step_ms"), seed: seed,
            preScanRangeMv: s.number("calibration", "preScanFrom_mV")...max(s.number("calibration", "preScanTo_mV"), s.number("calibration", "preScanFrom_mV") + 0.001),
            preScanStepMv: s.number("calibration", "preScanStep_mV"),
            preScanDurationMs: s.number("calibration", "preScanDuration_ms"), points: s.integer("calibration", "points"),
            burnInMs: s.number("calibration", "burnIn_ms"), durationMs: s.number("calibration", "duration_ms"),
            pointsPerBatch: s.integer("calibration", "pointsPerBatch"))
    }
}
