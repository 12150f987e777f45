/// What the high-conductance-state experiment measures on its free-membrane probe over one
/// measurement window (restarted whenever a parameter changes): the membrane potential sampled
/// every step (mean, sd, batch-means standard errors, histogram), the time-average of the
/// probe's total conductance g_l + g_e + g_i (→ measured τ_eff = C_m/⟨g_tot⟩), and the spike
/// count of the spiking population.
///
/// Per step it only adds to shifted sums (Σ(V − V₀), Σ(V − V₀)², shift V₀ = theory μ_V, so no
/// cancellation) and one histogram bin: no division, cheap next to the network step.
struct FreeMembraneMeasurement: Sendable {
    /// First time index of the window (samples are taken at time indices ≥ startStep).
    let startStep: Int64
    let shift: Double
    let batchLength: Int
    private(set) var sampleCount = 0
    private var sum = 0.0, sumSquares = 0.0, conductanceSum = 0.0
    private var batchCount = 0
    private var batchSum = 0.0, batchSumSquares = 0.0, batchConductanceSum = 0.0
    /// Completed batches: their means and standard deviations of V, means of g_tot.
    private(set) var batchMeans = RunningStatistics()
    private(set) var batchStandardDeviations = RunningStatistics()
    private(set) var batchConductances = RunningStatistics()
    private(set) var histogram: ValueHistogram
    var populationSpikes = 0

    /// - Parameters:
    ///   - shift: a value close to the mean (theory μ_V), mV.
    ///   - batchSteps: batch length for the standard errors (≫ correlation time τ_syn).
    init(startStep: Int64, shift: Double, batchSteps: Int, histogram: ValueHistogram) {
        self.startStep = startStep
        self.shift = shift
        batchLength = max(2, batchSteps)
        self.histogram = histogram
    }

    mutating func add(v: Double, totalConductance: Double) {
        let d = v - shift
        sampleCount += 1
        batchCount += 1
        batchSum += d
        batchSumSquares += d * d
        batchConductanceSum += totalConductance
        histogram.add(v)
        if batchCount == batchLength { closeBatch() }
    }

    private mutating func closeBatch() {
        let n = Double(batchCount)
        let mean = batchSum / n
        batchMeans.add(shift + mean)
        batchStandardDeviations.add((max(0, batchSumSquares - n * mean * mean) / (n - 1)).squareRoot())
        batchConductances.add(batchConductanceSum / n)
        sum += batchSum
        sumSquares += batchSumSquares
        conductanceSum += batchConductanceSum
        batchCount = 0
        batchSum = 0
        batchSumSquares = 0
        batchConductanceSum = 0
    }

    /// Mean V over all samples, mV.
    var mean: Double { shift + (sum + batchSum) / Double(sampleCount) }
    /// Sample standard deviation of V over all samples, mV.
    var standardDeviation: Double {
        let n = Double(sampleCount)
        let m = (sum + batchSum) / n
        return (max(0, (sumSquares + batchSumSquares) - n * m * m) / (n - 1)).squareRoot()
    }
    /// Mean total conductance of the probe, µS.
    var meanConductance: Double { (conductanceSum + batchConductanceSum) / Double(sampleCount) }
    var completedBatches: Int { batchMeans.count }
    /// Batch-means standard errors of the mean and sd of V (mV).
    var standardErrorOfMean: Double { batchMeans.standardErrorOfMean }
    var standardErrorOfStandardDeviation: Double { batchStandardDeviations.standardErrorOfMean }

    /// Length of the window at time index `now`, in steps.
    func durationSteps(at now: Int64) -> Int64 { max(0, now - startStep + 1) }
}
