#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The exact distribution p*(z) of a Boltzmann machine by enumeration of all 2^N states
/// (science.md 1.1: "for N ≤ ~20 the 2^N states can be enumerated"; sbs `get_bm_prob`).
///
/// log Z is computed with the log-sum-exp shift (log Z = m + log Σ e^{−E(z) − m},
/// m = max_z(−E(z))), so no exponential overflows however large the weights. Probabilities are
/// indexed by the state index of science.md 1.12 (z_0 most significant bit).
public struct BoltzmannDistribution: Sendable, Equatable {
    public let unitCount: Int
    /// E(z) per state index.
    public let energies: [Double]
    /// log Z.
    public let logPartition: Double
    /// p*(z) per state index (sums to 1).
    public let probabilities: [Double]

    public init(_ machine: BoltzmannMachine) {
        precondition(machine.unitCount <= BoltzmannMachine.maxEnumerableUnits,
                     "exact enumeration is limited to \(BoltzmannMachine.maxEnumerableUnits) units")
        unitCount = machine.unitCount
        let count = machine.stateCount
        // Energies by Gray-code-free incremental evaluation would be faster; direct is O(N² 2^N),
        // < 0.5 s at N = 20 and microseconds for the demo sizes.
        let energies = (0..<count).map { machine.energy(index: $0) }
        let m = energies.map { -$0 }.max() ?? 0
        var sum = 0.0
        for e in energies { sum += exp(-e - m) }
        let logZ = m + log(sum)
        self.energies = energies
        logPartition = logZ
        probabilities = energies.map { exp(-$0 - logZ) }
    }

    /// p*(z_k = 1) for every unit k.
    public var marginals: [Double] {
        Self.marginals(of: probabilities, unitCount: unitCount)
    }

    /// Shannon entropy −Σ p ln p, nats.
    public var entropy: Double {
        probabilities.reduce(0) { $1 > 0 ? $0 - $1 * log($1) : $0 }
    }

    /// Marginals p(z_k = 1) of any distribution over the 2^N states (same index convention).
    public static func marginals(of p: [Double], unitCount n: Int) -> [Double] {
        var out = Array(repeating: 0.0, count: n)
        for (index, q) in p.enumerated() where q != 0 {
            for k in 0..<n where (index >> (n - 1 - k)) & 1 == 1 { out[k] += q }
        }
        return out
    }
}
