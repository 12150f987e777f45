#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A finite pool of N independent Poisson spike sources of rate ν (sbs
/// `PoissonPoolSourceConfiguration`, science.md 2.1; each source excitatory or inhibitory): the
/// shared-noise counterpart of the background network. Samplers reading overlapping subsets of
/// the pool receive correlated input.
///
/// In discrete time each source fires in a step with probability p = ν·dt (a Bernoulli process,
/// the dt → 0 limit of a Poisson process); the gaps between spikes are geometric, drawn by
/// inversion from the pool's own seeded stream, so a step costs one comparison per source.
public struct PoissonSourcePool: Sendable {
    public let size: Int
    /// Sign of every source (true: excitatory).
    public let signs: [Bool]
    public let rateHz: Double
    public let stepMs: Double
    public private(set) var stepIndex: Int64 = 0
    var nextSpike: [Int64]
    var rng: Xoshiro256StarStar
    let logMiss: Double
    /// Sources that spiked in the last step.
    public private(set) var lastSpikes: [Int32] = []

    public init(signs: [Bool], rateHz: Double, stepMs: Double, seed: UInt64) {
        precondition(!signs.isEmpty && rateHz >= 0 && rateHz * stepMs / 1000 < 1, "pool: N > 0 and 0 <= ν dt < 1")
        size = signs.count
        self.signs = signs
        self.rateHz = rateHz
        self.stepMs = stepMs
        rng = Xoshiro256StarStar(seed: seed, stream: RandomStream.poissonSourcePool)
        logMiss = log1p(-rateHz * stepMs / 1000)
        nextSpike = []
        nextSpike = (0..<size).map { _ in gap() - 1 }
    }

    /// Steps until the next spike (≥ 1): geometric with success probability p = ν dt.
    mutating func gap() -> Int64 {
        guard logMiss < 0 else { return .max / 2 }
        let g = (log(rng.nextUniformPositive()) / logMiss).rounded(.down) + 1
        return g < 1e15 ? Int64(g) : .max / 2
    }

    /// Probability of a spike per source and step, p = ν dt.
    public var spikeProbability: Double { rateHz * stepMs / 1000 }

    /// Simulates one step; the spikes are in `lastSpikes`.
    public mutating func step() {
        lastSpikes.removeAll(keepingCapacity: true)
        for j in 0..<size where nextSpike[j] == stepIndex {
            lastSpikes.append(Int32(j))
            nextSpike[j] = stepIndex + gap()
        }
        stepIndex += 1
    }
}

extension RandomStream {
    /// Spike trains of a `PoissonSourcePool` (issue 4).
    public static let poissonSourcePool: UInt64 = experiment(0x4_22)
}
