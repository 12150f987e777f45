import SpikeCore

/// Builds the experiment a scenario describes; one builder per scenario kind.
public enum ExperimentBuilder {
    /// A new experiment for `scenario`, seeded with `seed` (the scenario's own seed when nil).
    public static func make(_ scenario: Scenario, seed: UInt64? = nil) -> any Experiment {
        switch scenario.kind {
        case .highConductanceState:
            return HighConductanceStateExperiment(config: highConductanceStateConfig(scenario, seed: seed ?? scenario.seed))
        }
    }

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

    static func highConductanceStateConfig(_ s: Scenario, seed: UInt64) -> HighConductanceStateConfig {
        var c = HighConductanceStateConfig()
        c.neuron = neuronParameters(s)
        c.background = poissonBackground(s)
        c.populationSize = s.integer("network", "neurons")
        c.tracedNeurons = s.integer("display", "tracedNeurons")
        c.stepMs = s.number("simulation", "step_ms")
        c.burnInMs = s.number("simulation", "burnIn_ms")
        c.rasterWindowMs = s.number("display", "rasterWindow_ms")
        c.traceWindowMs = s.number("display", "traceWindow_ms")
        c.seed = seed
        return c
    }
}
