/// The digits lane of `hardware-sampling` (science.md 4.2–4.3; issue 7): the trained digit RBM of
/// the dreaming scenario (64 pixels + 10 labels + 100 hidden = 174 LIF samplers, science.md 3.4)
/// run three ways on the same emulated chip as the canonical machine, advanced in lockstep:
///
/// 1. ideal: the simulated model with the shared calibration;
/// 2. open loop: translated with every chip neuron's own (shifted) calibration, weights quantised
///    with a scale per synapse row and distorted by the chip's frozen noise;
/// 3. in the loop: the same chip trained with shadow weights (`DigitsInTheLoopTrainer`), then
///    classifying the same test images with the trained parameters.
///
/// A D_KL over 2^174 states cannot be measured; like [Kungl2019] every lane is measured by the
/// classification accuracy of its label units with held-out images clamped (`LabelTrials`).
public struct DigitsOnChip: Sendable {
    public let settings: DigitsOnChipSettings
    public let machine: RestrictedBoltzmannMachine
    public let translation: HardwareTranslation
    public let testImages: DigitSet
    public private(set) var ideal: LabelTrials
    public private(set) var openLoop: LabelTrials
    public private(set) var trainer: DigitsInTheLoopTrainer
    /// The trained chip classifying the test images (nil while training).
    public private(set) var trained: LabelTrials?
    /// Realised weights of the open-loop and (current) in-the-loop chip in units of W, one value
    /// per synapse (v→h and h→v), for the histogram; the ideal W listed the same way.
    public let idealWeightValues: [Double]
    public let openLoopWeightValues: [Double]
    public private(set) var inTheLoopWeightValues: [Double]
    /// The histogram of the three weight lists (`weightHistogram(ideal:openLoop:inTheLoop:)`),
    /// recomputed when the in-the-loop weights change (a training iteration), not per readout:
    /// binning 3 × 12 800 weights every frame was most of hardware-sampling's drawing (issue 13).
    public private(set) var weightHistogram: Distribution

    /// - Parameters: `digits` all images (split by `settings.heldOutPeriod`), `machine` the trained
    ///   RBM (10 label units), `calibration` the shared calibration of the nominal neuron at
    ///   `stepMs`, `hardware` the chip, `seed` the experiment seed (network streams derived from it).
    public init(digits: DigitSet, machine: RestrictedBoltzmannMachine, settings: DigitsOnChipSettings,
                neuron: LIFParameters, background: PoissonBackground, calibration: ActivationCalibration,
                hardware: HardwareRealisation, stepMs: Double, delayMs: Double, seed: UInt64) {
        precondition(settings.validate(stepMs: stepMs).isEmpty, "invalid DigitsOnChipSettings")
        precondition(machine.labelCount == DigitSet.classCount && machine.pixelCount == digits.pixelCount,
                     "the digits lane needs a machine with 10 label units and one pixel unit per image pixel")
        self.settings = settings
        self.machine = machine
        let split = digits.split(heldOutPeriod: settings.heldOutPeriod)
        testImages = split.heldOut.subset(Array(0..<min(settings.testImages, split.heldOut.count)))
        var profile = hardware.profile
        profile.perNeuronCalibration = profile.perNeuronCalibration && settings.perNeuronCalibration
        let chip = HardwareTranslation(realisation: HardwareRealisation(profile: profile, chipSeed: hardware.chipSeed), neuron: neuron, background: background, count: machine.unitCount,
                                       shared: calibration,
                                       settings: HardwareTranslation.perNeuronSettings(CalibrationSettings.standard.with(
                                           neuron: neuron, background: background, stepMs: stepMs), around: calibration),
                                       method: .shifted)
        translation = chip
        func network(_ hw: HardwareTranslation?, stream: UInt64) -> RBMSamplingNetwork {
            RBMSamplingNetwork(machine: machine, neuron: neuron, background: background, calibration: calibration, stepMs: stepMs,
                               seed: SplitMix64.mix(seed ^ stream), delayMs: delayMs, clampBias: settings.clampBias, hardware: hw)
        }
        let presentation = max(1, Int((settings.presentationMs / stepMs).rounded()))
        let settle = Int((settings.settleMs / stepMs).rounded())
        ideal = LabelTrials(network: network(nil, stream: 0xD161_7A10), images: testImages,
                            presentationSteps: presentation, settleSteps: settle)
        openLoop = LabelTrials(network: network(chip, stream: 0xD161_7A11), images: testImages,
                               presentationSteps: presentation, settleSteps: settle)
        trainer = DigitsInTheLoopTrainer(machine: machine, network: network(chip, stream: 0xD161_7A12), translation: chip,
                                         training: split.training, iterations: settings.iterations, batchSize: settings.batchSize,
                                         presentationSteps: presentation, settleSteps: settle,
                                         learningRate: settings.learningRate, momentum: settings.momentum, update: settings.update,
                                         seed: seed)
        var w: [Double] = []
        for i in 0..<machine.visibleCount { for j in 0..<machine.hiddenCount { w += [machine.weight(visible: i, hidden: j), machine.weight(visible: i, hidden: j)] } }
        idealWeightValues = w
        openLoopWeightValues = Self.weightValues(trainer.realisedWeights, machine: machine, translation: chip)
        inTheLoopWeightValues = openLoopWeightValues
        weightHistogram = Self.weightHistogram(ideal: idealWeightValues, openLoop: openLoopWeightValues,
                                               inTheLoop: openLoopWeightValues)
        if trainer.isFinished { startTrained() }
    }

    /// Simulates `steps` steps of every lane still running.
    public mutating func advance(steps: Int) {
        ideal.advance(steps: steps)
        openLoop.advance(steps: steps)
        let before = trainer.iterationsDone
        var left = steps
        if !trainer.isFinished {
            left = trainer.advance(steps: steps)
            if trainer.iterationsDone != before {
                inTheLoopWeightValues = Self.weightValues(trainer.realisedWeights, machine: trainer.shadow, translation: translation)
                weightHistogram = Self.weightHistogram(ideal: idealWeightValues, openLoop: openLoopWeightValues,
                                                       inTheLoop: inTheLoopWeightValues)
            }
            if trainer.isFinished { startTrained() }
        }
        if left > 0 { trained?.advance(steps: left) }
    }

    private mutating func startTrained() {
        trained = LabelTrials(network: trainer.network, images: testImages, presentationSteps: ideal.presentationSteps,
                              settleSteps: ideal.settleSteps)
    }

    /// Accuracies of the three lanes (NaN before a lane's first trial).
    public var accuracyIdeal: Double { ideal.accuracy }
    public var accuracyOpenLoop: Double { openLoop.accuracy }
    public var accuracyInTheLoop: Double { trained?.accuracy ?? .nan }

    /// Realised conductances (µS) of the v→h and h→v synapses in units of W, each by its
    /// postsynaptic neuron's own factor at the E_l of `machine`'s bias.
    static func weightValues(_ w: [[Double]], machine: RestrictedBoltzmannMachine, translation: HardwareTranslation) -> [Double] {
        let bm = machine.boltzmannMachine, nv = machine.visibleCount
        var v: [Double] = []
        v.reserveCapacity(2 * nv * machine.hiddenCount)
        for i in 0..<nv {
            for j in 0..<machine.hiddenCount {
                v.append(translation.boltzmannWeight(w[i][nv + j], post: nv + j, machine: bm))
                v.append(translation.boltzmannWeight(w[nv + j][i], post: i, machine: bm))
            }
        }
        return v
    }
}
