/// The spiking kinds' `MembraneProbing`: a clicked raster row's neuron is sampled like the
/// experiment's own traces (same interval, `traceWindowMs` long); neurons already traced are
/// read from the existing recorder, so their history shows at once.
extension HighConductanceStateExperiment: MembraneProbing {
    public func probeMembrane(of neuron: Int) {
        guard neuron < config.populationSize else { return }
        let (interval, capacity) = Self.probeSampling(traceWindowMs: config.traceWindowMs, stepMs: config.stepMs)
        membraneProbe.follow(neuron, in: &run.network, existing: 0, intervalSteps: interval, capacity: capacity)
    }

    public func probedMembrane() -> (neuron: Int, trace: Trace)? {
        membraneProbe.trace(in: run.network, stepMs: config.stepMs, windowSteps: Int64((config.traceWindowMs / config.stepMs).rounded()),
                            threshold: config.neuron.vThresh)
    }
}

extension LIFSamplingExperiment: MembraneProbing {
    public func probeMembrane(of neuron: Int) {
        guard neuron < machine.unitCount else { return }
        let (interval, capacity) = HighConductanceStateExperiment.probeSampling(traceWindowMs: config.traceWindowMs, stepMs: config.stepMs)
        membraneProbe.follow(neuron, in: &run.network, existing: config.tracedNeurons > 0 ? 0 : nil,
                             intervalSteps: interval, capacity: capacity)
    }

    public func probedMembrane() -> (neuron: Int, trace: Trace)? {
        membraneProbe.trace(in: run.network, stepMs: config.stepMs, windowSteps: Int64((config.traceWindowMs / config.stepMs).rounded()),
                            threshold: config.neuron.vThresh)
    }
}

extension HighConductanceStateExperiment {
    /// Sampling of a trace window: at most 2000 samples (the experiments' own traces use the same).
    static func probeSampling(traceWindowMs: Double, stepMs: Double) -> (interval: Int, capacity: Int) {
        let traceSteps = max(1, Int((traceWindowMs / stepMs).rounded(.up)))
        let interval = max(1, (traceSteps + 1999) / 2000)
        return (interval, traceSteps / interval + 1)
    }
}
