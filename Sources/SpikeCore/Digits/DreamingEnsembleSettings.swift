/// Which noise the dreaming networks receive (science.md 2.3, slide "Bayesian inference &
/// dreaming": "Poisson reference" vs stochasticity from function).
public enum DreamingNoise: Int, Sendable, Equatable, CaseIterable {
    /// Private Poisson background per neuron (science.md 2.1), the reference.
    case poisson = 0
    /// No noise source at all: each network is one of M copies whose spikes are each other's
    /// background (`SpikingEnsembleBackground`, [Dold2019]).
    case ensemble = 1

    public var name: String { self == .poisson ? "poisson" : "ensemble" }
}

/// The noise-free ensemble behind a dreaming network ([Dold2019], science.md 2.3 steps 1–3): M
/// copies of the 174-unit digit RBM in one population, each neuron receiving K_E excitatory and
/// K_I inhibitory static synapses from neurons of other copies (weights matched to the Poisson
/// shot-noise variance at `sourceRateHz`, inhibition g times stronger: issue 4 found that g = 1
/// locks identical copies into volleys), calibrated with probe neurons under that background.
/// Units: ms, Hz.
public struct DreamingEnsembleSettings: Sendable, Equatable {
    /// M: copies per ensemble (the network read out is copy 0).
    public var copies: Int = 8
    /// K_E, K_I: background synapses per neuron from neurons of other copies.
    public var inDegree: Int = 30
    public var inhibitoryInDegree: Int = 30
    /// g = w_I / w_E of the background.
    public var inhibition: Double = 4
    /// Source rate the background weights are matched for (`SpikingEnsembleBackground.matching`), Hz.
    public var sourceRateHz: Double = 40
    /// Delay of the background synapses, ms.
    public var backgroundDelayMs: Double = 0.1
    /// Calibration: probes (E_l spread over a window around v_p05), rounds (each one rebuilds the
    /// ensemble with the previous round's translation, so the background is the one that
    /// translation produces), measured time per round after `calibrationBurnInMs`, ms.
    public var probes: Int = 30
    public var calibrationRounds: Int = 3
    public var calibrationMs: Double = 3_000
    public var calibrationBurnInMs: Double = 300

    public init() {}

    /// The background wiring for copies of `neuronsPerCopy` units, matched to `poisson`.
    public func background(matching poisson: PoissonBackground, neuronsPerCopy: Int) -> SpikingEnsembleBackground {
        SpikingEnsembleBackground.inhibitionDominated(matching: poisson, sourceRateHz: sourceRateHz, copies: copies,
                                                      neuronsPerCopy: neuronsPerCopy, inDegree: inDegree,
                                                      inhibitoryInDegree: inhibitoryInDegree, inhibition: inhibition,
                                                      delayMs: backgroundDelayMs)
    }

    /// Human-readable problems (empty when usable).
    public func validate(neuronsPerCopy: Int) -> [String] {
        var p: [String] = []
        if copies < 2 { p.append("an ensemble needs at least 2 copies, has \(copies)") }
        if inDegree < 1 || inhibitoryInDegree < 0 { p.append("inDegree must be >= 1 and inhibitoryInDegree >= 0") }
        if copies >= 2 && inDegree + inhibitoryInDegree > (copies - 1) * neuronsPerCopy {
            p.append("in-degree \(inDegree + inhibitoryInDegree) exceeds the \((copies - 1) * neuronsPerCopy) neurons of other copies")
        }
        if !(inhibition > 0) { p.append("inhibition must be > 0") }
        if !(sourceRateHz > 0) { p.append("sourceRateHz must be > 0") }
        if !(backgroundDelayMs >= 0) { p.append("backgroundDelayMs must be >= 0") }
        if probes < 3 { p.append("at least 3 calibration probes are needed") }
        if calibrationRounds < 1 { p.append("at least one calibration round is needed") }
        if !(calibrationMs >= 100) { p.append("the calibration window must be at least 100 ms") }
        if !(calibrationBurnInMs >= 0) { p.append("the calibration burn-in must be >= 0 ms") }
        return p
    }
}

extension SpikingEnsembleBackground {
    /// `matching` with K_I inhibitory inputs of g times the excitatory weight (inhibition-dominated
    /// background, issue 4: an asynchronous ensemble needs g ≳ 4).
    public static func inhibitionDominated(matching poisson: PoissonBackground, sourceRateHz: Double, copies: Int,
                                           neuronsPerCopy: Int, inDegree: Int, inhibitoryInDegree: Int,
                                           inhibition: Double, weightScale: Double = 1,
                                           delayMs: Double) -> SpikingEnsembleBackground {
        var b = matching(poisson, sourceRateHz: sourceRateHz, copies: copies, neuronsPerCopy: neuronsPerCopy,
                         inDegree: inDegree, delayMs: delayMs)
        b.inhibitoryInDegree = inhibitoryInDegree
        b.excitatoryWeight *= weightScale
        b.inhibitoryWeight = inhibition * b.excitatoryWeight
        return b
    }
}
