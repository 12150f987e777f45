/// Dreaming and inference in a spiking network trained on real handwritten digits
/// (science.md 2.3, slide "Bayesian inference & dreaming"; 3.4; [Dold2019], [Leng2018]).
///
/// Two LIF copies of the same trained RBM run side by side, under Poisson noise or (live
/// parameter `noise`) each as copy 0 of a noise-free ensemble of M copies whose spikes are each
/// other's only background ([Dold2019], science.md 2.3; `RBMSamplingNetwork+Ensemble.swift`):
/// - the *dream* network runs free; every `windowMs` its visible pixels, averaged over the window
///   (time in z = 1 / window), form a grey-level image that the softmax classifier labels;
/// - the *inference* network cycles through held-out images: the whole image clamped (label
///   inference: the most active label unit), then only its left half clamped (pattern completion:
///   the classifier labels the completed image). A block-Gibbs chain on the same RBM does the same
///   label inference in lockstep, one sweep per τ_ref (science.md 1.11), as reference.
public final class DreamingExperiment: Experiment {
    public let config: DreamingConfig
    public let calibration: ActivationCalibration
    public let calibrationMeasured: Bool
    public let classifier: SoftmaxClassifier
    public let heldOut: DigitSet
    /// Held-out accuracy of the classifier and its mean confidence on held-out images.
    public let classifierAccuracy: Double
    public let dataConfidenceMean: Double
    /// The translation onto the emulated chip (nil for the ideal model).
    public let hardwareTranslation: HardwareTranslation?

    public private(set) var dream: RBMSamplingNetwork
    public private(set) var inference: RBMSamplingNetwork
    public private(set) var gibbs: ClampedGibbsChain
    public private(set) var windowMs: Double
    public private(set) var showCompletion: Bool
    /// The noise the networks receive now; switching rebuilds both networks and restarts the
    /// statistics (dream burn-in included).
    public private(set) var noise: DreamingNoise
    /// The activation function under the ensemble's own background, measured the first time the
    /// ensemble is used (nil until then).
    public private(set) var ensembleCalibration: DreamingEnsembleCalibration?

    /// The most recent dreamed images (grey levels) and their classes, oldest first, after
    /// burn-in: at most `retainedImageLimit`, so memory stays bounded in long and live runs
    /// (issue 12; 2000 images of 64 pixels ≈ 1.1 MB). `--export-samples` lifts the limit.
    public private(set) var dreamImages: [[Double]] = []
    public private(set) var dreamLabels: [Int] = []
    public var retainedImageLimit = 2000
    /// Over the whole dream (not only the retained images): images per class, Σ confidence,
    /// number of images.
    public private(set) var dreamClassCounts = Array(repeating: 0, count: DigitSet.classCount)
    public private(set) var dreamConfidenceSum = 0.0
    public private(set) var dreamCount = 0
    /// Film strips: the latest dreamed and completed images with captions.
    public private(set) var dreamFilm: [ReadoutImage] = []
    public private(set) var completionFilm: [ReadoutImage] = []
    /// Inference trials: counts of trials and correct answers.
    public private(set) var labelTrials = 0, labelCorrectSpiking = 0, labelCorrectGibbs = 0
    public private(set) var completionTrials = 0, completionCorrect = 0

    private var budget = StepBudget()
    private var stepIndex: Int64 = 0
    private var windowSteps: Int
    private var stepsInWindow = 0
    private let presentationSteps: Int, settleSteps: Int, refractorySteps: Int
    /// Inference schedule: which held-out image, which phase (0 label, 1 completion), step in phase.
    private var presentation = 0, phase = 0, phaseStep = 0
    private var gibbsLabelCounts: [Int]
    private let burnInSteps: Int64
    /// Dream statistics start after this step; the networks were built at `networkStartStep`.
    private var statisticsStartStep: Int64
    private(set) var networkStartStep: Int64 = 0
    private let inferenceSeed: UInt64

    public init(config: DreamingConfig) {
        let problems = config.validate()
        precondition(problems.isEmpty, "invalid DreamingConfig: \(problems.joined(separator: "; "))")
        self.config = config
        (calibration, calibrationMeasured) = CalibrationCache.shared.resolve(config.calibration,
                                                                            settings: config.effectiveCalibrationSettings)
        let split = config.digits.split(heldOutPeriod: config.heldOutPeriod)
        heldOut = split.heldOut
        let c = SoftmaxClassifier.digits(training: split.training)
        classifier = c
        let heldOutInputs = (0..<split.heldOut.count).map { split.heldOut.binary($0).map { $0 ? 1.0 : 0.0 } }
        classifierAccuracy = c.accuracy(heldOutInputs, labels: split.heldOut.labels)
        dataConfidenceMean = heldOutInputs.reduce(0) { $0 + c.classify($1).confidence } / Double(max(1, heldOutInputs.count))
        let dt = config.stepMs
        let shared = calibration
        let chip = config.hardware.map {
            HardwareTranslation(realisation: $0, neuron: config.neuron, background: config.background,
                                count: config.machine.unitCount, shared: shared,
                                settings: HardwareTranslation.perNeuronSettings(config.effectiveCalibrationSettings, around: shared),
                                method: config.neuronCalibration)
        }
        hardwareTranslation = chip
        dream = RBMSamplingNetwork(machine: config.machine, neuron: config.neuron, background: config.background,
                                   calibration: calibration, stepMs: dt, seed: config.seed, delayMs: config.delayMs,
                                   clampBias: config.clampBias, hardware: chip)
        var seeds = Xoshiro256StarStar(seed: config.seed, stream: RandomStream.experiment(0xD2EA_0001))
        inferenceSeed = seeds.next()
        inference = RBMSamplingNetwork(machine: config.machine, neuron: config.neuron, background: config.background,
                                       calibration: calibration, stepMs: dt, seed: inferenceSeed, delayMs: config.delayMs,
                                       clampBias: config.clampBias, hardware: chip)
        noise = .poisson
        gibbs = ClampedGibbsChain(machine: config.machine, rng: Xoshiro256StarStar(seed: config.seed, stream: RandomStream.experiment(0xD2EA_0002)))
        windowMs = config.windowMs
        showCompletion = config.showCompletion
        windowSteps = max(1, Int((config.windowMs / dt).rounded()))
        presentationSteps = max(1, Int((config.presentationMs / dt).rounded()))
        settleSteps = Int((config.settleMs / dt).rounded())
        refractorySteps = max(1, Int((config.neuron.tauRefrac / dt).rounded()))
        burnInSteps = Int64((config.burnInMs / dt).rounded())
        statisticsStartStep = burnInSteps
        gibbsLabelCounts = Array(repeating: 0, count: config.machine.labelCount)
        if config.noise == .ensemble { useEnsemble() }
        startPhase()
    }

    // MARK: noise

    /// Rebuilds both networks as copy 0 of their own noise-free ensemble (calibrating it the first
    /// time): the dream ensemble wired from the experiment seed, the inference one from the
    /// inference network's seed.
    private func useEnsemble() {
        let c = config
        let cal = ensembleCalibration ?? DreamingEnsembleCalibration.measure(
            machine: c.machine, neuron: c.neuron, poisson: c.background, start: calibration, settings: c.ensemble,
            stepMs: c.stepMs, delayMs: c.delayMs, seed: c.seed)
        ensembleCalibration = cal
        dream = RBMSamplingNetwork(machine: c.machine, neuron: c.neuron, translation: cal.translation, ensemble: cal.background,
                                   stepMs: c.stepMs, seed: c.seed, delayMs: c.delayMs, clampBias: c.clampBias)
        inference = RBMSamplingNetwork(machine: c.machine, neuron: c.neuron, translation: cal.translation, ensemble: cal.background,
                                       stepMs: c.stepMs, seed: inferenceSeed, delayMs: c.delayMs, clampBias: c.clampBias)
        noise = .ensemble
    }

    /// Back to the Poisson reference: both networks rebuilt as at the start (ideal model).
    private func usePoisson() {
        let c = config
        dream = RBMSamplingNetwork(machine: c.machine, neuron: c.neuron, background: c.background, calibration: calibration,
                                   stepMs: c.stepMs, seed: c.seed, delayMs: c.delayMs, clampBias: c.clampBias,
                                   hardware: hardwareTranslation)
        inference = RBMSamplingNetwork(machine: c.machine, neuron: c.neuron, background: c.background, calibration: calibration,
                                       stepMs: c.stepMs, seed: inferenceSeed, delayMs: c.delayMs, clampBias: c.clampBias,
                                       hardware: hardwareTranslation)
        noise = .poisson
    }

    /// Switches the noise: new networks from now on, dream and inference statistics restarted
    /// (the dream after a new burn-in), the inference schedule from the current held-out image.
    private func switchNoise(to next: DreamingNoise) {
        guard next != noise else { return }
        if next == .ensemble { useEnsemble() } else { usePoisson() }
        networkStartStep = stepIndex
        statisticsStartStep = stepIndex + burnInSteps
        stepsInWindow = 0
        dreamImages = []; dreamLabels = []
        dreamClassCounts = Array(repeating: 0, count: DigitSet.classCount); dreamConfidenceSum = 0; dreamCount = 0
        dreamFilm = []; completionFilm = []
        labelTrials = 0; labelCorrectSpiking = 0; labelCorrectGibbs = 0
        completionTrials = 0; completionCorrect = 0
        phase = 0
        startPhase()
    }

    public var timeMs: Double { Double(stepIndex) * config.stepMs }
    public var stepMs: Double { config.stepMs }

    public func advance(by durationMs: Double) {
        guard durationMs > 0 else { return }
        advance(steps: budget.steps(for: durationMs, stepMs: config.stepMs))
    }

    /// Simulates `steps` integration steps of both networks (and the Gibbs reference).
    public func advance(steps: Int) {
        for _ in 0..<steps {
            dream.step()
            inference.step()
            stepIndex += 1
            stepsInWindow += 1
            if stepsInWindow >= windowSteps { closeDreamWindow() }
            advanceInference()
        }
    }

    // MARK: dreaming

    private func closeDreamWindow() {
        let image = (0..<config.machine.pixelCount).map { dream.onFraction($0) }
        dream.resetWindow()
        stepsInWindow = 0
        guard stepIndex > statisticsStartStep else { return }
        let (label, confidence) = classifier.classify(image)
        dreamClassCounts[label] += 1
        dreamConfidenceSum += confidence
        dreamCount += 1
        dreamImages.append(image)
        dreamLabels.append(label)
        if dreamImages.count > retainedImageLimit {
            dreamImages.removeFirst(dreamImages.count - retainedImageLimit)
            dreamLabels.removeFirst(dreamLabels.count - retainedImageLimit)
        }
        append(&dreamFilm, image: image, label: "dream", caption: "\(label) \(Self.percent(confidence))")
    }

    private func append(_ film: inout [ReadoutImage], image: [Double], label: String, caption: String) {
        film.append(ReadoutImage(label: label, width: config.digits.width, height: config.digits.height, values: image,
                                 caption: caption, timeMs: timeMs))
        if film.count > config.filmLength { film.removeFirst(film.count - config.filmLength) }
    }

    static func percent(_ p: Double) -> String { "\(Int((p * 100).rounded()))%" }

    // MARK: clamped inference

    /// The held-out image shown now.
    public var currentTestIndex: Int { presentation % heldOut.count }

    /// Clamps the inference network and the Gibbs chain for the current phase.
    private func startPhase() {
        let image = heldOut.binary(currentTestIndex)
        let m = config.machine
        inference.releaseAll()
        for i in 0..<m.pixelCount {
            let column = i % config.digits.width
            let clamped = phase == 0 || column < config.digits.width / 2
            inference.clamp(i, to: clamped ? image[i] : nil)
            gibbs.clamp(i, to: phase == 0 ? image[i] : nil)
        }
        phaseStep = 0
        inference.resetWindow()
        for l in gibbsLabelCounts.indices { gibbsLabelCounts[l] = 0 }
    }

    private func advanceInference() {
        phaseStep += 1
        if phase == 0 && phaseStep % refractorySteps == 0 {
            gibbs.sweep()
            if phaseStep > settleSteps {
                for l in gibbsLabelCounts.indices where gibbs.visible[config.machine.pixelCount + l] > 0 { gibbsLabelCounts[l] += 1 }
            }
        }
        if phaseStep == settleSteps { inference.resetWindow() }
        guard phaseStep >= presentationSteps else { return }
        let truth = heldOut.labels[currentTestIndex]
        let m = config.machine
        if phase == 0 {
            if m.labelCount > 0 {
                let spiking = Self.argmax((0..<m.labelCount).map { Double(inference.onSteps[m.pixelCount + $0]) })
                let gibbsLabel = Self.argmax(gibbsLabelCounts.map(Double.init))
                labelTrials += 1
                if spiking == truth { labelCorrectSpiking += 1 }
                if gibbsLabel == truth { labelCorrectGibbs += 1 }
            }
            phase = 1
        } else {
            let image = (0..<m.pixelCount).map { inference.onFraction($0) }
            let (label, confidence) = classifier.classify(image)
            completionTrials += 1
            if label == truth { completionCorrect += 1 }
            append(&completionFilm, image: image, label: "completion", caption: "\(label) \(Self.percent(confidence))")
            phase = 0
            presentation += 1
        }
        startPhase()
    }

    /// Index of the largest value; nil when all are zero (no evidence counts as a wrong answer).
    static func argmax(_ values: [Double]) -> Int? {
        guard let top = values.max(), top > 0 else { return nil }
        return values.firstIndex(of: top)
    }

    // MARK: parameters

    public var parameters: [ParameterInfo] {
        [
            ParameterInfo(key: "show_completion", label: "show: dream (0) / completion (1)", value: showCompletion ? 1 : 0,
                          range: 0...1, step: 1),
            ParameterInfo(key: "window_ms", label: "grey-level window (ms)", value: windowMs,
                          range: max(10 * config.stepMs, 10)...1000, stepFactor: 1.25),
        ] + (hardwareTranslation == nil ? [
            ParameterInfo(key: "noise", label: "noise: Poisson (0) / ensemble of \(config.ensemble.copies) (1)",
                          value: Double(noise.rawValue), range: 0...1, step: 1),
        ] : [])
    }

    public func setParameter(_ key: String, to value: Double) throws(ParameterError) {
        guard let info = parameters.first(where: { $0.key == key }) else { throw .unknown(key: key) }
        guard info.range.contains(value) else { throw .outOfRange(key: key, value: value, range: info.range) }
        switch key {
        case "show_completion":
            showCompletion = value >= 0.5
        case "noise":
            switchNoise(to: value >= 0.5 ? .ensemble : .poisson)
        default:
            windowMs = value
            windowSteps = max(1, Int((value / config.stepMs).rounded()))
            dream.resetWindow()
            stepsInWindow = 0
        }
    }
}

/// A clicked raster row of the dreaming screen: the unit is recorded in both networks (the
/// raster shows whichever is on display), sampled every 0.1 ms over the last 200 ms.
extension DreamingExperiment: MembraneProbing {
    static let probeWindowMs = 200.0

    public func probeMembrane(of neuron: Int) {
        guard neuron >= 0, neuron < dream.unitCount else { return }
        let (interval, capacity) = HighConductanceStateExperiment.probeSampling(traceWindowMs: Self.probeWindowMs, stepMs: config.stepMs)
        dream.probeMembrane(of: neuron, intervalSteps: interval, capacity: capacity)
        inference.probeMembrane(of: neuron, intervalSteps: interval, capacity: capacity)
    }

    public func probedMembrane() -> (neuron: Int, trace: Trace)? {
        let shown = showCompletion ? inference : dream
        return shown.membraneProbe.trace(in: shown.network, stepMs: config.stepMs,
                                         windowSteps: Int64((Self.probeWindowMs / config.stepMs).rounded()),
                                         threshold: config.neuron.vThresh)
    }
}
