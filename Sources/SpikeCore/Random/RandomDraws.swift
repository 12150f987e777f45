#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Continuous and discrete draws from the engine generator. All are deterministic
/// functions of the generator state (no caching of a second normal variate).
extension Xoshiro256StarStar {
    /// Uniform in [0, 1) with 53 random bits (the top 53 bits of one output × 2^−53).
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in (0, 1]: never 0, so its logarithm is finite.
    public mutating func nextUniformPositive() -> Double {
        Double((next() >> 11) &+ 1) * 0x1.0p-53
    }

    /// Exponential with mean 1 (inverse transform: −ln U, U ∈ (0, 1]).
    public mutating func nextStandardExponential() -> Double {
        -log(nextUniformPositive())
    }

    /// Exponential with the given rate (mean 1/rate), e.g. an inter-event interval in ms
    /// for a rate in kHz.
    public mutating func nextExponential(rate: Double) -> Double {
        nextStandardExponential() / rate
    }

    /// Standard normal by Box–Muller (one variate per two uniforms; the cosine branch).
    public mutating func nextStandardNormal() -> Double {
        let u1 = nextUniformPositive()
        let u2 = nextUniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Normal with mean `mean` and standard deviation `sd`.
    public mutating func nextNormal(mean: Double, sd: Double) -> Double {
        mean + sd * nextStandardNormal()
    }

    /// Poisson(λ), exact for every λ ≥ 0: Knuth's multiplication method for λ < 10,
    /// Hörmann's transformed rejection with squeeze (PTRS, 1993) for λ ≥ 10.
    public mutating func nextPoisson(_ lambda: Double) -> Int {
        if lambda < 10 {
            return nextPoissonMultiplication(expMinusLambda: exp(-lambda))
        }
        return nextPoissonPTRS(lambda)
    }

    /// Knuth's multiplication method with a precomputed e^{−λ} (for a fixed small λ,
    /// e.g. ν·dt of a background source): multiply uniforms until the product drops
    /// to e^{−λ} or below. Expected 1 + λ uniforms per draw.
    public mutating func nextPoissonMultiplication(expMinusLambda limit: Double) -> Int {
        var k = 0
        var product = nextUniform()
        while product > limit {
            k += 1
            product *= nextUniform()
        }
        return k
    }
}
