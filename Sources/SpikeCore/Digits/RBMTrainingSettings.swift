/// Settings of persistent-contrastive-divergence training of a digit RBM (science.md 3.4
/// step 2 [CHOICE]: PCD-k with 100 persistent chains, η = 0.01–0.05, momentum 0.5 → 0.9,
/// weight decay 1e-4, mini-batch 20). Everything the result depends on is here, so that the
/// same settings and data give the same machine bit for bit.
public struct RBMTrainingSettings: Sendable, Equatable {
    /// Hidden units (science.md 3.4: 50–100; the issue allows up to 200).
    public var hiddenCount: Int
    /// Whether the visible layer has 10 label units (one-hot, clamped during training).
    public var labelUnits: Bool
    public var epochs: Int
    /// Images per parameter update.
    public var batchSize: Int
    /// Persistent fantasy chains (the negative phase).
    public var chains: Int
    /// Block-Gibbs sweeps of the chains per update (the k of PCD-k).
    public var gibbsSteps: Int
    /// Learning rate η per update.
    public var learningRate: Double
    /// Momentum in the first `momentumSwitchEpoch` epochs, and after.
    public var initialMomentum: Double
    public var finalMomentum: Double
    public var momentumSwitchEpoch: Int
    /// L2 weight decay (per update, multiplied by η).
    public var weightDecay: Double
    /// Initial weights ~ N(0, initialWeightSD²).
    public var initialWeightSD: Double
    /// Seed of every random draw of training (initial weights, chains, batch order, sampling).
    public var seed: UInt64

    public init(hiddenCount: Int = 100, labelUnits: Bool = true, epochs: Int = 40, batchSize: Int = 20, chains: Int = 100,
                gibbsSteps: Int = 1, learningRate: Double = 0.05, initialMomentum: Double = 0.5, finalMomentum: Double = 0.9,
                momentumSwitchEpoch: Int = 5, weightDecay: Double = 1e-4, initialWeightSD: Double = 0.01, seed: UInt64 = 1) {
        self.hiddenCount = hiddenCount
        self.labelUnits = labelUnits
        self.epochs = epochs
        self.batchSize = batchSize
        self.chains = chains
        self.gibbsSteps = gibbsSteps
        self.learningRate = learningRate
        self.initialMomentum = initialMomentum
        self.finalMomentum = finalMomentum
        self.momentumSwitchEpoch = momentumSwitchEpoch
        self.weightDecay = weightDecay
        self.initialWeightSD = initialWeightSD
        self.seed = seed
    }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var p: [String] = []
        if !(1...1000).contains(hiddenCount) { p.append("hiddenCount must be 1...1000, is \(hiddenCount)") }
        if !(1...100_000).contains(epochs) { p.append("epochs must be 1...100000, is \(epochs)") }
        if batchSize < 1 { p.append("batchSize must be >= 1") }
        if chains < 1 { p.append("chains must be >= 1") }
        if gibbsSteps < 1 { p.append("gibbsSteps must be >= 1") }
        if !(learningRate > 0 && learningRate < 10) { p.append("learningRate must be in (0, 10)") }
        if !((0..<1).contains(initialMomentum) && (0..<1).contains(finalMomentum)) { p.append("momenta must be in [0, 1)") }
        if !(weightDecay >= 0) { p.append("weightDecay must be >= 0") }
        if !(initialWeightSD >= 0) { p.append("initialWeightSD must be >= 0") }
        return p
    }

    /// One line `key=value ...` naming every setting (written into the weights file).
    public var summary: String {
        "hidden=\(hiddenCount) labels=\(labelUnits) epochs=\(epochs) batch=\(batchSize) chains=\(chains) k=\(gibbsSteps) "
            + "eta=\(learningRate) momentum=\(initialMomentum)->\(finalMomentum)@\(momentumSwitchEpoch) "
            + "decay=\(weightDecay) init_sd=\(initialWeightSD) seed=\(seed)"
    }
}
