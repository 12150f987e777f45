/// Sampling from a Boltzmann machine with a network of LIF neurons (science.md 1.1–1.12;
/// [Buesing2011], [Petrovici2016], sbs): every unit k is a conductance-based LIF neuron under
/// Poisson background whose state z_k is 1 during its refractory period after a spike. The
/// biases set the resting potentials and the weights the synaptic conductances
/// (`LIFSamplingTranslation`, using the activation-function calibration); synapses between
/// samplers are renewing by default (science.md 1.8).
///
/// The joint state is accumulated time-weighted after a burn-in (`StateHistogram`) and
/// compared with the exact p* (`BoltzmannDistribution`); Gibbs sampling and abstract neural
/// sampling run in lockstep as references (1 Gibbs sweep per τ_ref, science.md 1.11).
/// Statistics restart (with a new burn-in) whenever a parameter changes.
public final class LIFSamplingExperiment: Experiment {
    public let config: LIFSamplingConfig
    /// The calibration used for the translation.
    public let calibration: ActivationCalibration
    /// Whether `calibration` was measured (false: the [OURS] reference values were used
    /// because the calibration failed).
    public let calibrationMeasured: Bool
    /// The machine being sampled (biases change live).
    public private(set) var machine: BoltzmannMachine
    public private(set) var exact: BoltzmannDistribution
    public private(set) var translation: LIFSamplingTranslation
    /// The translation onto the emulated chip (nil for the ideal model).
    public let hardwareTranslation: HardwareTranslation?
    public private(set) var renewingSynapses: Bool
    public private(set) var background: PoissonBackground
    public private(set) var referenceIsAbstract: Bool
    /// The unit whose bias `bias` changes.
    public private(set) var biasUnit = 0
    public let grid: GrayCodeGrid
    /// Bit-string labels of the 2^N states, z0 first (the unit count never changes; built once,
    /// not per frame).
    let stateLabels: [String]

    var run: LIFSamplingRun
    /// The unit the app shows on request (a clicked raster row; `MembraneProbing`).
    var membraneProbe = MembraneProbe()
    private var budget = StepBudget()
    /// Projections: index 0 renewing, 1 static; the inactive one carries zero weights.
    private let renewingProjection = 0, staticProjection = 1

    public init(config: LIFSamplingConfig) {
        let problems = config.validate()
        precondition(problems.isEmpty, "invalid LIFSamplingConfig: \(problems.joined(separator: "; "))")
        self.config = config
        (calibration, calibrationMeasured) = CalibrationCache.shared.resolve(config.calibration,
                                                                            settings: config.effectiveCalibrationSettings)
        machine = config.machine
        exact = BoltzmannDistribution(config.machine)
        translation = LIFSamplingTranslation(neuron: config.neuron, background: config.background, calibration: calibration)
        let shared = calibration
        hardwareTranslation = config.hardware.map {
            HardwareTranslation(realisation: $0, neuron: config.neuron, background: config.background,
                                count: config.machine.unitCount, shared: shared,
                                settings: HardwareTranslation.perNeuronSettings(config.effectiveCalibrationSettings, around: shared))
        }
        renewingSynapses = config.renewingSynapses
        background = config.background
        referenceIsAbstract = config.referenceIsAbstract
        grid = GrayCodeGrid(unitCount: config.machine.unitCount)
        stateLabels = (0..<config.machine.stateCount).map { config.machine.label(index: $0) }

        let n = config.machine.unitCount
        let dt = config.stepMs
        let spikeCapacity = max(1024, Int(Double(n) * (config.rasterWindowMs / config.neuron.tauRefrac + 2)) * 2)
        var network = Network(parameters: config.neuron, count: n, stepMs: dt, seed: config.seed,
                              background: config.background, spikeCapacity: spikeCapacity)
        let empty = DenseWeights(preCount: n, postCount: n)
        network.addProjection(weights: empty, model: .renewing(tauSyn: config.neuron.tauSynE), delayMs: config.delayMs)
        network.addProjection(weights: empty, model: .static, delayMs: config.delayMs)
        network.realise(on: config.hardware, nominal: config.neuron, background: config.background)
        let traceSteps = max(1, Int((config.traceWindowMs / dt).rounded(.up)))
        let interval = max(1, (traceSteps + 1999) / 2000)
        if config.tracedNeurons > 0 {
            network.addMembraneRecorder(neurons: Array(0..<config.tracedNeurons), intervalSteps: interval,
                                        capacity: traceSteps / interval + 1)
        }
        let tauRefSteps = Int64((config.neuron.tauRefrac / dt).rounded())
        run = LIFSamplingRun(
            network: network, unitCount: n, target: exact.probabilities,
            gibbs: GibbsSampler(machine: config.machine, rng: Xoshiro256StarStar(seed: config.seed, stream: RandomStream.experiment(0x61B5))),
            ans: AbstractNeuralSampler(machine: config.machine, tau: config.abstractSamplerTau,
                                       rng: Xoshiro256StarStar(seed: config.seed, stream: RandomStream.experiment(0xA25))),
            gibbsEverySteps: tauRefSteps, ansEverySteps: max(1, tauRefSteps / Int64(config.abstractSamplerTau)),
            sampleIntervalSteps: max(1, Int((config.sampleIntervalMs / dt).rounded())), grid: config.klGrid,
            trailLength: config.trailLength)
        applyTranslation()
        run.restart(burnInSteps: burnInSteps)
    }

    public var timeMs: Double { run.network.timeMs }
    public var stepMs: Double { config.stepMs }
    /// The simulated network (a value snapshot).
    public var network: Network { run.network }
    /// Sampled (measured) time since the last restart, ms.
    public var sampledMs: Double { run.sampledMs }
    private var burnInSteps: Int64 { Int64((config.burnInMs / config.stepMs).rounded()) }

    public func advance(by durationMs: Double) {
        guard durationMs > 0 else { return }
        let steps = budget.steps(for: durationMs, stepMs: config.stepMs)
        run.advance(steps: steps)
    }

    /// Simulates `steps` integration steps.
    public func advance(steps: Int) { run.advance(steps: steps) }

    /// E_l and weights from the current machine, background and synapse type.
    private func applyTranslation() {
        let n = machine.unitCount
        let restingPotentials = hardwareTranslation?.realisedRestingPotentials(machine) ?? translation.restingPotentials(machine)
        for (k, v) in restingPotentials.enumerated() {
            run.network.setRestingPotential(v, neuron: k)
        }
        let signed = hardwareTranslation.map { $0.realisation.weights($0.idealWeights(machine)) }
            ?? translation.synapticWeights(machine)
        let weights = DenseWeights(signed: signed)
        let empty = DenseWeights(preCount: n, postCount: n)
        run.network.setWeights(renewingSynapses ? weights : empty, projection: renewingProjection)
        run.network.setWeights(renewingSynapses ? empty : weights, projection: staticProjection)
    }

    // MARK: parameters

    public var parameters: [ParameterInfo] {
        [
            ParameterInfo(key: "renewing", label: "renewing synapses (1) / static (0)", value: renewingSynapses ? 1 : 0,
                          range: 0...1, step: 1),
            ParameterInfo(key: "bias_unit", label: "unit whose bias changes", value: Double(biasUnit),
                          range: 0...Double(machine.unitCount - 1), step: 1),
            ParameterInfo(key: "bias", label: "bias b of that unit", value: machine.biases[biasUnit],
                          range: -6...6, step: 0.25),
            ParameterInfo(key: "rate_hz", label: "background rate (Hz)", value: background.excRateHz,
                          range: 100...20000, stepFactor: 1.25),
            ParameterInfo(key: "reference_sampler", label: "reference: Gibbs (0) / abstract (1)",
                          value: referenceIsAbstract ? 1 : 0, range: 0...1, step: 1),
        ]
    }

    public func setParameter(_ key: String, to value: Double) throws(ParameterError) {
        guard let info = parameters.first(where: { $0.key == key }) else { throw .unknown(key: key) }
        guard info.range.contains(value) else { throw .outOfRange(key: key, value: value, range: info.range) }
        switch key {
        case "renewing":
            setRenewingSynapses(value >= 0.5)
        case "bias_unit":
            biasUnit = Int(value.rounded())
        case "bias":
            setBias(value, unit: biasUnit)
        case "rate_hz":
            guard value != background.excRateHz else { return }
            background.excRateHz = value
            background.inhRateHz = value
            run.network.setBackground(background, on: config.hardware)
            run.restart(burnInSteps: burnInSteps)
        default:
            referenceIsAbstract = value >= 0.5
        }
    }

    /// Switches between renewing and static synapses and restarts the statistics.
    public func setRenewingSynapses(_ renewing: Bool) {
        guard renewing != renewingSynapses else { return }
        renewingSynapses = renewing
        applyTranslation()
        run.restart(burnInSteps: burnInSteps)
    }

    /// Sets b_k (the target p*, E_l,k and the weight factors into k follow) and restarts.
    public func setBias(_ value: Double, unit k: Int) {
        guard value != machine.biases[k] else { return }
        machine = machine.withBias(value, unit: k)
        exact = BoltzmannDistribution(machine)
        run.target = exact.probabilities
        run.gibbs.setMachine(machine)
        run.ans.setMachine(machine)
        applyTranslation()
        run.restart(burnInSteps: burnInSteps)
    }
}
