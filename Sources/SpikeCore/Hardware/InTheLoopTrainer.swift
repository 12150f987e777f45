/// In-the-loop training on an emulated chip with shadow weights (science.md 4.2, 4.3 step 4;
/// [Kungl2019]): the float parameters (W, b) are kept aside on the "host"; every iteration
/// they are translated with the chip's per-neuron calibrations, quantised (deterministic
/// rounding to the nearest level, with the weight scales fixed once: they are analog
/// parameters) and distorted by the chip's frozen noise, the chip samples for `iterationMs`
/// after a burn-in, and the contrastive rule (`ContrastiveUpdate`) moves the shadow
/// parameters by ⟨·⟩_data (exact, from p*) − ⟨·⟩_model (the chip's time-weighted states)
/// (the shared rule of `Learning/ContrastiveUpdate`, η₀ = 0.1, μ = 0.9, 1/√t decay).
/// Training starts from the target machine itself, so iteration 0 is the open-loop chip.
public struct InTheLoopTrainer: Sendable {
    public let target: BoltzmannDistribution
    public let data: BinaryMoments
    public let translation: HardwareTranslation
    public let scales: WeightScales
    public private(set) var shadow: BoltzmannMachine
    public private(set) var rule: ContrastiveUpdate
    public private(set) var sampler: ChipSampler
    public let iterationSteps: Int64
    public let iterations: Int
    /// How the shadow biases reach the chip (leak potential, or the weights of a bias neuron).
    public let biases: BiasRealisation
    /// D_KL(p* ‖ p_chip) of every finished iteration (index = iteration, from 0); +∞ when a
    /// state was not visited in that iteration.
    public private(set) var curve: [Double] = []
    /// The realised weights [pre][post] (µS) of the current iteration.
    public private(set) var realisedWeights: [[Double]] = []

    public init(machine: BoltzmannMachine, translation: HardwareTranslation, sampler: ChipSampler,
                iterationMs: Double, iterations: Int, rule: ContrastiveUpdate = ContrastiveUpdate(),
                biases: BiasRealisation = .leakPotential) {
        precondition(iterations >= 0 && iterationMs > 0)
        target = BoltzmannDistribution(machine)
        data = BinaryMoments(target)
        self.translation = translation
        self.biases = biases
        scales = WeightScales(weights: translation.programme(machine, biases: biases).idealWeights,
                              mode: translation.realisation.profile.weightScale)
        shadow = machine
        self.rule = rule
        self.sampler = sampler
        iterationSteps = max(1, Int64((iterationMs / sampler.network.stepMs).rounded()))
        self.iterations = iterations
        configure()
    }

    public var isFinished: Bool { curve.count >= iterations }

    /// The contrastive rule's initial learning rate η₀ (the decay η₀/√(1 + t/τ) continues from
    /// the iterations done); takes effect at the next update.
    public var learningRate: Double {
        get { rule.learningRate }
        set { rule.learningRate = newValue }
    }
    /// Finished iterations.
    public var iterationsDone: Int { curve.count }

    /// Writes the shadow parameters, as the chip realises them, into the sampler.
    private mutating func configure() {
        let programme = translation.programme(shadow, biases: biases)
        realisedWeights = translation.realisation.weights(programme.idealWeights, scales: scales)
        sampler.configure(restingPotentials: programme.restingPotentials, weights: realisedWeights)
    }

    /// Simulates up to `steps` steps of training; returns the steps not used (training finished).
    @discardableResult
    public mutating func advance(steps: Int) -> Int {
        var left = steps
        while left > 0 && !isFinished {
            let due = Int(iterationSteps - sampler.histogram.totalSteps) + Int(max(0, sampler.measureStart - sampler.network.stepIndex))
            let chunk = min(left, max(1, due))
            sampler.advance(steps: chunk)
            left -= chunk
            if sampler.histogram.totalSteps >= iterationSteps { finishIteration() }
        }
        return left
    }

    /// After training: `steps` more steps of sampling with the trained parameters (the
    /// histogram of the sampler accumulates from the end of training).
    public mutating func evaluate(steps: Int) {
        precondition(isFinished, "evaluate after training")
        sampler.advance(steps: steps)
    }

    /// Runs the remaining iterations.
    public mutating func train() { while !isFinished { advance(steps: 1 << 20) } }

    private mutating func finishIteration() {
        let counts = sampler.histogram.counts
        curve.append(KullbackLeibler.targetToSampled(target: target.probabilities, counts: counts))
        let model = BinaryMoments(distribution: counts, unitCount: shadow.unitCount)
        shadow = rule.update(shadow, data: data, model: model)
        configure()
    }
}
