/// The `deterministic-ensemble` experiment (science.md 2.3–2.4; [Dold2019] "Stochasticity from
/// function"; slide "Stochasticity from function"): M networks of n Heaviside units with no noise
/// source at all — every unit's variability is the activity of K units of *other* networks (or,
/// with `source = .backgroundNetwork`, of a deterministic background network, [Jordan2019]) —
/// calibrated for that background (`BinaryActivationCalibration`, two rounds), then trained in
/// the loop with the contrastive rule (`ContrastiveUpdate`: data statistics exact from the target,
/// model statistics from each network's own states, one rule per network).
///
/// Protocol, advanced by biological time (one cycle = `cycleMs`):
/// 1. before: `measureCycles` of free running with the open-loop (calibrated) translation, and
///    alongside M networks under private noise (the reference, same duration);
/// 2. training: `iterations` × `cyclesPerIteration`;
/// 3. after: `measureCycles` with the trained parameters; then it keeps running and measuring.
/// D_KL of each network is measured over each window; the distributions over the ensemble
/// before and after are the result.
public final class DeterministicEnsembleExperiment: Experiment {
    public enum Phase: Int, Sendable { case before = 0, training = 1, after = 2, done = 3 }

    public let config: DeterministicEnsembleConfig
    public private(set) var ensemble: BinarySamplingEnsemble
    public private(set) var reference: BinarySamplingEnsemble
    public let calibration: BinaryActivationCalibration
    public let referenceCalibration: BinaryActivationCalibration
    public private(set) var phase: Phase = .before
    public private(set) var timeMs: Double = 0
    public var stepMs: Double { config.cycleMs }
    /// Per-network D_KL over the before and after windows (empty until the window is complete).
    public private(set) var before: [Double] = []
    public private(set) var after: [Double] = []
    public private(set) var referenceDivergences: [Double] = []
    /// Mean input correlation of the ensemble before training.
    public private(set) var inputCorrelation: Double = .nan
    /// Input-correlation matrix of the first `matrixUnits` units over the before window.
    public private(set) var inputCorrelationMatrix: [Double] = []
    /// (ms, pooled D_KL of the iteration window) per training iteration.
    public private(set) var trainingCurve: [(timeMs: Double, value: Double)] = []
    public private(set) var iteration = 0
    var rules: [ContrastiveUpdate]
    let data: BinaryMoments
    let targetProbabilities: [Double]
    var cyclesInPhase = 0
    var budget = StepBudget()

    public init(config: DeterministicEnsembleConfig) {
        let problems = config.validate()
        precondition(problems.isEmpty, "invalid deterministic-ensemble configuration: \(problems.joined(separator: "; "))")
        self.config = config
        var noise = config.noise
        let ensembleDriven = config.source == .ensemble
        if ensembleDriven { noise.sourceCount = config.networks * config.machine.unitCount }
        var e = BinarySamplingEnsemble(kind: config.source, target: config.machine, networkCount: config.networks,
                                       noise: noise, seed: config.seed, matrixUnits: config.matrixUnits)
        calibration = e.calibrate(cycles: config.calibrationCycles, rounds: ensembleDriven ? 2 : 1, seed: config.seed)
        var r = BinarySamplingEnsemble(kind: .privateNoise, target: config.machine, networkCount: config.networks,
                                       noise: noise, seed: config.seed &+ 1, matrixUnits: config.matrixUnits)
        referenceCalibration = r.calibrate(cycles: config.calibrationCycles, seed: config.seed)
        r.measuresInputs = false
        e.run(cycles: 100); e.resetMeasurements()
        r.run(cycles: 100); r.resetMeasurements()
        ensemble = e
        reference = r
        let target = BoltzmannDistribution(config.machine)
        data = BinaryMoments(target)
        targetProbabilities = target.probabilities
        rules = Array(repeating: ContrastiveUpdate(learningRate: config.learningRate, momentum: config.momentum,
                                                   decayIterations: config.decayIterations), count: config.networks)
    }

    public func advance(by durationMs: Double) {
        let cycles = budget.steps(for: durationMs, stepMs: config.cycleMs)
        for _ in 0..<cycles { cycle() }
    }

    /// One cycle of the protocol.
    func cycle() {
        timeMs += config.cycleMs
        cyclesInPhase += 1
        switch phase {
        case .before:
            ensemble.run(cycles: 1)
            reference.run(cycles: 1)
            if cyclesInPhase == config.measureCycles {
                before = ensemble.histograms.map { divergence($0) }
                referenceDivergences = reference.histograms.map { divergence($0) }
                inputCorrelation = ensemble.inputs.meanPairwiseCorrelation()
                inputCorrelationMatrix = ensemble.inputs.correlationMatrix
                ensemble.measuresInputs = false
                ensemble.resetMeasurements()
                phase = config.iterations > 0 ? .training : .after
                cyclesInPhase = 0
            }
        case .training:
            ensemble.run(cycles: 1)
            if cyclesInPhase == config.cyclesPerIteration {
                trainingCurve.append((timeMs, pooledDivergence()))
                for m in 0..<config.networks {
                    let (w, b) = rules[m].update(weights: ensemble.weights[m], biases: ensemble.biases[m],
                                                 data: data, model: ensemble.modelMoments(network: m))
                    ensemble.setParameters(network: m, weights: w, biases: b)
                }
                iteration += 1
                ensemble.resetMeasurements()
                cyclesInPhase = 0
                if iteration == config.iterations { phase = .after }
            }
        case .after, .done:
            ensemble.run(cycles: 1)
            if phase == .after && cyclesInPhase == config.measureCycles {
                after = ensemble.histograms.map { divergence($0) }
                phase = .done
            }
        }
    }

    func divergence(_ h: StateHistogram) -> Double {
        KullbackLeibler.targetToSampled(target: targetProbabilities, counts: h.counts,
                                        zeroCounts: BinarySamplingEnsemble.perNetworkPrior)
    }

    /// D_KL of the ensemble's pooled histogram in the current window.
    func pooledDivergence() -> Double {
        var counts = Array(repeating: 0.0, count: targetProbabilities.count)
        for h in ensemble.histograms { for (i, c) in h.counts.enumerated() { counts[i] += c } }
        return KullbackLeibler.targetToSampled(target: targetProbabilities, counts: counts)
    }

    /// Live: the learning rate η₀ of every network's contrastive rule (science.md 2.4), from the
    /// next training iteration on.
    public var parameters: [ParameterInfo] {
        [ParameterInfo(key: "learning_rate", label: "learning rate η₀", value: rules.first?.learningRate ?? config.learningRate,
                       range: Self.learningRateRange, stepFactor: 1.5)]
    }

    /// Allowed η₀, as for the scenario key `[training] learningRate`.
    public static let learningRateRange: ClosedRange<Double> = 0.0001...10

    public func setParameter(_ key: String, to value: Double) throws(ParameterError) {
        guard key == "learning_rate" else { throw .unknown(key: key) }
        guard Self.learningRateRange.contains(value) else {
            throw .outOfRange(key: key, value: value, range: Self.learningRateRange)
        }
        for m in rules.indices { rules[m].learningRate = value }
    }
}
