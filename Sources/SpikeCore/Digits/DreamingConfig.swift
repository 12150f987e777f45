/// Configuration of `DreamingExperiment` (science.md 2.3 "Bayesian inference & dreaming",
/// 3.4): a trained digit RBM translated to LIF samplers, dreaming freely in one network while a
/// second copy completes clamped held-out images. Units: ms, mV, µS, Hz.
public struct DreamingConfig: Sendable {
    /// All digit images; the held-out split (`heldOutPeriod`) is used for the classifier's
    /// accuracy, the data confidence and the clamped inference trials.
    public var digits: DigitSet
    public var heldOutPeriod: Int
    /// The trained machine (pixels must match the digit images; label units optional).
    public var machine: RestrictedBoltzmannMachine
    public var neuron: LIFParameters
    public var background: PoissonBackground
    /// Integration step dt, ms (the calibration uses the same dt, science.md 1.9).
    public var stepMs: Double
    public var seed: UInt64
    /// Synaptic delay between samplers, ms.
    public var delayMs: Double
    /// Dream statistics start after this, ms.
    public var burnInMs: Double
    /// A precomputed calibration; nil = `CalibrationCache.shared` or measure with `calibrationSettings`.
    public var calibration: ActivationCalibration?
    public var calibrationSettings: CalibrationSettings
    /// Grey-level window: images are the time-averaged visible states over this, ms (slide: 50 ms).
    public var windowMs: Double
    /// Clamped inference: each held-out image is shown for `presentationMs` with the whole image
    /// clamped (label inference), then `presentationMs` with its left half clamped (completion);
    /// the first `settleMs` of each phase are not measured.
    public var presentationMs: Double
    public var settleMs: Double
    /// Clamping strength in bias units (E_l = v_p05 ± α·clampBias).
    public var clampBias: Double
    /// Whether the screen shows the completion network (true) or the free dream (false).
    public var showCompletion: Bool
    /// Images kept in the film strip.
    public var filmLength: Int
    public var rasterWindowMs: Double
    /// The emulated chip both networks run on, one after the other (science.md 4.3); nil = the
    /// ideal model. Each network is the same 174 chip neurons (the same mismatch).
    public var hardware: HardwareRealisation? = nil
    /// How each chip neuron's own activation function is obtained [CHOICE]: `.shifted` (the shared
    /// calibration moved by its mismatch, no simulation) by default, since measuring 174 neurons
    /// one by one costs ≈ 30 s of simulation per chip.
    public var neuronCalibration: NeuronCalibrationMethod = .shifted
    /// The noise both networks start with (live parameter `noise`): private Poisson `background`,
    /// or each network as copy 0 of a noise-free ensemble (`ensemble`; ideal model only).
    public var noise: DreamingNoise = .poisson
    public var ensemble = DreamingEnsembleSettings()

    public init(digits: DigitSet, machine: RestrictedBoltzmannMachine, heldOutPeriod: Int = 5,
                neuron: LIFParameters = .sbsDefault, background: PoissonBackground = .sbsDefault, stepMs: Double = 0.1,
                seed: UInt64 = 42, delayMs: Double = 0.1, burnInMs: Double = 200, calibration: ActivationCalibration? = nil,
                calibrationSettings: CalibrationSettings = .standard, windowMs: Double = 50, presentationMs: Double = 200,
                settleMs: Double = 50, clampBias: Double = 20, showCompletion: Bool = false, filmLength: Int = 12,
                rasterWindowMs: Double = 200) {
        self.digits = digits
        self.heldOutPeriod = heldOutPeriod
        self.machine = machine
        self.neuron = neuron
        self.background = background
        self.stepMs = stepMs
        self.seed = seed
        self.delayMs = delayMs
        self.burnInMs = burnInMs
        self.calibration = calibration
        self.calibrationSettings = calibrationSettings
        self.windowMs = windowMs
        self.presentationMs = presentationMs
        self.settleMs = settleMs
        self.clampBias = clampBias
        self.showCompletion = showCompletion
        self.filmLength = filmLength
        self.rasterWindowMs = rasterWindowMs
    }

    public var effectiveCalibrationSettings: CalibrationSettings {
        calibrationSettings.with(neuron: neuron, background: background, stepMs: stepMs)
    }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var p = neuron.validate() + background.validate()
        if machine.pixelCount != digits.pixelCount {
            p.append("the machine has \(machine.pixelCount) pixel units but the images have \(digits.pixelCount) pixels")
        }
        if machine.labelCount != 0 && machine.labelCount != DigitSet.classCount {
            p.append("expected 0 or \(DigitSet.classCount) label units, got \(machine.labelCount)")
        }
        if heldOutPeriod < 2 { p.append("heldOutPeriod must be >= 2") }
        if !(stepMs > 0 && stepMs <= 1) { p.append("stepMs must be in (0, 1] ms, is \(stepMs)") }
        if !(neuron.tauRefrac >= 10 * stepMs) { p.append("tauRefrac must be at least 10 steps") }
        if !(windowMs >= 10 * stepMs) { p.append("windowMs must be at least 10 steps") }
        if !(settleMs >= 0 && settleMs + 10 * stepMs <= presentationMs) { p.append("settleMs must leave at least 10 steps of each presentation") }
        if !(clampBias > 0) { p.append("clampBias must be > 0") }
        if filmLength < 1 { p.append("filmLength must be >= 1") }
        if !(burnInMs >= 0) { p.append("burnInMs must be >= 0") }
        if !(delayMs >= 0 && delayMs <= 100) { p.append("delayMs must be in 0...100 ms") }
        if calibration == nil { p += effectiveCalibrationSettings.validate() }
        if noise == .ensemble && hardware != nil { p.append("ensemble noise is not emulated on a chip (hardware must be ideal)") }
        p += ensemble.validate(neuronsPerCopy: machine.unitCount).map { "ensemble: " + $0 }
        return p
    }
}
