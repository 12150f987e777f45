/// Running mean and variance by Welford's algorithm (numerically stable, one pass).
public struct RunningStatistics: Sendable, Equatable {
    public private(set) var count: Int = 0
    public private(set) var mean: Double = 0
    /// Sum of squared deviations from the mean.
    public private(set) var m2: Double = 0

    public init() {}

    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        m2 += delta * (x - mean)
    }

    /// Combines with another accumulator (Chan et al. parallel formula).
    public mutating func merge(_ other: RunningStatistics) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let n = Double(count + other.count)
        let delta = other.mean - mean
        mean += delta * Double(other.count) / n
        m2 += other.m2 + delta * delta * Double(count) * Double(other.count) / n
        count += other.count
    }

    /// Unbiased sample variance (n − 1 in the denominator); 0 for fewer than two samples.
    public var variance: Double { count > 1 ? m2 / Double(count - 1) : 0 }
    public var standardDeviation: Double { variance.squareRoot() }
    /// Standard error of the mean for *independent* samples: sd/√n.
    public var standardErrorOfMean: Double { count > 0 ? standardDeviation / Double(count).squareRoot() : 0 }
}
