/// The spiking lane of `deterministic-ensemble` (science.md 2.3–2.4; [Dold2019] "Stochasticity
/// from function"): M copies of a Boltzmann machine as networks of conductance-based LIF
/// samplers with no noise source at all — each neuron's background is K excitatory and K
/// inhibitory static synapses from neurons of other networks (`SpikingEnsembleBackground`) —
/// calibrated for the background they actually receive and trained in the loop with the
/// contrastive rule (`ContrastiveUpdate`: data statistics exact from the target, model
/// statistics from each network's own spikes, one rule per network).
///
/// Set-up (in `init`):
/// 1. the reference: the same M networks under private Poisson noise, calibrated with probes in
///    their own background (2 rounds), translated open loop (science.md 1.6–1.7);
/// 2. the ensemble: starts from the reference calibration; each round the probes measure
///    p_on(E_l) under the ensemble's own spikes, the logistic fit gives (v_p05, α), and the weight
///    factors use the Poisson background equivalent to the measured source rate.
///
/// Protocol, advanced by biological time: before (`measureMs`, the ensemble and the reference
/// side by side, open loop), training (`iterations` × `iterationMs`), after (`measureMs`); then it
/// keeps running. D_KL of each network over each window; the distributions are the result.
public final class SpikingEnsembleExperiment: Experiment {
    public enum Phase: Int, Sendable { case before = 0, training = 1, after = 2, done = 3 }

    public let config: SpikingEnsembleConfig
    public private(set) var ensemble: SpikingSamplingEnsemble
    public private(set) var reference: SpikingSamplingEnsemble
    /// (v_p05, α) under the ensemble's background and under private Poisson noise, mV.
    public let calibration: LogisticFit?
    public let referenceCalibration: LogisticFit?
    /// Mean firing rate of the ensemble's neurons in the last calibration round, Hz.
    public let calibrationRateHz: Double
    /// (E_l, p_on) of the ensemble's last calibration round.
    public let calibrationPoints: [(vRest: Double, pOn: Double)]
    /// The set point found after calibration (nil when `setPointRounds` = 0).
    public let setPoint: SpikingEnsembleSetPoint?
    public private(set) var phase: Phase = .before
    public private(set) var before: [Double] = []
    public private(set) var after: [Double] = []
    public private(set) var referenceDivergences: [Double] = []
    /// Mean rate of the ensemble's neurons over the before window, Hz.
    public private(set) var beforeRateHz: Double = .nan
    /// Population Fano factor of the ensemble over the before window (`populationFanoFactor`).
    public private(set) var beforeFanoFactor: Double = .nan
    /// (ms, pooled D_KL of the iteration window) per training iteration.
    public private(set) var trainingCurve: [(timeMs: Double, value: Double)] = []
    public private(set) var iteration = 0
    var rules: [ContrastiveUpdate]
    /// η₀ of every network's rule (live), before the annealing factor.
    var learningRate: Double
    let data: BinaryMoments
    let target: [Double]
    var stepsInPhase = 0
    var protocolSteps: Int64 = 0
    var budget = StepBudget()

    public init(config: SpikingEnsembleConfig) {
        let problems = config.validate()
        precondition(problems.isEmpty, "invalid spiking ensemble configuration: \(problems.joined(separator: "; "))")
        self.config = config
        let c = config
        let steps = { (ms: Double) in Int((ms / c.stepMs).rounded()) }
        let start = ActivationCalibration.sbsReference
        var translation = LIFSamplingTranslation(neuron: c.neuron, background: c.poisson, vP05: start.vP05, alpha: start.alpha)

        var r = SpikingSamplingEnsemble(machine: c.machine, copies: c.networks, neuron: c.neuron, noise: .privatePoisson(c.poisson),
                                        translation: translation, stepMs: c.stepMs, delayMs: c.delayMs, probes: c.probes,
                                        seed: c.seed &+ 1, hardware: c.hardware)
        var fit: LogisticFit?
        for _ in 0..<2 {
            let centre = fit?.vP05 ?? start.vP05, half = max(5 * (fit?.alpha ?? start.alpha), 2)
            guard let f = r.calibrateSearching(centre: centre, halfWidth: half, burnInSteps: steps(500), steps: steps(c.calibrationMs))
            else { break }
            fit = f
            translation = LIFSamplingTranslation(neuron: c.neuron, background: c.poisson, vP05: f.vP05, alpha: f.alpha)
            r.setTranslation(translation)
        }
        referenceCalibration = fit

        let background = c.background
        var e = SpikingSamplingEnsemble(machine: c.machine, copies: c.networks, neuron: c.neuron, noise: .ensemble(background),
                                        translation: LIFSamplingTranslation(neuron: c.neuron, background: background.equivalentPoisson(sourceRateHz: c.sourceRateHz),
                                                                            vP05: translation.vP05, alpha: translation.alpha),
                                        stepMs: c.stepMs, delayMs: c.delayMs, probes: c.probes, seed: c.seed,
                                        hardware: c.hardware)
        var ensembleFit: LogisticFit?
        var rate = c.sourceRateHz
        for _ in 0..<c.calibrationRounds {
            let t = e.translation
            let probe = e.calibrateSearching(centre: t.vP05, halfWidth: max(5 * t.alpha, 2), burnInSteps: steps(500),
                                              steps: steps(c.calibrationMs))
            rate = e.lastCalibrationRateHz
            guard let f = probe else { break }
            ensembleFit = f
            e.setTranslation(LIFSamplingTranslation(neuron: c.neuron, background: background.equivalentPoisson(sourceRateHz: rate),
                                                    vP05: f.vP05, alpha: f.alpha))
        }
        calibration = ensembleFit
        calibrationRateHz = rate
        calibrationPoints = e.lastCalibrationPoints
        let exact = BoltzmannDistribution(c.machine)
        if c.setPointRounds > 0 {
            setPoint = e.findSetPoint(targetActivity: Self.meanMarginal(exact), start: e.translation, rounds: c.setPointRounds,
                                      tolerance: c.setPointTolerance, burnInSteps: steps(300), steps: steps(c.setPointMs))
        } else {
            setPoint = nil
        }
        e.run(steps: steps(500)); e.resetMeasurements()
        r.run(steps: steps(500)); r.resetMeasurements()
        ensemble = e
        reference = r
        data = BinaryMoments(exact)
        target = exact.probabilities
        learningRate = c.learningRate
        rules = Array(repeating: ContrastiveUpdate(learningRate: c.learningRate, momentum: c.momentum,
                                                   decayIterations: c.decayIterations), count: c.networks)
    }

    public var stepMs: Double { config.stepMs }
    /// Protocol time (after calibration), ms.
    public var timeMs: Double { Double(protocolSteps) * config.stepMs }
    var measureSteps: Int { Int((config.measureMs / config.stepMs).rounded()) }
    var iterationSteps: Int { Int((config.iterationMs / config.stepMs).rounded()) }

    public func advance(by durationMs: Double) {
        var left = budget.steps(for: durationMs, stepMs: config.stepMs)
        while left > 0 {
            let window: Int
            switch phase {
            case .before, .after: window = measureSteps
            case .training: window = iterationSteps
            case .done: window = Int.max
            }
            let chunk = min(left, window - stepsInPhase)
            ensemble.run(steps: chunk)
            if phase == .before { reference.run(steps: chunk) }
            stepsInPhase += chunk
            protocolSteps += Int64(chunk)
            left -= chunk
            if stepsInPhase == window { finishWindow() }
        }
    }

    /// End of a measurement window or training iteration.
    func finishWindow() {
        stepsInPhase = 0
        switch phase {
        case .before:
            before = ensemble.divergences(target: target)
            referenceDivergences = reference.divergences(target: target)
            beforeRateHz = ensemble.meanCopyRateHz
            beforeFanoFactor = ensemble.populationFanoFactor
            phase = config.iterations > 0 ? .training : .after
        case .training:
            trainingCurve.append((timeMs, ensemble.pooledDivergence(target: target)))
            var machines = ensemble.machines
            for m in rules.indices { rules[m].learningRate = learningRate * annealing }
            for m in 0..<config.networks {
                machines[m] = rules[m].update(machines[m], data: data, model: BinaryMoments(ensemble.histograms[m]))
            }
            ensemble.setMachines(machines)
            iteration += 1

            if iteration == config.iterations { phase = .after }
        case .after:
            after = ensemble.divergences(target: target)
            phase = .done
        case .done:
            break
        }
        ensemble.resetMeasurements()
    }

    /// Live: the learning rate η₀ of every network's contrastive rule (science.md 2.4), from the
    /// next training iteration on.
    public var parameters: [ParameterInfo] {
        [ParameterInfo(key: "learning_rate", label: "learning rate η₀", value: learningRate,
                       range: DeterministicEnsembleExperiment.learningRateRange, stepFactor: 1.5)]
    }

    public func setParameter(_ key: String, to value: Double) throws(ParameterError) {
        guard key == "learning_rate" else { throw .unknown(key: key) }
        let range = DeterministicEnsembleExperiment.learningRateRange
        guard range.contains(value) else { throw .outOfRange(key: key, value: value, range: range) }
        learningRate = value
    }

    /// The factor the rule's rate currently carries (`annealFactor` once annealing has begun).
    var annealing: Double {
        config.annealIterations > 0 && iteration >= config.iterations - config.annealIterations ? config.annealFactor : 1
    }

    /// (1/n) Σ_k p*(z_k = 1): the target's mean marginal, the set point's activity.
    static func meanMarginal(_ exact: BoltzmannDistribution) -> Double {
        exact.marginals.reduce(0, +) / Double(exact.unitCount)
    }
}
