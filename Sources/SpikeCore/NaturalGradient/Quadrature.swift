#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Numerical integration on a bounded interval: the composite Simpson rule
/// (Abramowitz & Stegun 25.4.6), error O(h⁴ f⁗) for smooth integrands.
///
/// The natural-gradient coefficients (science.md 5.3; [Kreutzer2022] code
/// `Figure3/File04_create_lt.py`, `g(m,v,q)`) are Gaussian expectations of smooth
/// functions of the membrane potential; Simpson over mean ± 10 sd with a few hundred
/// points integrates them to ~1e-10 relative (tested against closed forms).
public enum Quadrature {
    /// ∫_a^b f(x) dx by the composite Simpson rule with `intervals` sub-intervals
    /// (rounded up to an even number, at least 2).
    public static func simpson(from a: Double, to b: Double, intervals: Int = 400,
                               _ f: (Double) -> Double) -> Double {
        var sums = simpson(from: a, to: b, intervals: intervals, count: 1) { x, out in out[0] = f(x) }
        return sums.removeFirst()
    }

    /// Several integrals over the same nodes at once: `f(x, &values)` writes `count`
    /// integrand values at x; returns the `count` integrals. One pass, so an expensive
    /// shared factor (a sigmoid, a Gaussian density) is evaluated once per node.
    public static func simpson(from a: Double, to b: Double, intervals: Int = 400, count: Int,
                               _ f: (Double, inout [Double]) -> Void) -> [Double] {
        let n = max(2, intervals + intervals % 2)
        let h = (b - a) / Double(n)
        var total = [Double](repeating: 0, count: count)
        var values = [Double](repeating: 0, count: count)
        for k in 0...n {
            let weight: Double = (k == 0 || k == n) ? 1 : (k % 2 == 1 ? 4 : 2)
            f(a + Double(k) * h, &values)
            for j in 0..<count { total[j] += weight * values[j] }
        }
        return total.map { $0 * h / 3 }
    }

    /// Density of the normal distribution with the given mean and variance at x.
    @inline(__always)
    public static func normalDensity(_ x: Double, mean: Double, variance: Double) -> Double {
        let d = x - mean
        return exp(-d * d / (2 * variance)) / (2 * Double.pi * variance).squareRoot()
    }

    /// E[f(U) · {1, U, U²}] for U ~ 𝒩(mean, variance), by Simpson over mean ± `halfWidthSDs`·sd:
    /// the three moments of f under the Gaussian (what I_1, I_2, I_3 of science.md 5.3 need).
    public static func gaussianMoments(mean: Double, variance: Double, halfWidthSDs: Double = 10,
                                       intervals: Int = 400, _ f: (Double) -> Double) -> (m0: Double, m1: Double, m2: Double) {
        // The three-integral Simpson rule unrolled (no per-node arrays): this runs every
        // 50 learning steps per natural-gradient learner.
        let sd = variance.squareRoot()
        let n = max(2, intervals + intervals % 2)
        let a = mean - halfWidthSDs * sd
        let h = 2 * halfWidthSDs * sd / Double(n)
        let norm = 1 / (2 * Double.pi * variance).squareRoot()
        let inv2v = 1 / (2 * variance)
        var s0 = 0.0, s1 = 0.0, s2 = 0.0
        for k in 0...n {
            let weight: Double = (k == 0 || k == n) ? 1 : (k % 2 == 1 ? 4 : 2)
            let u = a + Double(k) * h
            let d = u - mean
            let w = weight * f(u) * exp(-d * d * inv2v)
            s0 += w
            s1 += w * u
            s2 += w * u * u
        }
        let scale = norm * h / 3
        return (s0 * scale, s1 * scale, s2 * scale)
    }
}
