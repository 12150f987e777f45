/// What a stream of `MixingExperiment` samples with (science.md 3.4 step 4, 3.5, 3.6).
public enum MixingSamplerKind: Sendable, Equatable {
    /// Block Gibbs, one sweep per slot.
    case gibbs
    /// Adaptive simulated tempering, one sweep per slot, samples kept at β = 1.
    case tempering
    /// LIF samplers with these synapses; `oscillating`: the background follows the config's
    /// oscillation and samples are kept only in its readout window.
    case spiking(MixingSynapses, oscillating: Bool)
}

/// One image stream: a figure-name suffix, a label and a sampler.
public struct MixingStreamSpec: Sendable, Equatable {
    public var name: String
    public var label: String
    public var kind: MixingSamplerKind

    public init(name: String, label: String, kind: MixingSamplerKind) {
        self.name = name
        self.label = label
        self.kind = kind
    }
}

/// Configuration of `MixingExperiment` (science.md 3.1–3.6; [Leng2018], [KorcsakGorzo2022]).
/// Units: ms, mV, µS, Hz.
public struct MixingConfig: Sendable {
    /// The trained RBM as a bipartite Boltzmann machine: visible units (pixels, then labels)
    /// first, hidden after.
    public var machine: BoltzmannMachine
    /// Visible units (pixels + labels) and image pixels (the first `pixelCount` visible units).
    public var visibleCount: Int
    public var imageWidth: Int
    public var imageHeight: Int
    /// Labels a sample's pixel values (in [0, 1]) with a class 0 ..< classCount.
    public var classify: @Sendable ([Double]) -> Int
    public var classCount: Int
    /// Class frequencies of the training data (for the occupancy D_KL).
    public var dataClassFrequencies: [Double]
    /// Start images (binary pixels); restarts cycle through them.
    public var startImages: [[Bool]]
    public var streams: [MixingStreamSpec]
    public var neuron: LIFParameters
    public var background: PoissonBackground
    /// Background modulation of the oscillating streams (its base must equal `background`).
    public var oscillation: OscillatingBackground
    public var readoutWindow: PhaseWindow
    /// Translate the oscillating streams with the activation function calibrated at the trough
    /// rate (true: troughs at temperature 1, peaks hotter) instead of at the mean rate.
    public var calibrateOscillationAtTrough = true
    public var stepMs: Double
    public var seed: UInt64
    /// Calibration (v_p05, α) for neuron, background and stepMs; nil = `CalibrationCache.shared`.
    public var calibration: ActivationCalibration?
    public var calibrationSettings: CalibrationSettings
    public var delayMs: Double
    /// One budget slot: one sweep = this much LIF time (science.md 1.11: τ_ref = 10 ms).
    public var sampleIntervalMs: Double
    /// How long the visible units are clamped to the start image, ms.
    public var clampMs: Double
    public var temperingLevels: Int
    public var temperingMinimumBeta: Double
    public var temperingGamma0: Double
    public var temperingDecaySweeps: Double
    /// Slots per batch of the switch-rate standard error.
    public var batchSlots: Int
    /// Autocorrelation lags kept (samples).
    public var maxLag: Int
    /// Recent samples per stream in the readout; free-energy points kept per stream.
    public var stripLength: Int
    public var freeEnergyPoints: Int
    /// The emulated chip the LIF streams run on, one after the other on the same neurons
    /// (science.md 4.3); nil = the ideal model. Gibbs and tempering stay the ideal references.
    public var hardware: HardwareRealisation? = nil
    /// How each chip neuron's own activation function is obtained (see `DreamingConfig.neuronCalibration`).
    public var neuronCalibration: NeuronCalibrationMethod = .shifted

    public init(machine: BoltzmannMachine, visibleCount: Int, imageWidth: Int, imageHeight: Int,
                classify: @escaping @Sendable ([Double]) -> Int, classCount: Int = 10, dataClassFrequencies: [Double],
                startImages: [[Bool]], streams: [MixingStreamSpec], neuron: LIFParameters = .sbsDefault,
                background: PoissonBackground = .sbsDefault, oscillation: OscillatingBackground = OscillatingBackground(),
                readoutWindow: PhaseWindow = .trough(widthMs: 20), stepMs: Double = 0.1, seed: UInt64 = 42,
                calibration: ActivationCalibration? = nil, calibrationSettings: CalibrationSettings = .standard,
                delayMs: Double = 0.1, sampleIntervalMs: Double = 10, clampMs: Double = 20, temperingLevels: Int = 10,
                temperingMinimumBeta: Double = 0.6, temperingGamma0: Double = 1, temperingDecaySweeps: Double = 1000,
                batchSlots: Int = 1000, maxLag: Int = 200, stripLength: Int = 48, freeEnergyPoints: Int = 300) {
        self.machine = machine
        self.visibleCount = visibleCount
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.classify = classify
        self.classCount = classCount
        self.dataClassFrequencies = dataClassFrequencies
        self.startImages = startImages
        self.streams = streams
        self.neuron = neuron
        self.background = background
        self.oscillation = oscillation
        self.readoutWindow = readoutWindow
        self.stepMs = stepMs
        self.seed = seed
        self.calibration = calibration
        self.calibrationSettings = calibrationSettings
        self.delayMs = delayMs
        self.sampleIntervalMs = sampleIntervalMs
        self.clampMs = clampMs
        self.temperingLevels = temperingLevels
        self.temperingMinimumBeta = temperingMinimumBeta
        self.temperingGamma0 = temperingGamma0
        self.temperingDecaySweeps = temperingDecaySweeps
        self.batchSlots = batchSlots
        self.maxLag = maxLag
        self.stripLength = stripLength
        self.freeEnergyPoints = freeEnergyPoints
    }

    public var pixelCount: Int { imageWidth * imageHeight }

    /// The calibration settings actually used (same neuron, background and step as the network).
    public var effectiveCalibrationSettings: CalibrationSettings {
        calibrationSettings.with(neuron: neuron, background: background, stepMs: stepMs)
    }

    /// Steps per slot.
    public var sampleSteps: Int { max(1, Int((sampleIntervalMs / stepMs).rounded())) }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems = neuron.validate() + background.validate() + oscillation.validate()
        if !machine.isBipartite(visibleCount: visibleCount) {
            problems.append("the machine must be bipartite with \(visibleCount) visible units first")
        }
        if pixelCount < 1 || pixelCount > visibleCount { problems.append("image size must fit in the visible units") }
        if dataClassFrequencies.count != classCount { problems.append("expected \(classCount) data class frequencies") }
        if startImages.isEmpty || startImages.contains(where: { $0.count != pixelCount }) {
            problems.append("expected at least one start image of \(pixelCount) pixels")
        }
        if streams.isEmpty { problems.append("expected at least one stream") }
        if Set(streams.map(\.name)).count != streams.count { problems.append("stream names must be distinct") }
        for s in streams {
            if case .spiking(let syn, _) = s.kind { problems += syn.validate().map { "stream \(s.name): \($0)" } }
        }
        if oscillation.base != background { problems.append("the oscillation's base background must be the background") }
        if !(stepMs > 0 && stepMs <= 1) { problems.append("stepMs must be in (0, 1] ms, is \(stepMs)") }
        if !(sampleIntervalMs >= 10 * stepMs) { problems.append("sampleIntervalMs must be at least 10 steps") }
        if !(clampMs >= 0) { problems.append("clampMs must be >= 0") }
        if temperingLevels < 2 { problems.append("tempering needs at least 2 levels") }
        if !(temperingMinimumBeta > 0 && temperingMinimumBeta < 1) { problems.append("tempering minimum beta must be in (0, 1)") }
        if !(temperingGamma0 > 0 && temperingDecaySweeps > 0) { problems.append("tempering adaptation must be > 0") }
        if batchSlots < 10 { problems.append("batchSlots must be >= 10") }
        if maxLag < 1 || stripLength < 1 || freeEnergyPoints < 2 { problems.append("display sizes must be positive") }
        if calibration == nil { problems += effectiveCalibrationSettings.validate() }
        return problems
    }
}
