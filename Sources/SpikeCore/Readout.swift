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
    /// Distributions over discrete categories side by side (target vs sampled over states).
    public var distributions: [Distribution]
    /// Values on a 2-D grid (energy or cost landscapes, activity heat strips) with trails.
    public var landscapes: [Landscape]
    /// Grey-level images (dreamed digits, completions), most recent last; set after init.
    public var images: [ReadoutImage] = []
    /// Image streams of samplers with their classes and mixing counters (mixing scenarios).
    public var sampleStreams: [SampleStream] = []

    public init(timeMs: Double, raster: Raster? = nil, traces: [Trace] = [], histograms: [Histogram] = [],
                figures: [Figure] = [], series: [Series] = [], distributions: [Distribution] = [],
                landscapes: [Landscape] = []) {
        self.timeMs = timeMs
        self.raster = raster
        self.traces = traces
        self.histograms = histograms
        self.figures = figures
        self.series = series
        self.distributions = distributions
        self.landscapes = landscapes
    }

    /// The value of the figure called `name`, if the experiment reports it.
    public func figure(_ name: String) -> Double? {
        figures.first { $0.name == name }?.value
    }
}

/// Spikes of a population within a time window, for a raster plot.
///
/// The spikes are either listed (times and neurons) or, for samplers shown by their binary
/// states, kept as those states (`stackedStates`): the list is then derived from them on
/// demand, and a raster widget can draw the states directly instead of thousands of listed
/// spikes per frame (issue 13). Both forms give the same `spikes`.
public struct Raster: Sendable {
    /// Number of neurons (rows), numbered 0..<neuronCount.
    public var neuronCount: Int
    /// Window shown, in ms of biological time: [startMs, endMs).
    public var startMs: Double
    public var endMs: Double
    /// Length of the "on" window after each spike (the refractory period, during which the
    /// sampler's state z_k = 1), in ms; nil when states are not shown.
    public var onWindowMs: Double?
    /// The spikes as listed, or the states they are derived from.
    private var source: Source

    private enum Source: Sendable {
        case listed(times: [Double], neurons: [Int32])
        case states(StackedStates)
    }

    public init(neuronCount: Int, startMs: Double, endMs: Double, spikeTimesMs: [Double], spikeNeurons: [Int32],
                onWindowMs: Double? = nil) {
        self.neuronCount = neuronCount
        self.startMs = startMs
        self.endMs = endMs
        self.onWindowMs = onWindowMs
        source = .listed(times: spikeTimesMs, neurons: spikeNeurons)
    }

    /// A raster whose spikes are the on-units of `states` (`StackedStates.spikes`).
    public init(neuronCount: Int, startMs: Double, endMs: Double, states: StackedStates, onWindowMs: Double? = nil) {
        self.neuronCount = neuronCount
        self.startMs = startMs
        self.endMs = endMs
        self.onWindowMs = onWindowMs
        source = .states(states)
    }

    /// Spike times in ms and the neuron that fired, oldest first (derived from the states,
    /// when the raster holds states: read `spikes` once rather than both arrays).
    public var spikes: (times: [Double], neurons: [Int32]) {
        switch source {
        case .listed(let times, let neurons): return (times, neurons)
        case .states(let states): return states.spikes()
        }
    }

    /// Spike times in ms, oldest first (see `spikes`).
    public var spikeTimesMs: [Double] {
        get { spikes.times }
        set { source = .listed(times: newValue, neurons: spikes.neurons) }
    }

    /// The neuron of each spike (see `spikes`).
    public var spikeNeurons: [Int32] {
        get { spikes.neurons }
        set { source = .listed(times: spikes.times, neurons: newValue) }
    }

    /// The states the spikes come from, when the raster holds states.
    public var stackedStates: StackedStates? {
        if case .states(let states) = source { return states }
        return nil
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

/// Probability distributions (or any non-negative values) over the same categories, one
/// series each, e.g. the target p*(z) and the sampled p(z) over all 2^N states.
public struct Distribution: Sendable {
    public var label: String
    /// Category names in display order (e.g. "01101").
    public var categories: [String]
    /// Series names and their values, one value per category.
    public var seriesNames: [String]
    public var values: [[Double]]

    public init(label: String, categories: [String], seriesNames: [String], values: [[Double]]) {
        self.label = label
        self.categories = categories
        self.seriesNames = seriesNames
        self.values = values
    }
}

/// A scalar field on a regular grid (row-major, row 0 at the top, i.e. at `yRange.upperBound`)
/// with optional trails and a cursor in the same data coordinates.
public struct Landscape: Sendable {
    public var label: String
    /// Grid size: `values.count == columns * rows`.
    public var columns: Int
    public var rows: Int
    public var values: [Double]
    /// Data coordinates the grid spans (cell centres evenly spaced over them).
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var xLabel: String
    public var yLabel: String
    /// Named paths over the landscape, oldest point first.
    public var trails: [(name: String, points: [(x: Double, y: Double)])]
    /// Per trail (parallel to `trails`, or empty: not known), the generation of its history
    /// (`TrailGeneration`): while a trail keeps its generation from one readout to the next, its
    /// points only grew at the end, the earlier ones unchanged bit for bit.
    public var trailGenerations: [UInt64]
    /// The current point, if any (e.g. the network's state).
    public var cursor: (x: Double, y: Double)?

    public init(label: String, columns: Int, rows: Int, values: [Double], xRange: ClosedRange<Double>,
                yRange: ClosedRange<Double>, xLabel: String = "", yLabel: String = "",
                trails: [(name: String, points: [(x: Double, y: Double)])] = [], trailGenerations: [UInt64] = [],
                cursor: (x: Double, y: Double)? = nil) {
        self.label = label
        self.columns = columns
        self.rows = rows
        self.values = values
        self.xRange = xRange
        self.yRange = yRange
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.trails = trails
        self.trailGenerations = trailGenerations
        self.cursor = cursor
    }

    /// The generation of trail `index`, nil when not known.
    public func trailGeneration(_ index: Int) -> UInt64? {
        trailGenerations.indices.contains(index) ? trailGenerations[index] : nil
    }
}
