#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The rate function φ of a layer of a least-action network: a neuron's rate is φ of its
/// (prospective) voltage, r = φ(ŭ) (science.md 6.1-6.2; Haider et al. 2021).
public enum RateFunction: String, Sendable, CaseIterable {
    /// r = u: linear output neurons, whose voltage is read out directly.
    case identity
    /// r = tanh(u): the hidden units of the Fourier-synthesis network (science.md 6.3).
    case tanh
    /// r = 1/(1 + e^−u): the units of the NLA reference network (science.md 6.3, 6.6).
    case sigmoid

    /// φ(u).
    public func value(_ u: Double) -> Double {
        switch self {
        case .identity: return u
        case .tanh: return hyperbolicTangent(u)
        case .sigmoid: return 1 / (1 + exp(-u))
        }
    }

    /// φ(u) and φ′(u) together (one exponential for the sigmoid and tanh).
    public func valueAndDerivative(_ u: Double) -> (value: Double, derivative: Double) {
        switch self {
        case .identity: return (u, 1)
        case .tanh:
            let r = hyperbolicTangent(u)
            return (r, 1 - r * r)
        case .sigmoid:
            let r = 1 / (1 + exp(-u))
            return (r, r * (1 - r))
        }
    }
}

/// tanh under a name the `RateFunction.tanh` case does not shadow.
private func hyperbolicTangent(_ x: Double) -> Double { tanh(x) }
