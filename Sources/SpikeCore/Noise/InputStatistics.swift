/// Statistics of the total noise input x_k of functional units (science.md 2.2, 2.5): running
/// mean and variance per unit, and the pairwise correlation coefficients
/// ρ_kl = cov(x_k, x_l)/(σ_k σ_l) among the first `matrixUnits` units (sampled simultaneously).
public struct InputStatistics: Sendable, Equatable {
    public let unitCount: Int
    public let matrixUnits: Int
    public private(set) var sampleCount = 0
    var sum: [Double]
    var sumSquares: [Double]
    /// Σ x_k x_l, row-major matrixUnits².
    var crossSums: [Double]

    public init(unitCount: Int, matrixUnits: Int) {
        self.unitCount = unitCount
        self.matrixUnits = min(matrixUnits, unitCount)
        sum = Array(repeating: 0, count: unitCount)
        sumSquares = sum
        crossSums = Array(repeating: 0, count: self.matrixUnits * self.matrixUnits)
    }

    /// One simultaneous sample of all units' inputs.
    public mutating func add(_ x: [Double]) {
        precondition(x.count == unitCount)
        for k in 0..<unitCount { sum[k] += x[k]; sumSquares[k] += x[k] * x[k] }
        let m = matrixUnits
        for k in 0..<m {
            let xk = x[k]
            for l in k..<m { crossSums[k * m + l] += xk * x[l] }
        }
        sampleCount += 1
    }

    /// Mean input of unit k.
    public func mean(_ k: Int) -> Double { sampleCount > 0 ? sum[k] / Double(sampleCount) : .nan }
    /// Variance of unit k's input (population form, n large).
    public func variance(_ k: Int) -> Double {
        guard sampleCount > 1 else { return .nan }
        let m = mean(k)
        return sumSquares[k] / Double(sampleCount) - m * m
    }
    /// Mean over units of the per-unit mean input.
    public var meanInput: Double { (0..<unitCount).reduce(0) { $0 + mean($1) } / Double(unitCount) }
    /// Mean over units of the per-unit input variance.
    public var meanVariance: Double { (0..<unitCount).reduce(0) { $0 + variance($1) } / Double(unitCount) }

    /// ρ_kl for k, l < matrixUnits (1 on the diagonal).
    public func correlation(_ k: Int, _ l: Int) -> Double {
        let (a, b) = (min(k, l), max(k, l))
        return correlation(a, b, mean: mean, variance: variance)
    }

    /// ρ_ab (a ≤ b) from the given per-unit mean and variance (the functions, or tables of
    /// their values: the same numbers either way).
    @inline(__always)
    private func correlation(_ a: Int, _ b: Int, mean: (Int) -> Double, variance: (Int) -> Double) -> Double {
        let n = Double(sampleCount)
        let cov = crossSums[a * matrixUnits + b] / n - mean(a) * mean(b)
        let d = (variance(a) * variance(b)).squareRoot()
        return d > 0 ? cov / d : .nan
    }

    /// Calls `body(k, l, ρ_kl)` for every pair k < l of matrix units, row by row; the units'
    /// means and variances are computed once, not once per pair (the live screens ask for
    /// every pair every frame, issue 13).
    private func forEachPairCorrelation(_ body: (Int, Int, Double) -> Void) {
        let m = matrixUnits
        let means = (0..<m).map(mean), variances = (0..<m).map(variance)
        for k in 0..<m {
            for l in (k + 1)..<max(k + 1, m) {
                body(k, l, correlation(k, l, mean: { means[$0] }, variance: { variances[$0] }))
            }
        }
    }

    /// Row-major matrixUnits² correlation matrix (symmetric: ρ_lk is ρ_kl).
    public var correlationMatrix: [Double] {
        let m = matrixUnits
        var out = Array(repeating: 0.0, count: m * m)
        for k in 0..<m { out[k * m + k] = 1 }
        forEachPairCorrelation { k, l, r in
            out[k * m + l] = r
            out[l * m + k] = r
        }
        return out
    }

    /// Mean ρ_kl over pairs k < l among the matrix units, optionally only pairs with
    /// `include(k, l)` true.
    public func meanPairwiseCorrelation(include: (Int, Int) -> Bool = { _, _ in true }) -> Double {
        var total = 0.0, pairs = 0
        forEachPairCorrelation { k, l, r in
            if include(k, l) && r.isFinite { total += r; pairs += 1 }
        }
        return pairs > 0 ? total / Double(pairs) : .nan
    }

    /// Forget all samples.
    public mutating func reset() { self = InputStatistics(unitCount: unitCount, matrixUnits: matrixUnits) }
}
