/// Configuration of `WhichWayIsDownExperiment` (science.md 5.1 and 5.4 Figure 3D–E): the
/// two-synapse teacher–student task, its expected-cost landscape and the two expected
/// learning flows. Time in seconds of learning; weights shown as N·w (N = 2).
public struct WhichWayIsDownConfig: Sendable, Equatable {
    /// The task (default: Figure 3D–E, inputs at 10 and 50 Hz, w* = (0.15, 0.15)/N,
    /// w_0 = (−0.3, 0.5)/N, η_e = 7e-7, η_n = 2.5e-4).
    public var setup: NaturalGradientTask
    public var seed: UInt64
    /// Attenuation α of the reparametrised synapse (its somatic weight is α × its dendritic one).
    public var attenuation: Double
    /// Which synapse (0 = the 10-Hz one, 1 = the 50-Hz one) carries the attenuation.
    public var attenuatedInput: Int
    /// Step of the expected-flow integration (Heun), s of learning.
    public var flowStepSeconds: Double
    /// Stationary input samples averaged over (landscape and flows).
    public var sampleCount: Int
    /// Landscape grid size and the N·w ranges it spans.
    public var gridColumns: Int
    public var gridRows: Int
    public var w1Range: ClosedRange<Double>
    public var w2Range: ClosedRange<Double>

    public init(setup: NaturalGradientTask = .figure3DE, seed: UInt64 = 1, attenuation: Double = 1, attenuatedInput: Int = 0,
                flowStepSeconds: Double = 2, sampleCount: Int = 2000, gridColumns: Int = 72, gridRows: Int = 48,
                w1Range: ClosedRange<Double> = -0.45...0.35, w2Range: ClosedRange<Double> = -0.05...0.65) {
        self.setup = setup
        self.seed = seed
        self.attenuation = attenuation
        self.attenuatedInput = attenuatedInput
        self.flowStepSeconds = flowStepSeconds
        self.sampleCount = sampleCount
        self.gridColumns = gridColumns
        self.gridRows = gridRows
        self.w1Range = w1Range
        self.w2Range = w2Range
    }

    /// The live attenuation range.
    public static let attenuationRange: ClosedRange<Double> = 0.1...5

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems = setup.validate()
        if setup.inputCount != 2 { problems.append("the weight plane needs exactly 2 inputs") }
        if !Self.attenuationRange.contains(attenuation) { problems.append("attenuation must be in 0.1...5") }
        if !(0...1).contains(attenuatedInput) { problems.append("attenuatedInput must be 0 or 1") }
        if !(flowStepSeconds > 0 && flowStepSeconds <= 100) { problems.append("flow step must be in (0, 100] s") }
        if sampleCount < 10 { problems.append("at least 10 input samples") }
        if gridColumns < 2 || gridRows < 2 { problems.append("grid needs at least 2 x 2 cells") }
        if !(w1Range.upperBound > w1Range.lowerBound && w2Range.upperBound > w2Range.lowerBound) {
            problems.append("weight ranges must be non-empty")
        }
        return problems
    }
}
