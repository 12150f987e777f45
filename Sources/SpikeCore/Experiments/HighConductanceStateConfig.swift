/// Configuration of `HighConductanceStateExperiment` (science.md 1.3–1.4): a population of
/// LIF neurons under Poisson background plus one free-membrane probe. Units: ms, mV, µS, Hz.
public struct HighConductanceStateConfig: Sendable, Equatable {
    /// Neuron parameters (shared; the probe is identical but never fires).
    public var neuron: LIFParameters
    /// Background of every neuron (one excitatory + one inhibitory Poisson source each).
    public var background: PoissonBackground
    /// Number of spiking neurons.
    public var populationSize: Int
    /// Membrane traces are shown for neurons 0 ..< tracedNeurons of the spiking population.
    public var tracedNeurons: Int
    /// Integration step dt, ms.
    public var stepMs: Double
    public var seed: UInt64
    /// Raster shows the spikes of the last `rasterWindowMs`.
    public var rasterWindowMs: Double
    /// Traces show the last `traceWindowMs`.
    public var traceWindowMs: Double
    /// Excluded from statistics at the start and after every parameter change (lets the
    /// conductances settle: ≈ 10 τ_syn for the defaults).
    public var burnInMs: Double
    /// Bins of the free-membrane histogram.
    public var histogramBins: Int
    /// Histogram range: theory μ_V ± histogramHalfWidthSigmas·σ_V (at least ± 0.5 mV),
    /// fixed until a parameter changes. 5σ with 60 bins gives ≈ 0.17 mV bins for the defaults.
    public var histogramHalfWidthSigmas: Double
    /// A fixed histogram range in mV instead of the theory-centred one.
    public var histogramRangeMv: ClosedRange<Double>?
    /// Spacing of the running-statistics series points, ms.
    public var seriesIntervalMs: Double
    /// Batch length for the batch-means standard errors, ms (≫ τ_syn).
    public var batchMs: Double
    /// The emulated chip the population runs on (science.md 4.3); nil = the ideal model.
    public var hardware: HardwareRealisation? = nil

    public init(neuron: LIFParameters = .sbsDefault, background: PoissonBackground = .sbsDefault,
                populationSize: Int = 40, tracedNeurons: Int = 3, stepMs: Double = 0.01, seed: UInt64 = 1,
                rasterWindowMs: Double = 500, traceWindowMs: Double = 200, burnInMs: Double = 100,
                histogramBins: Int = 60, histogramHalfWidthSigmas: Double = 5, histogramRangeMv: ClosedRange<Double>? = nil,
                seriesIntervalMs: Double = 10, batchMs: Double = 100) {
        self.neuron = neuron
        self.background = background
        self.populationSize = populationSize
        self.tracedNeurons = tracedNeurons
        self.stepMs = stepMs
        self.seed = seed
        self.rasterWindowMs = rasterWindowMs
        self.traceWindowMs = traceWindowMs
        self.burnInMs = burnInMs
        self.histogramBins = histogramBins
        self.histogramHalfWidthSigmas = histogramHalfWidthSigmas
        self.histogramRangeMv = histogramRangeMv
        self.seriesIntervalMs = seriesIntervalMs
        self.batchMs = batchMs
    }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems = neuron.validate() + background.validate()
        if populationSize < 1 { problems.append("populationSize must be >= 1") }
        if tracedNeurons < 0 || tracedNeurons > populationSize {
            problems.append("tracedNeurons must be in 0...populationSize")
        }
        if !(stepMs > 0 && stepMs <= 1) { problems.append("stepMs must be in (0, 1] ms, is \(stepMs)") }
        for (name, value) in [("rasterWindowMs", rasterWindowMs), ("traceWindowMs", traceWindowMs),
                              ("seriesIntervalMs", seriesIntervalMs), ("batchMs", batchMs)]
        where !(value > 0 && value.isFinite) {
            problems.append("\(name) must be > 0")
        }
        if !(burnInMs >= 0) { problems.append("burnInMs must be >= 0") }
        if histogramBins < 1 { problems.append("histogramBins must be >= 1") }
        if !(histogramHalfWidthSigmas > 0) { problems.append("histogramHalfWidthSigmas must be > 0") }
        if let r = histogramRangeMv, !(r.upperBound > r.lowerBound) { problems.append("histogramRangeMv must be non-empty") }
        return problems
    }
}
