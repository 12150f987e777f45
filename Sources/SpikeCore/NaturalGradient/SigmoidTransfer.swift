#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The stochastic rate neuron's transfer function (science.md 5.2; [Kreutzer2022] code
/// `Figure3/File01_simulation_parameters.py`): φ(V) = 1/(1 + e^{−β(V − θ)}), output rate
/// φ_max·φ(V), output spikes Bernoulli(φ_max φ(V) dt) per step. V in mV (rest subtracted).
public struct SigmoidTransfer: Sendable, Equatable {
    /// Slope β, 1/mV.
    public var beta: Double
    /// Threshold θ, mV.
    public var threshold: Double
    /// Maximal rate φ_max, Hz.
    public var maxRateHz: Double

    /// β = 0.3 mV⁻¹, θ = 10 mV, φ_max = 100 Hz.
    public static let kreutzer2022 = SigmoidTransfer(beta: 0.3, threshold: 10, maxRateHz: 100)

    public init(beta: Double, threshold: Double, maxRateHz: Double) {
        self.beta = beta
        self.threshold = threshold
        self.maxRateHz = maxRateHz
    }

    /// φ(V), in (0, 1).
    @inline(__always)
    public func phi(_ v: Double) -> Double { 1 / (1 + exp(-beta * (v - threshold))) }

    /// φ'(V) = β φ (1 − φ), 1/mV.
    public func phiPrime(_ v: Double) -> Double {
        let p = phi(v)
        return beta * p * (1 - p)
    }

    /// Output rate φ_max φ(V), Hz.
    public func rateHz(_ v: Double) -> Double { maxRateHz * phi(v) }

    /// The Fisher-information density of the Poisson-like output with respect to V,
    /// β² φ_max φ(V)(1 − φ(V))² (the integrand of I_1 in science.md 5.3), Hz/mV².
    @inline(__always)
    public func fisherDensity(_ v: Double) -> Double {
        let p = phi(v)
        return beta * beta * maxRateHz * p * (1 - p) * (1 - p)
    }
}

/// The cost of science.md 5.2: Kullback–Leibler divergence between the teacher's and the
/// student's Bernoulli spike probabilities in one time bin, p* ln(p*/p) + (1−p*) ln((1−p*)/(1−p)).
@inline(__always)
public func bernoulliKL(teacher pStar: Double, student p: Double) -> Double {
    var kl = 0.0
    if pStar > 0 { kl += pStar * log(pStar / p) }
    if pStar < 1 { kl += (1 - pStar) * log((1 - pStar) / (1 - p)) }
    return kl
}
