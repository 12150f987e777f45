#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a chip's realised parameters mean in Boltzmann units, and the distribution they define,
/// without sampling noise: the effective W_kj = w_{j→k}/factor_k(sign) and b_k from the realised
/// E_l through neuron k's own calibration (science.md 1.6–1.7 inverted). Quantisation and
/// synaptic noise make W_eff asymmetric, so the distribution is the stationary distribution of
/// random-scan Gibbs sampling with the conditionals p(z_k = 1 | z_\k) = σ(b_k + Σ_j W_kj z_j)
/// (exactly the Boltzmann distribution when W_eff is symmetric), found by power iteration on
/// the 2^N × 2^N transition matrix. It isolates the parameter error of a chip from the LIF
/// sampler's own systematic error and from finite sampling.
public struct EffectiveMachine: Sendable {
    public let unitCount: Int
    /// W_eff row-major (row k = postsynaptic), b_eff.
    public let weights: [Double]
    public let biases: [Double]

    public init(weights: [[Double]], biases: [Double]) {
        unitCount = biases.count
        self.weights = weights.flatMap { $0 }
        self.biases = biases
    }

    /// The effective machine of realised weights [pre][post] (µS) and realised resting
    /// potentials (mV) under a translation whose calibrations describe each neuron.
    public init(realisedWeights w: [[Double]], realisedRestingPotentials vRest: [Double], translation: HardwareTranslation) {
        let n = vRest.count
        var rows = Array(repeating: Array(repeating: 0.0, count: n), count: n), b = Array(repeating: 0.0, count: n)
        for k in 0..<n {
            let t = translation.translations[k]
            // The neuron's calibration is in realised E_l; the realised E_l already contains the offset.
            b[k] = t.bias(restingPotential: vRest[k])
            for j in 0..<n where j != k {
                let x = w[j][k]
                rows[k][j] = x == 0 ? 0 : x / t.weightFactor(postsynapticRestingPotential: vRest[k], excitatory: x > 0)
            }
        }
        self.init(weights: rows, biases: b)
    }

    /// Stationary distribution of random-scan Gibbs sampling (state index: z_0 most significant).
    public func stationaryDistribution(iterations: Int = 4000) -> [Double] {
        let n = unitCount, states = 1 << n
        // p_on[s][k] = σ(b_k + Σ_j W_kj z_j(s)), z_k excluded (W_kk = 0 by construction).
        var pOn = Array(repeating: 0.0, count: states * n)
        for s in 0..<states {
            for k in 0..<n {
                var u = biases[k]
                for j in 0..<n where j != k && (s >> (n - 1 - j)) & 1 == 1 { u += weights[k * n + j] }
                pOn[s * n + k] = 1 / (1 + exp(-u))
            }
        }
        var p = Array(repeating: 1.0 / Double(states), count: states)
        for _ in 0..<iterations {
            var next = Array(repeating: 0.0, count: states)
            for s in 0..<states where p[s] > 0 {
                let share = p[s] / Double(n)
                for k in 0..<n {
                    let bit = 1 << (n - 1 - k)
                    let on = pOn[s * n + k]
                    next[s | bit] += share * on
                    next[s & ~bit] += share * (1 - on)
                }
            }
            p = next
        }
        return p
    }
}
