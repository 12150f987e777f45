/// The keys a scenario file may contain, per scenario kind. Every key is documented here,
/// and docs/scenario-keys.md is checked against this list by the tests.
public enum ScenarioSchema {
    /// Top-level keys shared by every kind.
    public static let header = SectionSpec("", "what the scenario is", [
        KeySpec("title", .text, default: nil, "title shown in the title bar and in `spiketty list`"),
        KeySpec("slide", .text, default: nil, "the slide of the talk this scenario reproduces"),
        KeySpec("kind", .choice(ScenarioKind.allCases.map(\.rawValue)), default: nil,
                "which experiment and screen to build"),
        KeySpec("seed", .integer(0...Int(Int64.max)), default: .integer(42),
                "seed of the random generator: same seed, same spikes"),
        KeySpec("explanation", .text, default: nil, "one paragraph shown in the app beside the figures"),
    ])

    /// Conductance-based LIF neuron (PyNN IF_cond_exp); defaults are the sbs reference
    /// configuration (science.md 1.3).
    public static let neuron = SectionSpec("neuron", "conductance-based leaky integrate-and-fire neuron", [
        KeySpec("capacitance_nF", .number(0.001...100), default: .number(0.2), "membrane capacitance C_m (nF)"),
        KeySpec("tauMembrane_ms", .number(0.01...1000), default: .number(1.0), "membrane time constant tau_m = C_m/g_l (ms)"),
        KeySpec("reversalExcitatory_mV", .number(-200...200), default: .number(0.0), "excitatory reversal potential E_e (mV)"),
        KeySpec("reversalInhibitory_mV", .number(-200...200), default: .number(-100.0), "inhibitory reversal potential E_i (mV)"),
        KeySpec("threshold_mV", .number(-200...200), default: .number(-50.0), "firing threshold V_th (mV)"),
        KeySpec("reset_mV", .number(-200...200), default: .number(-50.001), "reset potential V_reset (mV)"),
        KeySpec("restingPotential_mV", .number(-200...200), default: .number(-50.0), "leak reversal (resting) potential E_l (mV)"),
        KeySpec("tauSynExcitatory_ms", .number(0.01...1000), default: .number(10.0), "excitatory synaptic time constant (ms)"),
        KeySpec("tauSynInhibitory_ms", .number(0.01...1000), default: .number(10.0), "inhibitory synaptic time constant (ms)"),
        KeySpec("tauRefractory_ms", .number(0...1000), default: .number(10.0), "absolute refractory period tau_ref (ms)"),
        KeySpec("offsetCurrent_nA", .number(-100...100), default: .number(0.0), "constant offset current I_offset (nA)"),
    ])

    /// Poisson background: one excitatory and one inhibitory source per neuron (science.md 1.3).
    public static let noise = SectionSpec("noise", "background noise each neuron receives", [
        KeySpec("kind", .choice(["poisson"]), default: .text("poisson"), "noise source (only \"poisson\" so far)"),
        KeySpec("excitatoryRate_Hz", .number(0...1_000_000), default: .number(3000), "rate of the excitatory Poisson source (Hz)"),
        KeySpec("inhibitoryRate_Hz", .number(0...1_000_000), default: .number(3000), "rate of the inhibitory Poisson source (Hz)"),
        KeySpec("excitatoryWeight_uS", .number(0...1), default: .number(0.001), "conductance jump per excitatory input spike (µS)"),
        KeySpec("inhibitoryWeight_uS", .number(0...1), default: .number(0.001), "conductance jump per inhibitory input spike (µS, magnitude)"),
    ])

    /// Size of the simulated population.
    public static let network = SectionSpec("network", "the simulated population", [
        KeySpec("neurons", .integer(1...2000), default: .integer(40), "number of spiking neurons in the raster"),
    ])

    /// Integration and measurement.
    public static let simulation = SectionSpec("simulation", "integration and measurement", [
        KeySpec("step_ms", .number(0.001...1), default: .number(0.01), "integration time step dt (ms)"),
        KeySpec("burnIn_ms", .number(0...100_000), default: .number(100), "time discarded before statistics start (ms)"),
    ])

    /// What the screen shows.
    public static let display = SectionSpec("display", "what the screen shows", [
        KeySpec("tracedNeurons", .integer(0...16), default: .integer(3), "membrane traces drawn against threshold"),
        KeySpec("rasterWindow_ms", .number(10...100_000), default: .number(500), "time shown by the spike raster (ms)"),
        KeySpec("traceWindow_ms", .number(1...100_000), default: .number(200), "time shown by the membrane traces (ms)"),
        KeySpec("speed", .number(0.001...1000), default: .number(0.25), "initial speed: biological ms per wall-clock ms"),
    ])

    /// The sections a file of `kind` may contain (besides the header).
    public static func sections(for kind: ScenarioKind) -> [SectionSpec] {
        switch kind {
        case .highConductanceState: return [neuron, noise, network, simulation, display]
        }
    }
}
