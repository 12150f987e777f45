/// Everything an experiment shows, as plain numbers: what widgets draw, what the
/// headless report prints and what recorders write. A value snapshot; holding one
/// never keeps engine state alive or lets anyone mutate it.
public struct Readout: Sendable {
    /// Biological time reached, in ms.
    public var timeMs: Double
    /// Recent spikes for the raster, if the experiment has spiking neurons.
    public var raster: Raster?
    /// Membrane-potential traces of chosen neurons.
    public var traces: [Trace]
    /// Distributions measured so far (with the theory curve to overlay, where one exists).
    public var histograms: [Histogram]
    /// Named scalar figures, in display order (stable snake_case names with units).
    public var figures: [Figure]
    /// Named time series: (time in ms, value) pairs.
    public var series: [Series]

    public init(timeMs: Double, raster: Raster? = nil, traces: [Trace] = [], histograms: [Histogram] = [],
                figures: [Figure] = [], series: [Series] = []) {
        self.timeMs = timeMs
        self.raster = raster
        self.traces = traces
        self.histograms = histograms
        self.figures = figures
        self.series = series
    }

    /// The value of the figure called `name`, if the experiment reports it.
    public func figure(_ name: String) -> Double? {
        figures.first { $0.name == name }?.value
    }
}

/// Spikes of a population within a time window, for a raster plot.
public struct Raster: Sendable {
    /// Number of neurons (rows), numbered 0..<neuronCount.
    public var neuronCount: Int
    /// Window shown, in ms of biological time: [startMs, endMs).
    public var startMs: Double
    public var endMs: Double
    /// Spike times in ms and the neuron that fired, oldest first.
    public var spikeTimesMs: [Double]
    public var spikeNeurons: [Int32]

    public init(neuronCount: Int, startMs: Double, endMs: Double, spikeTimesMs: [Double], spikeNeurons: [Int32]) {
        self.neuronCount = neuronCount
        self.startMs = startMs
        self.endMs = endMs
        self.spikeTimesMs = spikeTimesMs
        self.spikeNeurons = spikeNeurons
    }
}

/// A sampled membrane potential (or other) trace.
public struct Trace: Sendable {
    /// Label shown in the legend, e.g. "neuron 3" or "free membrane".
    public var label: String
    /// Time of the first sample and the spacing between samples, in ms.
    public var startMs: Double
    public var intervalMs: Double
    /// Sampled values (mV for membrane potentials).
    public var values: [Double]
    /// A horizontal reference line (e.g. the firing threshold in mV), if any.
    public var reference: Double?

    public init(label: String, startMs: Double, intervalMs: Double, values: [Double], reference: Double? = nil) {
        self.label = label
        self.startMs = startMs
        self.intervalMs = intervalMs
        self.values = values
        self.reference = reference
    }
}

/// A histogram with equal-width bins and an optional theory density to overlay.
public struct Histogram: Sendable {
    public var label: String
    /// Unit of the binned quantity (e.g. "mV").
    public var unit: String
    /// Lower edge of the first bin and the bin width, in `unit`.
    public var lowerEdge: Double
    public var binWidth: Double
    /// Counts (or time-weights) per bin.
    public var counts: [Double]
    /// Theory probability density at each bin centre (same length as `counts`), if known.
    public var theoryDensity: [Double]?

    public init(label: String, unit: String, lowerEdge: Double, binWidth: Double, counts: [Double], theoryDensity: [Double]? = nil) {
        self.label = label
        self.unit = unit
        self.lowerEdge = lowerEdge
        self.binWidth = binWidth
        self.counts = counts
        self.theoryDensity = theoryDensity
    }

    /// Counts normalised to a probability density (integrates to 1), empty bins as 0.
    public var density: [Double] {
        let total = counts.reduce(0, +)
        guard total > 0, binWidth > 0 else { return counts.map { _ in 0 } }
        return counts.map { $0 / (total * binWidth) }
    }
}

/// One named scalar figure.
public struct Figure: Sendable, Equatable {
    /// Stable snake_case name with the unit in it where there is one (`membrane_sd_mv`).
    public var name: String
    public var value: Double
    /// Short human label for the screen.
    public var label: String

    public init(name: String, value: Double, label: String) {
        self.name = name
        self.value = value
        self.label = label
    }
}

/// A named series of (time in ms, value) points.
public struct Series: Sendable {
    public var name: String
    public var points: [(timeMs: Double, value: Double)]

    public init(name: String, points: [(timeMs: Double, value: Double)]) {
        self.name = name
        self.points = points
    }
}
