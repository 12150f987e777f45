import SpikeCore

/// The `stp-mixing` kind (science.md 3.1–3.5; [Leng2018]; slide "Superior mixing in spiking
/// networks"): block Gibbs, LIF with renewing synapses, LIF with depressing synapses and
/// adaptive simulated tempering sample the trained digit RBM from the same start image at the
/// same budget (1 sweep = 10 ms).
public enum StpMixingKind: ScenarioKindDefinition {
    public static var sections: [SectionSpec] {
        [MixingSections.data, DreamingKind.training, CommonSections.neuron, CommonSections.noise, MixingSections.synapses,
         MixingSections.calibration, MixingSections.simulation, MixingSections.tempering, MixingSections.display]
    }

    static let streamNames = ["gibbs", "renewing", "depressing", "tempering"]

    public static var figureNames: [String] {
        ["switches_per_1000_", "occupancy_dkl_", "autocorr_time_"].flatMap { p in streamNames.map { p + $0 } } + ["slots"]
    }

    public static func check(_ s: Scenario) -> [(section: String, key: String, message: String)] { MixingSections.check(s) }

    static func streams(_ s: Scenario) -> [MixingStreamSpec] {
        MixingStreamSpec.stpComparison(depressing: MixingSections.depressing(s), tauSyn: s.number("neuron", "tauSynExcitatory_ms"))
    }

    public static func engineProblems(_ s: Scenario) -> [String] { MixingSections.engineProblems(s, streams: streams(s)) }

    public static var supportsHardware: Bool { true }

    public static func makeExperiment(_ s: Scenario, seed: UInt64) -> any Experiment {
        MixingSections.make(s, seed: seed, streams: streams(s))
    }
}
