/// Configuration of the spiking lane of `deterministic-ensemble` (science.md 2.3–2.4,
/// [Dold2019]): M networks of conductance-based LIF samplers that are each other's only noise,
/// calibrated for that background and trained in the loop; the same M networks under private
/// Poisson noise are the reference. Units: ms, mV, µS, Hz.
public struct SpikingEnsembleConfig: Sendable, Equatable {
    public var machine: BoltzmannMachine = .canonical
    /// M ≥ 50 networks (the requirement; the engine accepts ≥ 2).
    public var networks: Int = 50
    public var neuron: LIFParameters = .sbsDefault
    /// The private Poisson background of the reference networks (and the one the ensemble's
    /// background weights are matched to).
    public var poisson: PoissonBackground = .sbsDefault
    /// K: excitatory and (as many) inhibitory background synapses per neuron from neurons of
    /// other networks.
    public var inDegree: Int = 30
    /// K_I: inhibitory background synapses per neuron.
    public var inhibitoryInDegree: Int = 30
    /// g = w_I/w_E of the background (> 1: inhibition-dominated, as the sbs noise network's g = 10).
    public var inhibition: Double = 1
    /// w_E in units of the weight that matches the Poisson shot-noise variance at `sourceRateHz`.
    public var weightScale: Double = 1
    /// Source rate the background weights are matched for (`SpikingEnsembleBackground.matching`), Hz.
    public var sourceRateHz: Double = 40
    /// Delay of the background synapses, ms.
    public var backgroundDelayMs: Double = 0.1
    /// Delay of the synapses within a network, ms (sbs: 0.1).
    public var delayMs: Double = 0.1
    public var stepMs: Double = 0.1
    /// Calibration probes and the duration of each calibration round (after 500 ms burn-in), ms.
    public var probes: Int = 30
    public var calibrationRounds: Int = 2
    public var calibrationMs: Double = 5_000
    /// Set-point search (`SpikingEnsembleSetPoint`): at most this many rounds (0: none, the
    /// probes' calibration as it is), each a 300 ms burn-in and a `setPointMs` window, until the
    /// copies' mean activity is within `setPointTolerance` of the target's mean marginal.
    public var setPointRounds: Int = 8
    public var setPointMs: Double = 1_500
    public var setPointTolerance: Double = 0.005
    /// Duration of each D_KL measurement (before, after, private reference), ms.
    public var measureMs: Double = 20_000
    /// Training iterations and the model-statistics window of each, ms.
    public var iterations: Int = 100
    public var iterationMs: Double = 2_000
    /// Contrastive rule (science.md 2.4): η_0, momentum, τ_decay (iterations).
    public var learningRate: Double = 0.05
    public var momentum: Double = 0.9
    public var decayIterations: Double = 10
    /// Annealing: the last `annealIterations` iterations run at `annealFactor` × the rule's rate
    /// (0: no annealing).
    public var annealIterations: Int = 0
    public var annealFactor: Double = 0.1
    public var seed: UInt64 = 42
    /// The emulated chip both the ensemble and the reference run on (science.md 4; nil: ideal).
    /// Training in the loop then keeps float weights aside and each iteration quantises them
    /// anew (science.md 4.2 shadow weights).
    public var hardware: HardwareRealisation? = nil

    public init(machine: BoltzmannMachine = .canonical) { self.machine = machine }

    /// The ensemble's background wiring (weights matched to `poisson` at `sourceRateHz`).
    public var background: SpikingEnsembleBackground {
        SpikingEnsembleBackground.inhibitionDominated(matching: poisson, sourceRateHz: sourceRateHz, copies: networks,
                                                      neuronsPerCopy: machine.unitCount, inDegree: inDegree,
                                                      inhibitoryInDegree: inhibitoryInDegree, inhibition: inhibition,
                                                      weightScale: weightScale, delayMs: backgroundDelayMs)
    }

    /// Memory budget of the within-copy weights (issue 12): they are one dense N × N matrix of
    /// doubles (N = M·n + probes), so that copies can be retrained in place, and a training
    /// iteration builds a second one; 256 MiB allows N ≤ 5792 (e.g. M = 1150 networks of 5).
    public static let weightMemoryBudgetBytes = 256 << 20

    /// Bytes of the dense within-copy weight matrix.
    public var denseWeightBytes: Int { (networks * machine.unitCount + probes) * (networks * machine.unitCount + probes) * 8 }

    /// Biological time of the protocol after calibration (before, training, after), ms.
    public var protocolMs: Double { 2 * measureMs + Double(iterations) * iterationMs }

    public func validate() -> [String] {
        var problems = neuron.validate() + poisson.validate()
        if networks < 2 { problems.append("an ensemble needs at least 2 networks, has \(networks)") }
        if machine.unitCount < 2 || machine.unitCount > 12 { problems.append("expected 2 to 12 units, got \(machine.unitCount)") }
        if networks >= 2 && machine.unitCount >= 1 { problems += background.validate() }
        if !(inhibition > 0 && weightScale > 0) { problems.append("inhibition and weightScale must be > 0") }
        if !(sourceRateHz > 0) { problems.append("sourceRateHz must be > 0") }
        if !(stepMs > 0 && stepMs <= 0.1) { problems.append("stepMs must be in (0, 0.1] ms, is \(stepMs)") }
        if !(neuron.tauRefrac >= 10 * stepMs) { problems.append("tauRefrac must be at least 10 steps") }
        if probes < 3 { problems.append("at least 3 calibration probes are needed") }
        if calibrationRounds < 1 { problems.append("at least one calibration round is needed") }
        if !(calibrationMs >= 100 && measureMs >= 100 && iterationMs >= 100) {
            problems.append("calibration, measurement and iteration windows must be at least 100 ms")
        }
        if iterations < 0 { problems.append("iterations must be >= 0") }
        if networks >= 2 && probes >= 0 && networks <= 1_000_000 && denseWeightBytes > Self.weightMemoryBudgetBytes {
            let n = machine.unitCount
            let largest = (Int(Double(Self.weightMemoryBudgetBytes / 8).squareRoot()) - probes) / max(1, n)
            problems.append("\(networks) networks × \(n) units + \(probes) probes need a dense \(denseWeightBytes >> 20) MiB weight matrix "
                            + "(N² × 8 B); the budget is \(Self.weightMemoryBudgetBytes >> 20) MiB: at most \(largest) networks of \(n) units")
        }
        if hardware != nil, let p = ChipMismatch.capacityProblem(networks: networks, units: machine.unitCount) { problems.append(p) }
        if setPointRounds < 0 { problems.append("setPointRounds must be >= 0") }
        if !(setPointMs >= 100) { problems.append("setPointMs must be at least 100 ms") }
        if !(setPointTolerance > 0 && setPointTolerance < 0.5) { problems.append("setPointTolerance must be in (0, 0.5)") }
        if annealIterations < 0 || annealIterations > max(iterations, 0) { problems.append("annealIterations must be in 0...iterations") }
        if !(annealFactor > 0 && annealFactor <= 1) { problems.append("annealFactor must be in (0, 1]") }
        if !(learningRate > 0) || !(momentum >= 0 && momentum < 1) || !(decayIterations > 0) {
            problems.append("learning rate > 0, momentum in [0, 1) and decay > 0 expected")
        }
        if !(delayMs >= stepMs && backgroundDelayMs >= stepMs) { problems.append("delays must be at least one step") }
        return problems
    }
}
