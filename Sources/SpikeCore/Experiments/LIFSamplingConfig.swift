/// Configuration of `LIFSamplingExperiment` (science.md 1.1–1.12): a Boltzmann machine
/// translated to a network of conductance-based LIF samplers under Poisson background.
/// Units: ms, mV, µS, Hz.
public struct LIFSamplingConfig: Sendable {
    /// The machine to sample from (2–12 units for the screen; the engine accepts up to 20).
    public var machine: BoltzmannMachine
    public var neuron: LIFParameters
    public var background: PoissonBackground
    /// Integration step dt, ms (the calibration must use the same dt: it absorbs the
    /// integrator's bias, science.md 1.9).
    public var stepMs: Double
    public var seed: UInt64
    /// Renewing synapses (TM with U = 1, τ_rec = τ_syn, science.md 1.8) or static (additive).
    public var renewingSynapses: Bool
    /// Synaptic delay between samplers, ms (sbs: 0.1).
    public var delayMs: Double
    /// Discarded at the start and after every parameter change, ms (sbs: 500).
    public var burnInMs: Double
    /// A precomputed calibration (v_p05, α) for `neuron`, `background`, `stepMs`; nil =
    /// look it up in `CalibrationCache.shared` or compute it with `calibrationSettings`.
    public var calibration: ActivationCalibration?
    /// Used when `calibration` is nil (its neuron/background/step are replaced by the ones above).
    public var calibrationSettings: CalibrationSettings
    /// Spacing of the discrete samples (science.md 1.10), ms.
    public var sampleIntervalMs: Double
    /// Abstract-neural-sampling "on" window τ in steps (one τ_ref of LIF time).
    public var abstractSamplerTau: Int
    /// Reference sampler shown as `dkl_reference`: false = Gibbs, true = abstract neural sampling.
    public var referenceIsAbstract: Bool
    /// Checkpoints of the KL series (sampled time after burn-in, ms).
    public var klGrid: LogTimeGrid
    /// Membrane traces for units 0 ..< tracedNeurons.
    public var tracedNeurons: Int
    public var rasterWindowMs: Double
    public var traceWindowMs: Double
    /// Number of recent states in the landscape's trail.
    public var trailLength: Int
    /// The emulated chip the samplers run on (science.md 4.3: per-neuron calibration under
    /// each neuron's own mismatch, quantised and distorted weights); nil = the ideal model.
    public var hardware: HardwareRealisation? = nil

    public init(machine: BoltzmannMachine = .canonical, neuron: LIFParameters = .sbsDefault,
                background: PoissonBackground = .sbsDefault, stepMs: Double = 0.01, seed: UInt64 = 42,
                renewingSynapses: Bool = true, delayMs: Double = 0.1, burnInMs: Double = 500,
                calibration: ActivationCalibration? = nil, calibrationSettings: CalibrationSettings = .standard,
                sampleIntervalMs: Double = 10, abstractSamplerTau: Int = 20, referenceIsAbstract: Bool = false,
                klGrid: LogTimeGrid = LogTimeGrid(first: 100, perDecade: 4), tracedNeurons: Int = 5,
                rasterWindowMs: Double = 500, traceWindowMs: Double = 200, trailLength: Int = 12,
                hardware: HardwareRealisation? = nil) {
        self.machine = machine
        self.neuron = neuron
        self.background = background
        self.stepMs = stepMs
        self.seed = seed
        self.renewingSynapses = renewingSynapses
        self.delayMs = delayMs
        self.burnInMs = burnInMs
        self.calibration = calibration
        self.calibrationSettings = calibrationSettings
        self.sampleIntervalMs = sampleIntervalMs
        self.abstractSamplerTau = abstractSamplerTau
        self.referenceIsAbstract = referenceIsAbstract
        self.klGrid = klGrid
        self.tracedNeurons = min(tracedNeurons, machine.unitCount)
        self.rasterWindowMs = rasterWindowMs
        self.traceWindowMs = traceWindowMs
        self.trailLength = trailLength
        self.hardware = hardware
    }

    /// The calibration settings actually used (same neuron, background and step as the network).
    public var effectiveCalibrationSettings: CalibrationSettings {
        calibrationSettings.with(neuron: neuron, background: background, stepMs: stepMs)
    }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems = neuron.validate() + background.validate()
        if machine.unitCount < 2 || machine.unitCount > 12 {
            problems.append("expected 2 to 12 units, got \(machine.unitCount)")
        }
        if !(stepMs > 0 && stepMs <= 1) { problems.append("stepMs must be in (0, 1] ms, is \(stepMs)") }
        if !(neuron.tauRefrac >= 10 * stepMs) { problems.append("tauRefrac must be at least 10 steps") }
        if !(delayMs >= 0 && delayMs <= 100) { problems.append("delayMs must be in 0...100 ms") }
        if !(burnInMs >= 0) { problems.append("burnInMs must be >= 0") }
        if !(sampleIntervalMs >= stepMs) { problems.append("sampleIntervalMs must be at least one step") }
        if abstractSamplerTau < 1 { problems.append("abstractSamplerTau must be >= 1") }
        if tracedNeurons < 0 { problems.append("tracedNeurons must be >= 0") }
        if !(rasterWindowMs > 0 && traceWindowMs > 0) { problems.append("display windows must be > 0 ms") }
        if calibration == nil { problems += effectiveCalibrationSettings.validate() }
        return problems
    }
}
