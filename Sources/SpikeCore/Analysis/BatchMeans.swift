/// Batch-means error estimate for a correlated time series (e.g. a membrane potential sampled
/// every step, autocorrelation time ≈ τ_syn): the series is cut into consecutive batches of
/// `batchLength` samples; the spread of the batch means (and batch standard deviations) gives
/// the standard error of the overall mean (and standard deviation) when batches are much
/// longer than the correlation time.
public struct BatchMeans: Sendable {
    public let batchLength: Int
    /// All samples.
    public private(set) var overall = RunningStatistics()
    /// Statistics of the completed batches' means and standard deviations.
    public private(set) var batchMeans = RunningStatistics()
    public private(set) var batchStandardDeviations = RunningStatistics()
    private var current = RunningStatistics()

    public init(batchLength: Int) {
        precondition(batchLength > 1)
        self.batchLength = batchLength
    }

    public mutating func add(_ x: Double) {
        overall.add(x)
        addToBatch(x)
    }

    mutating func addToBatch(_ x: Double) {
        current.add(x)
        if current.count == batchLength {
            batchMeans.add(current.mean)
            batchStandardDeviations.add(current.standardDeviation)
            current = RunningStatistics()
        }
    }

    public var completedBatches: Int { batchMeans.count }
    public var mean: Double { overall.mean }
    public var standardDeviation: Double { overall.standardDeviation }
    /// SE of the mean: sd(batch means)/√(batches); 0 with fewer than two batches.
    public var standardErrorOfMean: Double { batchMeans.standardErrorOfMean }
    /// SE of the standard deviation: sd(batch sds)/√(batches).
    public var standardErrorOfStandardDeviation: Double { batchStandardDeviations.standardErrorOfMean }
}
