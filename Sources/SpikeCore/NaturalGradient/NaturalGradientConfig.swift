/// Configuration of `NaturalGradientExperiment` (science.md 5.4–5.5; [Kreutzer2022] Figure 3):
/// the N = 100 task (50 inputs at 10 Hz, 50 at 50 Hz, random w* and w_0) and the N = 2 task
/// (10 and 50 Hz) learned side by side by the Euclidean, natural and approximate rules, plus
/// an attenuated copy of the Euclidean and natural learners (the 50-Hz synapses moved to a
/// dendrite with attenuation α). Time in seconds of learning; dt = 0.5 ms.
public struct NaturalGradientConfig: Sendable, Equatable {
    public var seed: UInt64
    /// The N = 100 task (default `NaturalGradientTask.figure3F(seed:)`).
    public var large: NaturalGradientTask
    /// The N = 2 task (default `NaturalGradientTask.figure3DE`).
    public var small: NaturalGradientTask
    /// Attenuation α of the 50-Hz synapses in the attenuated learners (1 = none).
    public var attenuation: Double
    /// Interval of the rate-RMSE evaluations on the test set, s.
    public var evaluationSeconds: Double
    /// Interval of the N = 2 weight-plane samples, s.
    public var pathSeconds: Double
    /// Stationary input samples for the N = 2 cost landscape; grid size and N·w ranges.
    public var landscapeSamples: Int
    public var gridColumns: Int
    public var gridRows: Int
    public var w1Range: ClosedRange<Double>
    public var w2Range: ClosedRange<Double>

    public init(seed: UInt64 = 1, large: NaturalGradientTask? = nil, small: NaturalGradientTask = .figure3DE,
                attenuation: Double = 1.0 / 3, evaluationSeconds: Double = 10, pathSeconds: Double = 0.5,
                landscapeSamples: Int = 1000, gridColumns: Int = 56, gridRows: Int = 40,
                w1Range: ClosedRange<Double> = -0.45...0.35, w2Range: ClosedRange<Double> = -0.05...0.65) {
        self.seed = seed
        self.large = large ?? .figure3F(seed: seed)
        self.small = small
        self.attenuation = attenuation
        self.evaluationSeconds = evaluationSeconds
        self.pathSeconds = pathSeconds
        self.landscapeSamples = landscapeSamples
        self.gridColumns = gridColumns
        self.gridRows = gridRows
        self.w1Range = w1Range
        self.w2Range = w2Range
    }

    /// The live attenuation range.
    public static let attenuationRange: ClosedRange<Double> = 0.05...1

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems = large.validate() + small.validate()
        if small.inputCount != 2 { problems.append("the small task needs exactly 2 inputs") }
        if !Self.attenuationRange.contains(attenuation) { problems.append("attenuation must be in 0.05...1") }
        if !(evaluationSeconds >= large.stepSeconds && evaluationSeconds <= 1000) {
            problems.append("evaluation interval must be between one step and 1000 s")
        }
        if !(pathSeconds >= small.stepSeconds && pathSeconds <= 1000) { problems.append("path interval must be between one step and 1000 s") }
        if landscapeSamples < 10 { problems.append("at least 10 landscape samples") }
        if gridColumns < 2 || gridRows < 2 { problems.append("grid needs at least 2 x 2 cells") }
        if !(w1Range.upperBound > w1Range.lowerBound && w2Range.upperBound > w2Range.lowerBound) {
            problems.append("weight ranges must be non-empty")
        }
        return problems
    }
}
