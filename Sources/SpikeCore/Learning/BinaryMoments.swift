/// First and second moments of binary units z ∈ {0,1}^N: ⟨z_i⟩ and ⟨z_i z_j⟩, the statistics the
/// contrastive (wake–sleep) rule compares (science.md 2.4; [Dold2019], [Kungl2019]).
///
/// `secondMoments` is row-major N×N with ⟨z_i z_i⟩ = ⟨z_i⟩ on the diagonal. Build it exactly from
/// a distribution over the 2^N states (state index convention of science.md 1.12, z_0 the most
/// significant bit), from sampled states, or from a `StateHistogram`.
public struct BinaryMoments: Sendable, Equatable {
    /// Number of units N.
    public let unitCount: Int
    /// ⟨z_i⟩, length N.
    public let means: [Double]
    /// ⟨z_i z_j⟩, row-major N×N (diagonal = means).
    public let secondMoments: [Double]

    /// Moments from explicit arrays (checked: sizes, values in [0, 1]).
    public init(means: [Double], secondMoments: [Double]) {
        let n = means.count
        precondition(n >= 1 && secondMoments.count == n * n, "expected \(n) means and \(n * n) second moments")
        precondition(means.allSatisfy { $0 >= 0 && $0 <= 1 } && secondMoments.allSatisfy { $0 >= -1e-12 && $0 <= 1 + 1e-12 },
                     "moments of binary units must lie in [0, 1]")
        unitCount = n
        self.means = means
        self.secondMoments = secondMoments
    }

    /// Exact moments of a distribution p(z) over the 2^N states (need not be normalised: it is
    /// divided by its sum; an all-zero vector gives zero moments).
    public init(distribution p: [Double], unitCount n: Int) {
        precondition(n >= 1 && p.count == 1 << n, "expected \(1 << n) state probabilities for \(n) units, got \(p.count)")
        let total = p.reduce(0, +)
        var first = Array(repeating: 0.0, count: n)
        var second = Array(repeating: 0.0, count: n * n)
        if total > 0 {
            var on = [Int](); on.reserveCapacity(n)
            for (index, q) in p.enumerated() where q != 0 {
                let w = q / total
                on.removeAll(keepingCapacity: true)
                for k in 0..<n where (index >> (n - 1 - k)) & 1 == 1 { on.append(k) }
                for i in on {
                    first[i] += w
                    for j in on { second[i * n + j] += w }
                }
            }
        }
        unitCount = n
        means = first
        secondMoments = second
    }

    /// Exact moments of a Boltzmann machine's distribution p*(z) (data statistics for a fully
    /// visible machine learning its target; science.md 2.4).
    public init(_ distribution: BoltzmannDistribution) {
        self.init(distribution: distribution.probabilities, unitCount: distribution.unitCount)
    }

    /// Time-weighted moments of a sampled state histogram (model statistics from spikes).
    public init(_ histogram: StateHistogram) {
        self.init(distribution: histogram.counts, unitCount: histogram.unitCount)
    }

    /// Moments of equally weighted sample states (each of length N; at least one sample).
    public init(samples: [[Bool]]) {
        precondition(!samples.isEmpty, "expected at least one sample state")
        let n = samples[0].count
        precondition(n >= 1 && samples.allSatisfy { $0.count == n }, "expected sample states of equal length ≥ 1")
        var first = Array(repeating: 0.0, count: n)
        var second = Array(repeating: 0.0, count: n * n)
        for z in samples {
            for i in 0..<n where z[i] {
                first[i] += 1
                for j in 0..<n where z[j] { second[i * n + j] += 1 }
            }
        }
        let m = Double(samples.count)
        unitCount = n
        means = first.map { $0 / m }
        secondMoments = second.map { $0 / m }
    }

    /// ⟨z_i z_j⟩.
    @inline(__always)
    public func secondMoment(_ i: Int, _ j: Int) -> Double { secondMoments[i * unitCount + j] }
}
