#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension BoltzmannMachine {
    /// Free energy of the visible part of z in a bipartite machine (visible units 0 ..< v):
    /// F(v) = −aᵀv − Σ_j ln(1 + e^{b_j + Σ_i W_ji v_i}), so p(v) ∝ e^{−F(v)} (science.md 3.4; the
    /// "free energy of the current visible state" the stp-mixing screen plots: deep minima are
    /// the modes a sampler gets stuck in).
    public func visibleFreeEnergy(_ z: [Bool], visibleCount v: Int) -> Double {
        var f = 0.0
        for i in 0..<v where z[i] { f -= biases[i] }
        for j in v..<unitCount {
            var u = biases[j]
            let row = j * unitCount
            for i in 0..<v where z[i] { u += weights[row + i] }
            f -= u > 0 ? u + log1p(exp(-u)) : log1p(exp(u))
        }
        return f
    }
}
