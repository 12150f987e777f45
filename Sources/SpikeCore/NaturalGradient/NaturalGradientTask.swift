/// A teacher–student learning task of science.md 5.2–5.4 ([Kreutzer2022] code
/// `Figure3/File01_simulation_parameters.py`): N Poisson afferents drive a teacher with
/// weights w* and students starting from w_0; time in seconds, potentials in mV.
public struct NaturalGradientTask: Sendable, Equatable {
    /// Afferent rates r_i, Hz.
    public var ratesHz: [Double]
    /// Teacher (target) somatic weights w*.
    public var teacherWeights: [Double]
    /// Students' initial somatic weights w_0.
    public var initialWeights: [Double]
    /// Learning rate per rule.
    public var learningRates: [LearningRule: Double]
    /// Step dt, s (0.5 ms in the paper).
    public var stepSeconds: Double
    public var kernel: PSPKernel
    public var transfer: SigmoidTransfer
    /// Steps between recomputations of the natural-gradient coefficients.
    public var coefficientRefreshSteps: Int
    /// Test set: this many stationary PSP vectors, each after `testSettleSteps` steps of input.
    public var testSetSize: Int
    public var testSettleSteps: Int

    public init(ratesHz: [Double], teacherWeights: [Double], initialWeights: [Double],
                learningRates: [LearningRule: Double], stepSeconds: Double = 0.0005,
                kernel: PSPKernel = .kreutzer2022, transfer: SigmoidTransfer = .kreutzer2022,
                coefficientRefreshSteps: Int = 50, testSetSize: Int = 50, testSettleSteps: Int = 500) {
        self.ratesHz = ratesHz
        self.teacherWeights = teacherWeights
        self.initialWeights = initialWeights
        self.learningRates = learningRates
        self.stepSeconds = stepSeconds
        self.kernel = kernel
        self.transfer = transfer
        self.coefficientRefreshSteps = coefficientRefreshSteps
        self.testSetSize = testSetSize
        self.testSettleSteps = testSettleSteps
    }

    public var inputCount: Int { ratesHz.count }

    /// q = Σ r_i / c_ε (78.0 for Figure 3F's 50 × 10 Hz + 50 × 50 Hz).
    public var q: Double { ratesHz.reduce(0, +) / kernel.squaredIntegral }

    /// Figure 3F: N = 100 afferents, the first half at 10 Hz and the second at 50 Hz;
    /// w* and w_0 each component ~ U(−1, 1)/N, drawn from stream `NaturalGradientStreams.weights`.
    public static func figure3F(seed: UInt64, inputs n: Int = 100) -> NaturalGradientTask {
        var rng = Xoshiro256StarStar(seed: seed, stream: NaturalGradientStreams.weights)
        let rates = (0..<n).map { $0 < n / 2 ? 10.0 : 50.0 }
        let teacher = (0..<n).map { _ in (2 * rng.nextUniform() - 1) / Double(n) }
        let initial = (0..<n).map { _ in (2 * rng.nextUniform() - 1) / Double(n) }
        return NaturalGradientTask(ratesHz: rates, teacherWeights: teacher, initialWeights: initial,
                                   learningRates: Dictionary(uniqueKeysWithValues: LearningRule.allCases.map { ($0, $0.figure3FLearningRate) }))
    }

    /// Figure 3D–E: N = 2 afferents at 10 and 50 Hz, w* = (0.15, 0.15)/N, w_0 = (−0.3, 0.5)/N.
    public static var figure3DE: NaturalGradientTask {
        NaturalGradientTask(ratesHz: [10, 50], teacherWeights: [0.15 / 2, 0.15 / 2], initialWeights: [-0.3 / 2, 0.5 / 2],
                            learningRates: Dictionary(uniqueKeysWithValues: LearningRule.allCases.map { ($0, $0.figure3DELearningRate) }))
    }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems: [String] = []
        let n = ratesHz.count
        if n < 1 { problems.append("at least one afferent needed") }
        if !ratesHz.allSatisfy({ $0 > 0 && $0 * stepSeconds < 1 }) { problems.append("rates must be > 0 Hz and below 1/dt") }
        if teacherWeights.count != n || initialWeights.count != n { problems.append("one teacher and one initial weight per afferent") }
        if !(stepSeconds > 0 && stepSeconds <= 0.01) { problems.append("step must be in (0, 10] ms") }
        if learningRates.values.contains(where: { !($0 >= 0 && $0.isFinite) }) { problems.append("learning rates must be ≥ 0") }
        if coefficientRefreshSteps < 1 { problems.append("coefficient refresh interval must be ≥ 1 step") }
        if testSetSize < 1 || testSettleSteps < 1 { problems.append("test set needs ≥ 1 vector and ≥ 1 settling step") }
        return problems
    }
}

/// Random-stream ids of the natural-gradient experiments (one per independent source).
public enum NaturalGradientStreams {
    public static let weights: UInt64 = 0x4E47_0001
    public static let inputs: UInt64 = 0x4E47_0002
    public static let teacher: UInt64 = 0x4E47_0003
    public static let testSet: UInt64 = 0x4E47_0004
    public static let landscape: UInt64 = 0x4E47_0005
}
