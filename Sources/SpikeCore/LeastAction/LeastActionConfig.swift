/// Configuration of `LeastActionExperiment`: Fourier synthesis with a Latent Equilibrium
/// network (science.md 6.3, after Haider et al. 2021). Units: ms, Hz; voltages and rates are
/// dimensionless (as in the reference).
public struct LeastActionConfig: Sendable, Equatable {
    /// Inputs and target.
    public var task: FourierSynthesisTask
    /// Hidden units (one hidden layer, tanh); the output is one linear unit.
    public var hiddenUnits: Int
    /// τ = τ_m, ms.
    public var tauMs: Double
    /// Integration step dt, ms.
    public var stepMs: Double
    /// Learning rate η, per ms (one step changes a weight by η dt e r).
    public var learningRatePerMs: Double
    /// Nudging strength β while nudging is on.
    public var beta: Double
    /// Nudging switches itself off at this time (the start of the free phase), ms.
    public var nudgedPhaseMs: Double
    /// Initial switches (live parameters `prospective`, `plasticity`).
    public var prospective: Bool
    public var plasticity: Bool
    /// Runs a twin without prospective coding beside the live network (same weights at the
    /// start, same input, nudging and plasticity): the comparison of science.md 6.4.
    public var compareWithoutProspective: Bool
    public var seed: UInt64
    /// The oscilloscope shows the last `traceWindowMs`, sampled every `traceIntervalMs`.
    public var traceWindowMs: Double
    public var traceIntervalMs: Double
    /// Columns of the hidden-activity heat strip over the trace window.
    public var heatColumns: Int
    /// The running error is the MSE over the last `errorWindowMs`.
    public var errorWindowMs: Double
    /// Spacing of the energy and error series points, ms.
    public var seriesIntervalMs: Double
    /// The equations panel shows hidden unit `equationNeuron` and its synapse from input `equationInput`.
    public var equationNeuron: Int
    public var equationInput: Int

    public init(task: FourierSynthesisTask = FourierSynthesisTask(), hiddenUnits: Int = 30, tauMs: Double = 10,
                stepMs: Double = 0.005, learningRatePerMs: Double = 0.25, beta: Double = 0.1,
                nudgedPhaseMs: Double = 400, prospective: Bool = true, plasticity: Bool = true,
                compareWithoutProspective: Bool = true, seed: UInt64 = 1234, traceWindowMs: Double = 100,
                traceIntervalMs: Double = 0.1, heatColumns: Int = 200, errorWindowMs: Double = 50,
                seriesIntervalMs: Double = 1, equationNeuron: Int = 0, equationInput: Int = 0) {
        self.task = task
        self.hiddenUnits = hiddenUnits
        self.tauMs = tauMs
        self.stepMs = stepMs
        self.learningRatePerMs = learningRatePerMs
        self.beta = beta
        self.nudgedPhaseMs = nudgedPhaseMs
        self.prospective = prospective
        self.plasticity = plasticity
        self.compareWithoutProspective = compareWithoutProspective
        self.seed = seed
        self.traceWindowMs = traceWindowMs
        self.traceIntervalMs = traceIntervalMs
        self.heatColumns = heatColumns
        self.errorWindowMs = errorWindowMs
        self.seriesIntervalMs = seriesIntervalMs
        self.equationNeuron = equationNeuron
        self.equationInput = equationInput
    }

    /// Steps per trace sample, per heat-strip column and per series point (at least 1).
    var traceIntervalSteps: Int { max(1, Int((traceIntervalMs / stepMs).rounded())) }
    var heatIntervalSteps: Int { max(1, Int((traceWindowMs / Double(max(1, heatColumns)) / stepMs).rounded())) }
    var seriesIntervalSteps: Int { max(1, Int((seriesIntervalMs / stepMs).rounded())) }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems: [String] = []
        if task.inputCount < 1 || task.inputCount > 200 { problems.append("inputCount must be in 1...200") }
        if !(task.fundamentalHz > 0) || !(task.targetHz > 0) { problems.append("frequencies must be > 0 Hz") }
        if hiddenUnits < 1 { problems.append("hiddenUnits must be >= 1") }
        if !(stepMs > 0 && stepMs <= 1) { problems.append("stepMs must be in (0, 1] ms, is \(stepMs)") }
        if !(tauMs >= stepMs) { problems.append("tauMs must be at least one step (\(stepMs) ms)") }
        if !(learningRatePerMs >= 0) || !(beta >= 0) || !(nudgedPhaseMs >= 0) {
            problems.append("learning rate, beta and nudged phase must be >= 0")
        }
        let maxHz = task.fundamentalHz * Double(task.inputCount)
        if maxHz * stepMs / 1000 > 0.1 {
            problems.append("stepMs too coarse for the highest input frequency (\(maxHz) Hz): needs at least 10 steps per period")
        }
        for (name, value) in [("traceWindowMs", traceWindowMs), ("traceIntervalMs", traceIntervalMs),
                              ("errorWindowMs", errorWindowMs), ("seriesIntervalMs", seriesIntervalMs)]
        where !(value > 0 && value.isFinite) {
            problems.append("\(name) must be > 0")
        }
        if heatColumns < 1 { problems.append("heatColumns must be >= 1") }
        if traceWindowMs / traceIntervalMs > 100_000 { problems.append("traceWindowMs / traceIntervalMs must be <= 100000 samples") }
        if equationNeuron < 0 || equationNeuron >= hiddenUnits { problems.append("equationNeuron must be a hidden unit (0...\(hiddenUnits - 1))") }
        if equationInput < 0 || equationInput >= task.inputCount { problems.append("equationInput must be an input (0...\(task.inputCount - 1))") }
        return problems
    }
}
