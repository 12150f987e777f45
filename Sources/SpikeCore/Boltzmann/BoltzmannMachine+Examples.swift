extension BoltzmannMachine {
    /// The canonical 5-unit test machine of science.md 1.12 (generated like the sbs tutorial:
    /// numpy RandomState(42141412), W = randn(5,5) symmetrised, zero diagonal, b = randn(5),
    /// rounded to 3 decimals). Target marginals p*(z_k = 1) = [0.8037, 0.6796, 0.3935, 0.7461,
    /// 0.1546], entropy 2.702 nats.
    public static let canonical = BoltzmannMachine(
        weights: [[0.000, 0.335, 0.276, -0.193, -1.613],
                  [0.335, 0.000, -0.692, 0.791, -0.664],
                  [0.276, -0.692, 0.000, -0.343, 0.630],
                  [-0.193, 0.791, -0.343, 0.000, 0.584],
                  [-1.613, -0.664, 0.630, 0.584, 0.000]],
        biases: [1.578, 0.322, -0.042, 0.790, -0.872])

    /// A seeded random machine [CHOICE]: for k < j independently W_kj = W_jk ~ N(0, σ_W²),
    /// W_kk = 0, and b_k ~ N(0, σ_b²), drawn in that order (row-major upper triangle, then b)
    /// from `Xoshiro256StarStar(seed: seed, stream: RandomStream.experiment(0x8B))`.
    /// The defaults match the spread of the sbs tutorial's generator (randn symmetrised by
    /// (W + Wᵀ)/2 has σ_W = 1/√2 ≈ 0.7; b = randn has σ_b = 1).
    public static func random(units n: Int, seed: UInt64, weightSD: Double = 0.7, biasSD: Double = 1.0) -> BoltzmannMachine {
        precondition(n >= 1 && weightSD >= 0 && biasSD >= 0)
        var rng = Xoshiro256StarStar(seed: seed, stream: RandomStream.experiment(0x8B))
        var w = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for k in 0..<n {
            for j in (k + 1)..<max(k + 1, n) {
                let x = rng.nextNormal(mean: 0, sd: weightSD)
                w[k][j] = x
                w[j][k] = x
            }
        }
        let b = (0..<n).map { _ in rng.nextNormal(mean: 0, sd: biasSD) }
        return BoltzmannMachine(weights: w, biases: b)
    }

    /// The machine as a bipartite (restricted) one if W has no visible–visible and no
    /// hidden–hidden couplings for the split units 0..<visibleCount | visibleCount..<N.
    public func isBipartite(visibleCount v: Int) -> Bool {
        guard v > 0 && v < unitCount else { return false }
        for k in 0..<unitCount {
            for j in 0..<unitCount where (k < v) == (j < v) && weight(k, j) != 0 { return false }
        }
        return true
    }
}
