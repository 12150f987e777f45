#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Kullback–Leibler divergences between a target p* and a sampled distribution p over the
/// same 2^N states (science.md 1.10; sbs `utils.dkl(p, q)` called as dkl(theo, sim)).
///
/// Zero counts are handled explicitly, never by silently dropping states (sbs drops states
/// with zero probability in either argument, which early in a run gives too-small or even
/// negative values):
///
/// - D_KL(p* ‖ p) = Σ p* ln(p*/p) is **+∞ while some state with p* > 0 has not been visited**
///   (p = 0): the honest value ("not yet"); the UI shows ∞/"—" and series omit such points.
///   `.pseudoCount(c)` instead adds c counts to every state before normalising (c = 1 is the
///   Laplace/"uniform prior" of jakobj/binary_network `get_joints(prior='uniform')`).
/// - D_KL(p ‖ p*) = Σ_{p>0} p ln(p/p*): states with p = 0 contribute 0 (0 ln 0 = 0); finite
///   whenever p* > 0 everywhere (always true for a Boltzmann machine).
///
/// Terms are summed in full precision and the result is clamped at 0 (Gibbs' inequality:
/// a negative value can only be rounding), so no negative KL is ever reported. An empty
/// histogram (no samples) gives NaN.
public enum KullbackLeibler {
    public enum ZeroCounts: Sendable, Equatable {
        /// D_KL(p* ‖ p) = +∞ until every state with p* > 0 has been visited.
        case infiniteUntilVisited
        /// Add this many counts to every state first (c > 0).
        case pseudoCount(Double)
    }

    /// D_KL(target ‖ sampled) in nats from counts (or time weights) per state.
    /// (`divergence(target, normalised(counts))` computed in one pass without the two
    /// intermediate arrays, with the same operations in the same order, so the same bits: the
    /// live noise-sources screens take it for about a hundred networks every frame, issue 13.)
    public static func targetToSampled(target: [Double], counts: [Double],
                                       zeroCounts: ZeroCounts = .infiniteUntilVisited) -> Double {
        precondition(target.count == counts.count)
        var extra: Double? = nil
        if case .pseudoCount(let c) = zeroCounts {
            precondition(c > 0, "pseudo-count must be > 0")
            extra = c
        }
        var total = 0.0
        if let extra { for c in counts { total += c + extra } } else { for c in counts { total += c } }
        guard total > 0 else { return .nan }
        var sum = 0.0
        for i in target.indices where target[i] > 0 {
            let q = (extra.map { counts[i] + $0 } ?? counts[i]) / total
            if q <= 0 { return .infinity }
            sum += target[i] * log(target[i] / q)
        }
        return max(0, sum)
    }

    /// D_KL(sampled ‖ target) in nats from counts per state (+∞ if a visited state has p* = 0).
    public static func sampledToTarget(target: [Double], counts: [Double],
                                       zeroCounts: ZeroCounts = .infiniteUntilVisited) -> Double {
        precondition(target.count == counts.count)
        guard let q = normalised(counts, zeroCounts: zeroCounts).0 else { return .nan }
        return divergence(q, target)
    }

    /// D_KL(p ‖ q) = Σ_{p>0} p ln(p/q) in nats for two normalised distributions: +∞ where q = 0
    /// but p > 0; clamped at 0 so rounding never shows a negative divergence.
    static func divergence(_ p: [Double], _ q: [Double]) -> Double {
        var sum = 0.0
        for i in p.indices where p[i] > 0 {
            if q[i] <= 0 { return .infinity }
            sum += p[i] * log(p[i] / q[i])
        }
        return max(0, sum)
    }

    /// Σ_k D_KL(Bernoulli(p*_k) ‖ Bernoulli(p_k)) over unit marginals (sbs `dkl_sum_marginals`),
    /// with the same conventions (+∞ if a marginal the target needs is 0 or 1 in the samples).
    public static func summedMarginals(target: [Double], sampled: [Double]) -> Double {
        precondition(target.count == sampled.count)
        var sum = 0.0
        for k in target.indices {
            for (a, b) in [(target[k], sampled[k]), (1 - target[k], 1 - sampled[k])] where a > 0 {
                if b <= 0 { return .infinity }
                sum += a * log(a / b)
            }
        }
        return max(0, sum)
    }

    /// Counts normalised to probabilities (with pseudo-counts), nil if there is no mass.
    static func normalised(_ counts: [Double], zeroCounts: ZeroCounts) -> ([Double]?, Double) {
        var c = counts
        if case .pseudoCount(let extra) = zeroCounts {
            precondition(extra > 0, "pseudo-count must be > 0")
            c = counts.map { $0 + extra }
        }
        let total = c.reduce(0, +)
        guard total > 0 else { return (nil, 0) }
        return (c.map { $0 / total }, total)
    }
}
