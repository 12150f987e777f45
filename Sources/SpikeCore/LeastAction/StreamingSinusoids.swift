#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Continuously streaming input for the teacher–student task (science.md 6.6): each input is a
/// sum of a few slow sinusoids, x_k(t) = Σ_m a sin(2π f_km t + φ_km), with frequencies drawn
/// uniformly from a band and phases uniformly from [0, 2π).
public struct StreamingSinusoids: Sendable, Equatable {
    public let frequenciesHz: [[Double]]
    public let phases: [[Double]]
    /// Amplitude a of every sinusoid.
    public let amplitude: Double

    /// `inputs` inputs of `components` sinusoids each, frequencies in `bandHz`, from `generator`.
    public init(inputs: Int, components: Int, bandHz: ClosedRange<Double>, amplitude: Double,
                generator: inout Xoshiro256StarStar) {
        var f: [[Double]] = [], p: [[Double]] = []
        for _ in 0..<inputs {
            var fk: [Double] = [], pk: [Double] = []
            for _ in 0..<components {
                fk.append(bandHz.lowerBound + (bandHz.upperBound - bandHz.lowerBound) * generator.nextUniform())
                pk.append(2 * Double.pi * generator.nextUniform())
            }
            f.append(fk)
            p.append(pk)
        }
        frequenciesHz = f
        phases = p
        self.amplitude = amplitude
    }

    /// Writes the inputs at time `timeMs` into `x`.
    public func inputs(atMs timeMs: Double, into x: inout [Double]) {
        let t = timeMs / 1000
        for k in frequenciesHz.indices {
            var s = 0.0
            for m in frequenciesHz[k].indices { s += sin(2 * Double.pi * frequenciesHz[k][m] * t + phases[k][m]) }
            x[k] = amplitude * s
        }
    }
}
