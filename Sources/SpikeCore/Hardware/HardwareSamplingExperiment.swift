/// Physical computation without noise (science.md 4; slide "Physical stochastic computation
/// without noise", BrainScaleS): the canonical Boltzmann machine sampled by LIF networks in
/// three lanes advanced in lockstep,
///
/// 1. ideal: the simulated model with the shared calibration (science.md 1);
/// 2. open loop: the same translation on an emulated chip (`HardwareRealisation`: per-neuron
///    calibration under its own mismatch, quantised and distorted weights);
/// 3. in the loop: the same chip trained with shadow weights (`InTheLoopTrainer`), then
///    sampling with the trained parameters.
///
/// Figures: D_KL(p* ‖ p) of each lane over sampled time, the training curve (D_KL per
/// iteration), a histogram of realised against ideal weights (in units of W), and the chip clock.
public final class HardwareSamplingExperiment: Experiment {
    public let config: HardwareSamplingConfig
    public let calibration: ActivationCalibration
    public let exact: BoltzmannDistribution
    public let hardwareTranslation: HardwareTranslation
    public let idealWeights: [[Double]]
    public let openLoopWeights: [[Double]]
    private(set) var ideal: ChipSampler
    private(set) var openLoop: ChipSampler
    public private(set) var trainer: InTheLoopTrainer
    private var klIdeal: KLSeries
    private var klOpenLoop: KLSeries
    private var klInTheLoop: KLSeries
    private var budget = StepBudget()
    public private(set) var timeMs = 0.0
    /// The trained digit RBM on the same chip (nil without `config.digits`).
    public private(set) var digits: DigitsOnChip?
    /// Whether the screen shows the digits lane (live parameter `show_digits`; display only).
    public private(set) var showDigits: Bool

    public init(config: HardwareSamplingConfig) {
        let problems = config.validate()
        precondition(problems.isEmpty, "invalid HardwareSamplingConfig: \(problems.joined(separator: "; "))")
        self.config = config
        let shared = CalibrationCache.shared.resolve(config.calibration, settings: config.effectiveCalibrationSettings).calibration
        calibration = shared
        let m = config.machine, n = m.unitCount
        exact = BoltzmannDistribution(m)
        let translation = LIFSamplingTranslation(neuron: config.neuron, background: config.background, calibration: shared)
        idealWeights = translation.synapticWeights(m)
        let hw = HardwareTranslation(realisation: config.hardware, neuron: config.neuron, background: config.background,
                                     count: n, shared: shared, settings: config.effectiveCalibrationSettings)
        hardwareTranslation = hw
        func sampler(_ r: HardwareRealisation?, stream: UInt64) -> ChipSampler {
            ChipSampler(neuron: config.neuron, background: config.background, unitCount: n, stepMs: config.stepMs,
                        seed: SplitMix64.mix(config.seed ^ stream), delayMs: config.delayMs, burnInMs: config.burnInMs,
                        realisation: r, biases: r == nil ? .leakPotential : config.biases)
        }
        ideal = sampler(nil, stream: 1)
        ideal.configure(restingPotentials: translation.restingPotentials(m), weights: idealWeights)
        openLoop = sampler(config.hardware, stream: 2)
        let programme = hw.programme(m, biases: config.biases)
        openLoopWeights = config.hardware.weights(programme.idealWeights)
        openLoop.configure(restingPotentials: programme.restingPotentials, weights: openLoopWeights)
        trainer = InTheLoopTrainer(machine: m, translation: hw, sampler: sampler(config.hardware, stream: 3),
                                   iterationMs: config.iterationMs, iterations: config.iterations,
                                   rule: ContrastiveUpdate(learningRate: config.learningRate, momentum: config.momentum),
                                   biases: config.biases)
        klIdeal = KLSeries(grid: config.klGrid)
        klOpenLoop = KLSeries(grid: config.klGrid)
        klInTheLoop = KLSeries(grid: config.klGrid)
        showDigits = config.showDigits && config.digits != nil
        digits = config.digits.map {
            DigitsOnChip(digits: $0.digits, machine: $0.machine, settings: $0.settings, neuron: config.neuron,
                         background: config.background, calibration: shared, hardware: config.hardware,
                         stepMs: config.stepMs, delayMs: config.delayMs, seed: config.seed)
        }
    }

    public var stepMs: Double { config.stepMs }

    public func advance(by durationMs: Double) {
        guard durationMs > 0 else { return }
        advance(steps: budget.steps(for: durationMs, stepMs: config.stepMs))
    }

    /// Simulates `steps` steps of every lane (in chunks, so the KL series see their grid points).
    public func advance(steps: Int) {
        var left = steps
        let p = exact.probabilities
        while left > 0 {
            let chunk = min(left, 1000)
            ideal.advance(steps: chunk)
            openLoop.advance(steps: chunk)
            let unused = trainer.advance(steps: chunk)
            if unused > 0 { trainer.evaluate(steps: unused) }
            digits?.advance(steps: chunk)
            left -= chunk
            timeMs += Double(chunk) * config.stepMs
            klIdeal.update(sampledMs: ideal.sampledMs, target: p, counts: ideal.histogram.counts)
            klOpenLoop.update(sampledMs: openLoop.sampledMs, target: p, counts: openLoop.histogram.counts)
            if trainer.isFinished {
                klInTheLoop.update(sampledMs: trainer.sampler.sampledMs, target: p, counts: trainer.sampler.histogram.counts)
            }
        }
    }

    /// Live: the in-the-loop learning rate η₀ (science.md 4.2, 2.4), from the next iteration on.
    /// With the digits lane also `show_digits` (which lane the screen shows; display only).
    public var parameters: [ParameterInfo] {
        [ParameterInfo(key: "learning_rate", label: "in-the-loop learning rate η₀", value: trainer.learningRate,
                       range: Self.learningRateRange, stepFactor: 1.5)]
            + (digits == nil ? [] : [ParameterInfo(key: "show_digits", label: "show: Boltzmann machine (0) / digits (1)",
                                                   value: showDigits ? 1 : 0, range: 0...1, step: 1)])
    }

    /// Allowed η₀, as for the scenario key `[training] learningRate`.
    public static let learningRateRange: ClosedRange<Double> = 0.0001...10

    public func setParameter(_ key: String, to value: Double) throws(ParameterError) {
        if key == "show_digits" && digits != nil {
            guard (0...1).contains(value) else { throw .outOfRange(key: key, value: value, range: 0...1) }
            showDigits = value >= 0.5
            return
        }
        guard key == "learning_rate" else { throw .unknown(key: key) }
        guard Self.learningRateRange.contains(value) else {
            throw .outOfRange(key: key, value: value, range: Self.learningRateRange)
        }
        trainer.learningRate = value
    }

    // MARK: readout

    private func dkl(_ s: ChipSampler) -> Double {
        s.histogram.totalSteps > 0 ? KullbackLeibler.targetToSampled(target: exact.probabilities, counts: s.histogram.counts) : .nan
    }

    /// D_KL of the ideal, open-loop and (after training) in-the-loop lanes.
    public var dklIdeal: Double { dkl(ideal) }
    public var dklOpenLoop: Double { dkl(openLoop) }
    public var dklInTheLoop: Double { trainer.isFinished ? dkl(trainer.sampler) : .nan }

    public func readout() -> Readout {
        let profile = config.hardware.profile
        let clock = profile.clock
        let curve = trainer.curve.enumerated().map { (timeMs: Double($0.offset), value: $0.element) }
        var figures = [
            Figure(name: "dkl_ideal", value: dklIdeal, label: "D_KL(p*‖p) ideal model"),
            Figure(name: "dkl_open_loop", value: dklOpenLoop, label: "D_KL(p*‖p) \(profile.title), open loop"),
            Figure(name: "dkl_in_the_loop", value: dklInTheLoop,
                   label: "D_KL(p*‖p) \(profile.title), trained in the loop (after \(config.iterations) iterations)"),
            Figure(name: "chip_wall_ms", value: clock?.chipWallMs(biologicalMs: timeMs) ?? .nan,
                   label: "wall-clock the chip needs for this biological time (ms)"),
            Figure(name: "speedup", value: profile.speedup ?? .nan, label: "chip speed-up over biological time"),
            Figure(name: "training_iterations", value: Double(trainer.iterationsDone), label: "in-the-loop iterations done"),
            Figure(name: "dkl_training_last", value: trainer.curve.last ?? .nan,
                   label: "D_KL(p*‖p) of the last training iteration (\(Int(config.iterationMs)) ms)"),
            Figure(name: "sampled_ms", value: ideal.sampledMs, label: "sampled time of the ideal and open-loop lanes (ms)"),
            Figure(name: "weight_levels", value: profile.weightLevels.map(Double.init) ?? .nan, label: "weight levels 2^B"),
            Figure(name: "chip_seed", value: Double(config.hardware.chipSeed), label: "chip seed (fixed-pattern noise)"),
            Figure(name: "failed_calibrations", value: Double(hardwareTranslation.failedCalibrations),
                   label: "per-neuron calibrations that failed (shared one used)"),
        ]
        figures.append(Figure(name: "v_p05_mv", value: calibration.vP05, label: "shared calibration v_p05 (mV)"))
        figures.append(Figure(name: "alpha_mv", value: calibration.alpha, label: "shared calibration α (mV)"))
        var series = [Series(name: "dkl_ideal", points: klIdeal.points),
                      Series(name: "dkl_open_loop", points: klOpenLoop.points),
                      Series(name: "dkl_in_the_loop", points: klInTheLoop.points),
                      Series(name: "training_curve", points: curve)]
        var distributions = [weightHistogram()]
        if let d = digits {
            figures += d.figures(chip: profile.title)
            series += d.series
            distributions.append(d.weightHistogram)
        }
        return Readout(timeMs: timeMs, figures: figures, series: series, distributions: distributions)
    }

    /// Histogram of the ideal weights W against the realised ones (open loop, and in the loop
    /// now), each realised conductance expressed in units of W by its neuron's own factor.
    func weightHistogram() -> Distribution {
        let m = config.machine, n = m.unitCount
        func values(_ w: [[Double]]) -> [Double] {
            var v: [Double] = []
            for j in 0..<n { for k in 0..<n where k != j { v.append(hardwareTranslation.boltzmannWeight(w[j][k], post: k, machine: m)) } }
            return v
        }
        var idealW: [Double] = []
        for j in 0..<n { for k in 0..<n where k != j { idealW.append(m.weight(k, j)) } }
        return WeightHistogram.distribution([idealW, values(openLoopWeights), values(trainer.realisedWeights)],
                                            width: config.weightBinWidth,
                                            label: "weights in units of W: ideal vs realised on the chip",
                                            seriesNames: ["ideal W", "open loop", "in the loop"])
    }
}

extension String {
    /// `x` with two decimals (no Foundation).
    init(format2 x: Double) {
        let r = (x * 100).rounded() / 100
        let sign = r < 0 ? "-" : ""
        let a = abs(r), whole = Int(a), frac = Int(((a - Double(whole)) * 100).rounded())
        self = sign + "\(whole)." + (frac < 10 ? "0\(frac)" : "\(frac)")
    }
}
