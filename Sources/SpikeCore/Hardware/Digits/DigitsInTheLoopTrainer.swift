/// In-the-loop training of a digit RBM on an emulated chip with shadow weights (science.md 4.2,
/// 4.3 step 4, 2.4; [Kungl2019], [Schmitt2017]): the float machine is kept on the "host"; every
/// iteration it is translated with the chip neurons' own calibrations, quantised with the weight
/// scales fixed once (analog parameters) and distorted by the chip's frozen noise, the chip runs
/// a mini-batch of training images, and the contrastive rule moves the shadow parameters by
/// ⟨·⟩_data − ⟨·⟩_model measured on the chip's own spikes:
///
///     ΔW_ij = η/B Σ_n ( ⟨v_i h_j⟩_data,n − ⟨v_i h_j⟩_model,n ),   Δa_i, Δb_j likewise
///
/// - data phase: the image and its one-hot label clamped, the hidden units free;
/// - model phase: only the image clamped, label and hidden units free-running on the chip.
///
/// [CHOICE] The model phase keeps the image clamped: this is the conditional form of the
/// wake–sleep rule, whose expectation is the gradient of log p(label | image) — what label
/// inference uses — and it needs no mixing across the 2^174 states of a free dream in the few
/// hundred ms an iteration has. Pixel biases get no update (pixels are clamped in both phases).
/// Statistics are time averages of z over each phase after `settleSteps`; clamped pixels count
/// as their clamp value v_i. Momentum μ as in science.md 2.4 (v ← μ v + Δ; θ ← θ + v), η fixed.
/// The model phase is also a label-inference trial on a training image: its accuracy per
/// iteration is the training curve. Iteration 0 runs the open-loop chip (the shadow machine
/// starts as the trained RBM itself).
public struct DigitsInTheLoopTrainer: Sendable {
    public let translation: HardwareTranslation
    public let scales: WeightScales
    public private(set) var shadow: RestrictedBoltzmannMachine
    public private(set) var network: RBMSamplingNetwork
    public let training: DigitSet
    public let iterations: Int
    public let batchSize: Int
    public let presentationSteps: Int
    public let settleSteps: Int
    public var learningRate: Double
    public let momentum: Double
    /// Which parameters the rule updates (the others keep their trained values).
    public let update: DigitsOnChipSettings.Update
    /// Label-inference accuracy of every finished iteration's model phases (its training images).
    public private(set) var curve: [Double] = []
    /// The realised weights [pre][post] (µS) of the current iteration.
    public private(set) var realisedWeights: [[Double]]

    private var rng: Xoshiro256StarStar
    private var order: [Int] = []
    private var nextInOrder = 0
    /// Training image of the current presentation, its place in the batch, phase (0 model, 1 data).
    private var image = 0, inBatch = 0, phase = 0, phaseStep = 0
    private var batchCorrect = 0
    /// Steps (after settling) with label l and hidden j both in z = 1, [l * hidden + j].
    private var coActive: [Int32]
    private var gradW: [Double], gradA: [Double], gradB: [Double]
    private var velocityW: [Double], velocityA: [Double], velocityB: [Double]

    /// - Parameters: `network` the chip network built for `machine` (open loop), `seed` orders
    ///   the training images (stream `RandomStream.experiment(0xD161_7A01)`).
    public init(machine: RestrictedBoltzmannMachine, network: RBMSamplingNetwork, translation: HardwareTranslation,
                training: DigitSet, iterations: Int, batchSize: Int, presentationSteps: Int, settleSteps: Int,
                learningRate: Double, momentum: Double, update: DigitsOnChipSettings.Update = .all, seed: UInt64) {
        precondition(machine.labelCount == DigitSet.classCount && training.count > 0 && batchSize > 0 && iterations >= 0)
        precondition(settleSteps >= 0 && settleSteps < presentationSteps && momentum >= 0 && momentum < 1)
        self.translation = translation
        scales = translation.openLoopScales(machine)
        shadow = machine
        self.network = network
        self.training = training
        self.iterations = iterations
        self.batchSize = batchSize
        self.presentationSteps = presentationSteps
        self.settleSteps = settleSteps
        self.learningRate = learningRate
        self.momentum = momentum
        self.update = update
        rng = Xoshiro256StarStar(seed: seed, stream: RandomStream.experiment(0xD161_7A01))
        let nv = machine.visibleCount, nh = machine.hiddenCount
        coActive = Array(repeating: 0, count: DigitSet.classCount * nh)
        gradW = Array(repeating: 0, count: nv * nh)
        gradA = Array(repeating: 0, count: nv)
        gradB = Array(repeating: 0, count: nh)
        velocityW = gradW
        velocityA = gradA
        velocityB = gradB
        realisedWeights = translation.realise(machine, scales: scales).weights
        if !isFinished { startPresentation() }
    }

    public var isFinished: Bool { curve.count >= iterations }
    public var iterationsDone: Int { curve.count }

    /// Simulates up to `steps` steps of training; returns the steps not used (training finished).
    @discardableResult
    public mutating func advance(steps: Int) -> Int {
        var left = steps
        let pixels = shadow.pixelCount, nh = shadow.hiddenCount, hidden0 = shadow.visibleCount
        while left > 0 && !isFinished {
            network.step()
            left -= 1
            phaseStep += 1
            if phaseStep == settleSteps {
                network.resetWindow()
                for k in coActive.indices { coActive[k] = 0 }
            }
            if phaseStep > settleSteps {
                network.network.population.refractorySteps.withUnsafeBufferPointer { r in
                    for l in 0..<DigitSet.classCount where r[pixels + l] > 0 {
                        for j in 0..<nh where r[hidden0 + j] > 0 { coActive[l * nh + j] += 1 }
                    }
                }
            }
            if phaseStep >= presentationSteps { finishPhase() }
        }
        return left
    }

    /// The next training image (a fresh random order every pass over the set).
    private mutating func nextImage() -> Int {
        if nextInOrder >= order.count {
            order = Array(0..<training.count)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            nextInOrder = 0
        }
        defer { nextInOrder += 1 }
        return order[nextInOrder]
    }

    private mutating func startPresentation() {
        image = nextImage()
        phase = 0
        clampPhase()
    }

    /// Model phase: pixels clamped, labels free; data phase: the label clamped too.
    private mutating func clampPhase() {
        let pixels = training.binary(image), label = training.labels[image], p = shadow.pixelCount
        for i in 0..<p { network.clamp(i, to: pixels[i]) }
        for l in 0..<DigitSet.classCount { network.clamp(p + l, to: phase == 0 ? nil : l == label) }
        network.resetWindow()
        for k in coActive.indices { coActive[k] = 0 }
        phaseStep = 0
    }

    /// Adds the phase's statistics to the gradient: + for data, − for model.
    private mutating func finishPhase() {
        let sign = phase == 1 ? 1.0 : -1.0
        let p = shadow.pixelCount, nh = shadow.hiddenCount, h0 = shadow.visibleCount
        let window = Double(max(1, network.windowSteps))
        let hMean = (0..<nh).map { Double(network.onSteps[h0 + $0]) / window }
        let pixels = training.binary(image)
        for i in 0..<p where pixels[i] {
            for j in 0..<nh { gradW[i * nh + j] += sign * hMean[j] }
        }
        for l in 0..<DigitSet.classCount {
            gradA[p + l] += sign * Double(network.onSteps[p + l]) / window
            for j in 0..<nh { gradW[(p + l) * nh + j] += sign * Double(coActive[l * nh + j]) / window }
        }
        for j in 0..<nh { gradB[j] += sign * hMean[j] }
        if phase == 0 {
            if LabelTrials.mostActiveLabel(network) == training.labels[image] { batchCorrect += 1 }
            phase = 1
            clampPhase()
            return
        }
        inBatch += 1
        if inBatch >= batchSize { finishIteration() }
        if !isFinished { startPresentation() }
    }

    private mutating func finishIteration() {
        curve.append(Double(batchCorrect) / Double(batchSize))
        let eta = learningRate / Double(batchSize), mu = momentum
        if update == .labels {
            // Only the label units' weights and biases: zero every other gradient.
            let labelRows = shadow.pixelCount * shadow.hiddenCount
            for k in 0..<labelRows { gradW[k] = 0 }
            for i in 0..<shadow.pixelCount { gradA[i] = 0 }
            for j in gradB.indices { gradB[j] = 0 }
        }
        for k in gradW.indices {
            velocityW[k] = mu * velocityW[k] + eta * gradW[k]
            shadow.weights[k] += velocityW[k]
            gradW[k] = 0
        }
        for i in gradA.indices {
            velocityA[i] = mu * velocityA[i] + eta * gradA[i]
            shadow.visibleBiases[i] += velocityA[i]
            gradA[i] = 0
        }
        for j in gradB.indices {
            velocityB[j] = mu * velocityB[j] + eta * gradB[j]
            shadow.hiddenBiases[j] += velocityB[j]
            gradB[j] = 0
        }
        inBatch = 0
        batchCorrect = 0
        let realised = translation.realise(shadow, scales: scales)
        realisedWeights = realised.weights
        network.reprogramme(shadow, restingPotentials: realised.restingPotentials, weights: realised.weights)
    }
}
