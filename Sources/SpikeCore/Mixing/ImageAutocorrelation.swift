/// Autocorrelation of a stream of binary images and its integrated autocorrelation time
/// (science.md 3.4: C(Δ) = corr(v(t), v(t+Δ)) averaged over pixels; τ_int in samples).
///
/// Accumulated online for lags 0 … `maxLag`: per pixel the sums Σ v_t and Σ v_t v_{t−Δ}. The
/// pixel average is variance-weighted (pooled): C(Δ) = Σ_i cov_i(Δ) / Σ_i var_i, which stays
/// defined when some pixels never change. τ_int = 1 + 2 Σ_{Δ=1}^{M} C(Δ) with Sokal's automatic
/// window: the smallest M with M ≥ 5 τ_int(M) (or `maxLag`).
public struct ImageAutocorrelation: Sendable {
    public let pixelCount: Int
    public let maxLag: Int
    /// Samples added.
    public private(set) var count = 0
    private var sum: [Double]
    /// products[Δ·pixelCount + i] = Σ_t v_i(t) v_i(t − Δ).
    private var products: [Double]
    /// Recent samples, ring of maxLag + 1.
    private var history: [[Bool]]
    /// `integratedTime` as of `count` samples (`memoizedIntegratedTime()`); nil: not yet computed.
    private var memo: (count: Int, time: Double?)?

    public init(pixelCount: Int, maxLag: Int = 200) {
        precondition(pixelCount > 0 && maxLag >= 1)
        self.pixelCount = pixelCount
        self.maxLag = maxLag
        sum = Array(repeating: 0, count: pixelCount)
        products = Array(repeating: 0, count: (maxLag + 1) * pixelCount)
        history = Array(repeating: Array(repeating: false, count: pixelCount), count: maxLag + 1)
    }

    /// Adds the next image (its first `pixelCount` units).
    public mutating func add(_ image: [Bool]) {
        let slot = count % (maxLag + 1)
        for i in 0..<pixelCount {
            history[slot][i] = image[i]
        }
        let lags = min(count, maxLag)
        for i in 0..<pixelCount where image[i] {
            sum[i] += 1
            for d in 0...lags where history[(count - d) % (maxLag + 1)][i] {
                products[d * pixelCount + i] += 1
            }
        }
        count += 1
    }

    /// C(Δ) for Δ = 0 … min(maxLag, count − 2) (C(0) = 1; empty while there is no variance).
    public var correlation: [Double] {
        guard let (n, variance) = pooledVariance() else { return [] }
        return (0...min(maxLag, count - 2)).map { covariance(lag: $0, n: n) / variance }
    }

    /// n and Σ_i var_i (nil with fewer than two samples or no variance).
    private func pooledVariance() -> (n: Double, variance: Double)? {
        guard count > 1 else { return nil }
        let n = Double(count)
        var variance = 0.0
        for i in 0..<pixelCount {
            let m = sum[i] / n
            variance += sum[i] / n - m * m
        }
        return variance > 0 ? (n, variance) : nil
    }

    /// Σ_i cov_i(Δ) over the `count − Δ` pairs of samples `Δ` apart.
    private func covariance(lag d: Int, n: Double) -> Double {
        let pairs = Double(count - d)
        var cov = 0.0
        for i in 0..<pixelCount {
            let m = sum[i] / n
            cov += products[d * pixelCount + i] / pairs - m * m
        }
        return cov
    }

    /// `integratedTime`, computed once per added sample (O(maxLag · pixelCount)) and then reused
    /// until the next `add`: the live screens read it every frame while samples arrive every few
    /// frames. Always equal to `integratedTime` (test memoizedIntegratedTimeEqualsTheComputedOne).
    public mutating func memoizedIntegratedTime() -> Double? {
        if let m = memo, m.count == count { return m.time }
        let time = integratedTime
        memo = (count, time)
        return time
    }

    /// Integrated autocorrelation time in samples (≥ 0; nil while undefined). C(Δ) is computed
    /// only up to the window M (the same values as `correlation`).
    public var integratedTime: Double? {
        guard let (n, variance) = pooledVariance() else { return nil }
        let top = min(maxLag, count - 2)
        guard top >= 1 else { return nil }
        var tau = 1.0
        for m in 1...top {
            tau += 2 * (covariance(lag: m, n: n) / variance)
            if Double(m) >= 5 * tau { break }
        }
        return max(tau, 0)
    }
}
