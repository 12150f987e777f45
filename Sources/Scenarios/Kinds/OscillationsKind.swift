import SpikeCore

/// The `oscillations` kind (science.md 2.1, 3.6; [KorcsakGorzo2022]; slide "Biological
/// mechanisms for superior mixing"): the renewing LIF network of the trained digit RBM with a
/// sinusoidally modulated background (samples read at the troughs), against the same network
/// with a steady background, block Gibbs and adaptive simulated tempering.
public enum OscillationsKind: ScenarioKindDefinition {
    public static var sections: [SectionSpec] {
        [MixingSections.data, DreamingKind.training, CommonSections.neuron, CommonSections.noise, MixingSections.synapses,
         MixingSections.calibration, MixingSections.simulation, oscillation, MixingSections.tempering, MixingSections.display]
    }

    static let oscillation = SectionSpec("oscillation", "the oscillating background (science.md 3.6)", [
        KeySpec("amplitude_Hz", .number(0...100_000), default: .number(2000), "amplitude A of both background rates (Hz); nu(t) = max(0, nu_0 + A sin(2 pi f t))"),
        KeySpec("frequency_Hz", .number(0.1...1000), default: .number(10), "oscillation frequency f (Hz; 10 = alpha band)"),
        KeySpec("window", .choice(["trough", "peak", "always"]), default: .text("trough"), "phases at which samples are kept"),
        KeySpec("windowWidth_ms", .number(0.1...10_000), default: .number(20), "width of the readout window around each trough or peak (ms)"),
    ])

    static let streamNames = ["gibbs", "renewing", "oscillating", "tempering"]

    public static var figureNames: [String] {
        ["switches_per_1000_", "occupancy_dkl_", "autocorr_time_"].flatMap { p in streamNames.map { p + $0 } }
            + ["slots", "background_rate_hz", "effective_temperature"]
    }

    public static func check(_ s: Scenario) -> [(section: String, key: String, message: String)] {
        var problems = MixingSections.check(s)
        if s.number("oscillation", "amplitude_Hz") > s.number("noise", "excitatoryRate_Hz") {
            problems.append(("oscillation", "amplitude_Hz", "expected at most the background rate (\(s.number("noise", "excitatoryRate_Hz")) Hz): the rate would be clipped at 0"))
        }
        if s.number("noise", "excitatoryRate_Hz") != s.number("noise", "inhibitoryRate_Hz") {
            problems.append(("noise", "inhibitoryRate_Hz", "expected equal excitatory and inhibitory rates (both are modulated by the same amount)"))
        }
        return problems
    }

    static func streams(_ s: Scenario) -> [MixingStreamSpec] {
        MixingStreamSpec.oscillationComparison(tauSyn: s.number("neuron", "tauSynExcitatory_ms"))
    }

    public static func engineProblems(_ s: Scenario) -> [String] {
        MixingSections.engineProblems(s, streams: streams(s))
    }

    public static var supportsHardware: Bool { true }

    public static func makeExperiment(_ s: Scenario, seed: UInt64) -> any Experiment {
        MixingSections.make(s, seed: seed, streams: streams(s)) { c in
            c.oscillation.amplitudeHz = s.number("oscillation", "amplitude_Hz")
            c.oscillation.frequencyHz = s.number("oscillation", "frequency_Hz")
            let width = s.number("oscillation", "windowWidth_ms")
            switch s.text("oscillation", "window") {
            case "peak": c.readoutWindow = .peak(widthMs: width)
            case "always": c.readoutWindow = .always
            default: c.readoutWindow = .trough(widthMs: width)
            }
        }
    }
}
