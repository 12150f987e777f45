import SpikeCore

/// Tables and keys that several scenario kinds share, with their builders and checks.
public enum CommonSections {
    /// Top-level keys of every scenario file.
    public static let header = SectionSpec("", "what the scenario is", [
        KeySpec("title", .text, default: nil, "title shown in the title bar and in `spiketty list`"),
        KeySpec("slide", .text, default: nil, "the slide of the talk this scenario reproduces"),
        KeySpec("kind", .choice(ScenarioKind.allCases.map(\.rawValue)), default: nil,
                "which experiment and screen to build"),
        KeySpec("seed", .integer(0...Int(Int64.max)), default: .integer(42),
                "seed of the random generator: same seed, same spikes"),
        KeySpec("explanation", .text, default: nil, "one paragraph shown in the app beside the figures"),
        KeySpec("hardware", .choice(HardwareProfile.all.map(\.name)), default: .text("ideal"),
                "run on an emulated neuromorphic chip (science.md 4): \"bss1\" BrainScaleS-1 (speed-up 1e4, 4-bit weights with a scale per synapse row), \"bss2\" BrainScaleS-2 (speed-up 1e3, 6-bit weights, 10-bit parameters), both with frozen fixed-pattern noise and each neuron calibrated under its own; `?` in the app lists every number with its source. Kinds with a hardware mode: "
                + hardwareKindList()
                + " (`noise-sources` and `deterministic-ensemble` with formulation = \"spiking\": the samplers on the chip, probes and noise sources off it)"
                + "; the others accept only \"ideal\". `--hardware` overrides it, `H` switches it live"),
        KeySpec("chipSeed", .integer(0...Int(Int64.max)), default: .integer(1),
                "seed of the emulated chip's frozen fixed-pattern noise: same chip seed, same chip"),
        KeySpec("spikeLoss", .number(0...1), default: .number(0),
                "probability that the emulated chip loses a spike event in routing (hardware other than \"ideal\")"),
        KeySpec("slidePosition", .integer(0...999), default: .integer(0),
                "position in `spiketty talk`, which shows the scenarios in increasing order (1 = first); 0 leaves the scenario out of the talk"),
        KeySpec("equation", .text, default: .text(""),
                "the key equation, one line, shown under the title in `spiketty talk`"),
    ])

    /// The kinds with a hardware mode, for the reference: "`lif-sampling`, `dreaming`".
    static func hardwareKindList() -> String {
        var names: [String] = []
        for kind in ScenarioKind.allCases {
            let definition: any ScenarioKindDefinition.Type = kind.definition
            if definition.supportsHardware { names.append("`" + kind.rawValue + "`") }
        }
        return names.joined(separator: ", ")
    }

    /// Conductance-based LIF neuron (PyNN IF_cond_exp); defaults are the sbs reference
    /// configuration (science.md 1.3).
    public static let neuron = SectionSpec("neuron", "conductance-based leaky integrate-and-fire neuron", [
        KeySpec("capacitance_nF", .number(0.001...100), default: .number(0.2), "membrane capacitance C_m (nF)"),
        KeySpec("tauMembrane_ms", .number(0.01...1000), default: .number(1.0), "membrane time constant tau_m = C_m/g_l (ms)"),
        KeySpec("reversalExcitatory_mV", .number(-200...200), default: .number(0.0), "excitatory reversal potential E_e (mV)"),
        KeySpec("reversalInhibitory_mV", .number(-200...200), default: .number(-100.0), "inhibitory reversal potential E_i (mV); must be below E_e"),
        KeySpec("threshold_mV", .number(-200...200), default: .number(-50.0), "firing threshold V_th (mV)"),
        KeySpec("reset_mV", .number(-200...200), default: .number(-50.001), "reset potential V_reset (mV); must not exceed V_th"),
        KeySpec("restingPotential_mV", .number(-200...200), default: .number(-50.0), "leak reversal (resting) potential E_l (mV): the bias knob"),
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

    /// Integration and measurement.
    public static let simulation = SectionSpec("simulation", "integration and measurement", [
        KeySpec("step_ms", .number(0.001...1), default: .number(0.01), "integration step dt (ms); exponential Euler with conductances frozen over a step"),
        KeySpec("burnIn_ms", .number(0...100_000), default: .number(100), "time discarded before statistics start (ms)"),
    ])

    /// The initial speed key every `[display]` table has.
    public static let speed = KeySpec("speed", .number(0.001...1000), default: .number(0.25),
                                      "initial speed: biological ms per wall-clock ms")

    /// The LIF parameters of the `[neuron]` table.
    public static func neuronParameters(_ s: Scenario) -> LIFParameters {
        var p = LIFParameters.sbsDefault
        p.cm = s.number("neuron", "capacitance_nF")
        p.tauM = s.number("neuron", "tauMembrane_ms")
        p.eRevE = s.number("neuron", "reversalExcitatory_mV")
        p.eRevI = s.number("neuron", "reversalInhibitory_mV")
        p.vThresh = s.number("neuron", "threshold_mV")
        p.vReset = s.number("neuron", "reset_mV")
        p.vRest = s.number("neuron", "restingPotential_mV")
        p.tauSynE = s.number("neuron", "tauSynExcitatory_ms")
        p.tauSynI = s.number("neuron", "tauSynInhibitory_ms")
        p.tauRefrac = s.number("neuron", "tauRefractory_ms")
        p.iOffset = s.number("neuron", "offsetCurrent_nA")
        return p
    }

    /// The Poisson background of the `[noise]` table.
    public static func poissonBackground(_ s: Scenario) -> PoissonBackground {
        PoissonBackground(excRateHz: s.number("noise", "excitatoryRate_Hz"), inhRateHz: s.number("noise", "inhibitoryRate_Hz"),
                          excWeight: s.number("noise", "excitatoryWeight_uS"), inhWeight: s.number("noise", "inhibitoryWeight_uS"))
    }

    /// Cross-key checks of the `[neuron]` table (needs `[simulation] step_ms`).
    public static func checkNeuron(_ s: Scenario) -> [(section: String, key: String, message: String)] {
        var problems: [(section: String, key: String, message: String)] = []
        let threshold = s.number("neuron", "threshold_mV"), reset = s.number("neuron", "reset_mV")
        if reset > threshold {
            problems.append(("neuron", "reset_mV", "expected a reset potential at or below threshold_mV (\(format(threshold))), got \(format(reset))"))
        }
        if s.number("neuron", "reversalInhibitory_mV") >= s.number("neuron", "reversalExcitatory_mV") {
            problems.append(("neuron", "reversalInhibitory_mV", "expected an inhibitory reversal potential below the excitatory one"))
        }
        let step = s.number("simulation", "step_ms")
        for key in ["tauMembrane_ms", "tauSynExcitatory_ms", "tauSynInhibitory_ms"] where s.number("neuron", key) < step {
            problems.append(("neuron", key, "expected a time constant of at least one step (step_ms = \(format(step))), got \(format(s.number("neuron", key)))"))
        }
        return problems
    }
}
