#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Xoshiro256StarStar {
    /// Poisson(λ) for λ ≥ 10 by transformed rejection with squeeze:
    /// W. Hörmann, "The transformed rejection method for generating Poisson random
    /// variables", Insurance: Mathematics and Economics 12 (1993) 39–45, algorithm PTRS.
    /// Exact (the acceptance test uses the Poisson log-probability via lgamma).
    /// Expected ≈ 1.1–1.2 iterations of two uniforms each.
    public mutating func nextPoissonPTRS(_ lambda: Double) -> Int {
        precondition(lambda >= 10, "PTRS needs λ ≥ 10")
        let sqrtLambda = lambda.squareRoot()
        let logLambda = log(lambda)
        let b = 0.931 + 2.53 * sqrtLambda
        let a = -0.059 + 0.02483 * b
        let invAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vR = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = nextUniform() - 0.5
            let v = nextUniformPositive()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
            if us >= 0.07 && v <= vR {
                return Int(k)
            }
            if k < 0 || (us < 0.013 && v > us) {
                continue
            }
            // log of the hat ratio vs log Poisson pmf (up to the common e^{-λ} term).
            let lhs = log(v) + log(invAlpha) - log(a / (us * us) + b)
            let rhs = -lambda + k * logLambda - lgamma(k + 1)
            if lhs <= rhs {
                return Int(k)
            }
        }
    }
}
