#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Fourier-synthesis task of Haider et al. 2021 (science.md 6.3): harmonic sinusoidal
/// inputs x_k(t) = sin(2π k f₀ t), k = 1 ... n, and a sawtooth target
/// y*(t) = 2·((f t) mod 1) − 1 that a network must synthesise from them.
public struct FourierSynthesisTask: Sendable, Equatable {
    /// Number of input sinusoids n.
    public var inputCount: Int
    /// Fundamental frequency f₀ of the inputs, Hz (inputs at f₀, 2f₀, ..., n f₀).
    public var fundamentalHz: Double
    /// Frequency of the sawtooth target, Hz.
    public var targetHz: Double

    public init(inputCount: Int = 50, fundamentalHz: Double = 10, targetHz: Double = 20) {
        self.inputCount = inputCount
        self.fundamentalHz = fundamentalHz
        self.targetHz = targetHz
    }

    /// Writes the inputs at time `timeMs` into `x` (count `inputCount`). The harmonics come from
    /// the Chebyshev recurrence sin(kθ) = 2 cos θ sin((k−1)θ) − sin((k−2)θ), exact to ~1e−13
    /// for k ≤ 100: two transcendental calls per step instead of n.
    public func inputs(atMs timeMs: Double, into x: inout [Double]) {
        let theta = 2 * Double.pi * fundamentalHz * timeMs / 1000
        let c2 = 2 * cos(theta)
        var previous = 0.0, current = sin(theta)
        for k in 0..<inputCount {
            x[k] = current
            let next = c2 * current - previous
            previous = current
            current = next
        }
    }

    /// The sawtooth target at `timeMs`: rises linearly from −1 to 1 over each period.
    public func target(atMs timeMs: Double) -> Double {
        let phase = targetHz * timeMs / 1000
        return 2 * (phase - phase.rounded(.down)) - 1
    }
}
