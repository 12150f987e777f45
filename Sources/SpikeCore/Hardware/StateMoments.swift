/// First and second moments ⟨z_k⟩, ⟨z_k z_j⟩ of a distribution over the 2^N joint states
/// (state index Σ_k z_k 2^{N−1−k}, z_0 most significant; science.md 1.12): the statistics of
/// the contrastive (wake–sleep) rule, science.md 2.4.
public struct StateMoments: Sendable, Equatable {
    public let unitCount: Int
    /// ⟨z_k⟩.
    public let means: [Double]
    /// ⟨z_k z_j⟩, row-major N×N (diagonal = means).
    public let pairs: [Double]

    /// Moments of `probabilities` (normalised to sum 1; all zero gives zeros).
    public init(probabilities: [Double], unitCount n: Int) {
        precondition(probabilities.count == 1 << n)
        let total = probabilities.reduce(0, +)
        var m = Array(repeating: 0.0, count: n), p = Array(repeating: 0.0, count: n * n)
        if total > 0 {
            for (s, q) in probabilities.enumerated() where q > 0 {
                let w = q / total
                for k in 0..<n where (s >> (n - 1 - k)) & 1 == 1 {
                    m[k] += w
                    for j in 0..<n where (s >> (n - 1 - j)) & 1 == 1 { p[k * n + j] += w }
                }
            }
        }
        unitCount = n
        means = m
        pairs = p
    }
}
