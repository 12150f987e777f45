/// Configuration of `HardwareSamplingExperiment` (science.md 4): one Boltzmann machine sampled
/// by LIF networks in three lanes — ideal, open-loop on an emulated chip, in-the-loop trained
/// on the same chip. Units: ms, mV, µS, Hz.
public struct HardwareSamplingConfig: Sendable {
    public var machine: BoltzmannMachine
    public var neuron: LIFParameters
    public var background: PoissonBackground
    /// Integration step, ms (sbs runs networks at 0.1 ms; calibrations use the same step).
    public var stepMs: Double
    public var seed: UInt64
    /// The chip: profile and chip seed.
    public var hardware: HardwareRealisation
    /// How the chip lanes realise the biases (E_l, or always-on bias neurons as in [Kungl2019]).
    public var biases: BiasRealisation = .leakPotential
    public var delayMs: Double
    /// Burn-in of the ideal and open-loop lanes and of every training iteration, ms.
    public var burnInMs: Double
    /// Shared calibration (nil: measured with `calibrationSettings`, cached).
    public var calibration: ActivationCalibration?
    public var calibrationSettings: CalibrationSettings
    /// Sampled time per training iteration, ms, and number of iterations.
    public var iterationMs: Double
    public var iterations: Int
    /// Contrastive rule: initial learning rate η₀ and momentum μ (science.md 2.4).
    public var learningRate: Double
    public var momentum: Double
    public var klGrid: LogTimeGrid
    /// Bin width of the weight histogram, units of W.
    public var weightBinWidth: Double
    /// The digits lane (nil: the Boltzmann machine only); see `DigitsOnChip`.
    public var digits: DigitsLaneInput? = nil
    /// Whether the screen shows the digits lane first (live parameter `show_digits`).
    public var showDigits = false

    public init(machine: BoltzmannMachine = .canonical, neuron: LIFParameters = .sbsDefault,
                background: PoissonBackground = .sbsDefault, stepMs: Double = 0.1, seed: UInt64 = 42,
                hardware: HardwareRealisation = HardwareRealisation(profile: .bss1, chipSeed: 1), delayMs: Double = 0.1,
                burnInMs: Double = 200, calibration: ActivationCalibration? = nil,
                calibrationSettings: CalibrationSettings = HardwareSamplingConfig.defaultCalibration,
                iterationMs: Double = 10_000, iterations: Int = 100, learningRate: Double = 0.1, momentum: Double = 0.9,
                klGrid: LogTimeGrid = LogTimeGrid(first: 100, perDecade: 4), weightBinWidth: Double = 0.1) {
        self.machine = machine
        self.neuron = neuron
        self.background = background
        self.stepMs = stepMs
        self.seed = seed
        self.hardware = hardware
        self.delayMs = delayMs
        self.burnInMs = burnInMs
        self.calibration = calibration
        self.calibrationSettings = calibrationSettings
        self.iterationMs = iterationMs
        self.iterations = iterations
        self.learningRate = learningRate
        self.momentum = momentum
        self.klGrid = klGrid
        self.weightBinWidth = weightBinWidth
    }

    /// Per-neuron calibrations must be cheap enough to run for every chip neuron: 60 points of
    /// 4000 ms after a pre-scan over −65…−35 mV ([CHOICE]; σ(p_on) ≈ 0.05 per point, so v_p05
    /// to ≈ 0.02 mV and α to ≈ 2 %, small against the chip's own errors).
    public static let defaultCalibration = CalibrationSettings(stepMs: 0.1, preScanRangeMv: -65...(-35), preScanStepMv: 0.25,
                                                               preScanDurationMs: 1000, points: 60, burnInMs: 200,
                                                               durationMs: 4000)

    public var effectiveCalibrationSettings: CalibrationSettings {
        calibrationSettings.with(neuron: neuron, background: background, stepMs: stepMs)
    }

    public func validate() -> [String] {
        var problems = neuron.validate() + background.validate()
        if machine.unitCount < 2 || machine.unitCount > 10 { problems.append("expected 2 to 10 units, got \(machine.unitCount)") }
        if !(stepMs > 0 && stepMs <= 1) { problems.append("stepMs must be in (0, 1] ms, is \(stepMs)") }
        if !(neuron.tauRefrac >= 10 * stepMs) { problems.append("tauRefrac must be at least 10 steps") }
        if !(delayMs >= 0 && delayMs <= 100) { problems.append("delayMs must be in 0...100 ms") }
        if !(burnInMs >= 0) { problems.append("burnInMs must be >= 0") }
        if !(iterationMs >= 10 * neuron.tauRefrac) { problems.append("iterationMs must be at least 10 refractory periods") }
        if iterations < 0 || iterations > 100_000 { problems.append("iterations must be in 0...100000") }
        if !(learningRate > 0 && learningRate <= 10) { problems.append("learningRate must be in (0, 10]") }
        if !(momentum >= 0 && momentum < 1) { problems.append("momentum must be in [0, 1)") }
        if !(weightBinWidth > 0) { problems.append("weightBinWidth must be > 0") }
        if calibration == nil { problems += effectiveCalibrationSettings.validate() }
        if let d = digits { problems += d.validate(stepMs: stepMs).map { "digits: " + $0 } }
        return problems
    }
}

/// What the digits lane of `hardware-sampling` runs: every digit image (split into training and
/// held-out images), the trained RBM of the dreaming scenario, and its settings.
public struct DigitsLaneInput: Sendable {
    public var digits: DigitSet
    public var machine: RestrictedBoltzmannMachine
    public var settings: DigitsOnChipSettings

    public init(digits: DigitSet, machine: RestrictedBoltzmannMachine, settings: DigitsOnChipSettings = DigitsOnChipSettings()) {
        self.digits = digits
        self.machine = machine
        self.settings = settings
    }

    public func validate(stepMs: Double) -> [String] {
        var p = settings.validate(stepMs: stepMs)
        if machine.pixelCount != digits.pixelCount {
            p.append("the machine has \(machine.pixelCount) pixel units but the images have \(digits.pixelCount) pixels")
        }
        if machine.labelCount != DigitSet.classCount { p.append("expected \(DigitSet.classCount) label units, got \(machine.labelCount)") }
        return p
    }
}
