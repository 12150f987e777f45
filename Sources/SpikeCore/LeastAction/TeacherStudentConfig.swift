/// Configuration of `TeacherStudentExperiment` (science.md 6.6 screen B, with the NLA reference
/// defaults of science.md 6.3; Senn et al. 2024). Units: ms, Hz.
public struct TeacherStudentConfig: Sendable, Equatable {
    /// Layer sizes, input first (teacher and student alike).
    public var sizes: [Int]
    /// τ = τ_m, ms; integration step, ms.
    public var tauMs: Double
    public var stepMs: Double
    /// Nudging strength β (while nudging is on) and learning rate η (per ms) of the student.
    public var beta: Double
    public var learningRatePerMs: Double
    /// Initial switches of the student (live parameters `prospective`, `nudging`, `plasticity`).
    public var prospective: Bool
    public var nudging: Bool
    public var plasticity: Bool
    /// Initial weights of teacher and student (independent draws).
    public var initialisation: WeightInitialisation
    /// Streaming input: per input, `inputComponents` sinusoids with frequencies in `inputBandHz`,
    /// each of amplitude `inputAmplitude`.
    public var inputComponents: Int
    public var inputBandHz: ClosedRange<Double>
    public var inputAmplitude: Double
    public var seed: UInt64
    /// The running error and energy average over the last `errorWindowMs`; the error ratio
    /// compares them with the first `initialWindowMs`.
    public var errorWindowMs: Double
    public var initialWindowMs: Double
    /// Oscilloscope window and sampling, heat-strip columns, series spacing.
    public var traceWindowMs: Double
    public var traceIntervalMs: Double
    public var heatColumns: Int
    public var seriesIntervalMs: Double
    /// The equations panel shows unit `equationNeuron` of hidden layer 1 and its synapse from input `equationInput`.
    public var equationNeuron: Int
    public var equationInput: Int

    public init(sizes: [Int] = [2, 10, 10, 1], tauMs: Double = 10, stepMs: Double = 0.1, beta: Double = 0.1,
                learningRatePerMs: Double = 0.1, prospective: Bool = true, nudging: Bool = true, plasticity: Bool = true,
                initialisation: WeightInitialisation = .nlaDefault, inputComponents: Int = 3,
                inputBandHz: ClosedRange<Double> = 1...5, inputAmplitude: Double = 0.5, seed: UInt64 = 42,
                errorWindowMs: Double = 1000, initialWindowMs: Double = 1000, traceWindowMs: Double = 2000,
                traceIntervalMs: Double = 1, heatColumns: Int = 200, seriesIntervalMs: Double = 100,
                equationNeuron: Int = 0, equationInput: Int = 0) {
        self.sizes = sizes
        self.tauMs = tauMs
        self.stepMs = stepMs
        self.beta = beta
        self.learningRatePerMs = learningRatePerMs
        self.prospective = prospective
        self.nudging = nudging
        self.plasticity = plasticity
        self.initialisation = initialisation
        self.inputComponents = inputComponents
        self.inputBandHz = inputBandHz
        self.inputAmplitude = inputAmplitude
        self.seed = seed
        self.errorWindowMs = errorWindowMs
        self.initialWindowMs = initialWindowMs
        self.traceWindowMs = traceWindowMs
        self.traceIntervalMs = traceIntervalMs
        self.heatColumns = heatColumns
        self.seriesIntervalMs = seriesIntervalMs
        self.equationNeuron = equationNeuron
        self.equationInput = equationInput
    }

    /// Hidden units of all hidden layers (rows of the heat strip).
    public var hiddenUnitCount: Int { sizes.dropFirst().dropLast().reduce(0, +) }

    var traceIntervalSteps: Int { max(1, Int((traceIntervalMs / stepMs).rounded())) }
    var heatIntervalSteps: Int { max(1, Int((traceWindowMs / Double(max(1, heatColumns)) / stepMs).rounded())) }
    var seriesIntervalSteps: Int { max(1, Int((seriesIntervalMs / stepMs).rounded())) }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems: [String] = []
        if sizes.count < 3 || sizes.contains(where: { $0 < 1 || $0 > 1000 }) {
            problems.append("sizes must have an input, at least one hidden layer and an output, each 1...1000 units")
        }
        if !(stepMs > 0 && stepMs <= 1) { problems.append("stepMs must be in (0, 1] ms, is \(stepMs)") }
        if !(tauMs >= stepMs) { problems.append("tauMs must be at least one step (\(stepMs) ms)") }
        if !(learningRatePerMs >= 0) || !(beta >= 0) { problems.append("learning rate and beta must be >= 0") }
        if inputComponents < 1 { problems.append("inputComponents must be >= 1") }
        if !(inputBandHz.lowerBound > 0) { problems.append("input frequencies must be > 0 Hz") }
        if inputBandHz.upperBound * stepMs / 1000 > 0.1 { problems.append("stepMs too coarse for the input frequencies") }
        for (name, value) in [("errorWindowMs", errorWindowMs), ("initialWindowMs", initialWindowMs),
                              ("traceWindowMs", traceWindowMs), ("traceIntervalMs", traceIntervalMs),
                              ("seriesIntervalMs", seriesIntervalMs)]
        where !(value > 0 && value.isFinite) {
            problems.append("\(name) must be > 0")
        }
        if !(seriesIntervalMs <= errorWindowMs) { problems.append("seriesIntervalMs must not exceed errorWindowMs") }
        if heatColumns < 1 { problems.append("heatColumns must be >= 1") }
        if traceWindowMs / traceIntervalMs > 100_000 { problems.append("traceWindowMs / traceIntervalMs must be <= 100000 samples") }
        if sizes.count >= 3 {
            if equationNeuron < 0 || equationNeuron >= sizes[1] { problems.append("equationNeuron must be a unit of hidden layer 1") }
            if equationInput < 0 || equationInput >= sizes[0] { problems.append("equationInput must be an input") }
        }
        return problems
    }
}
