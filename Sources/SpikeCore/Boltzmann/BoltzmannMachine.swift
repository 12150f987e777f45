#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A Boltzmann machine over binary units z ∈ {0,1}^N (science.md 1.1; [Buesing2011],
/// [Petrovici2016], sbs `cutils.pyx get_bm_prob`):
///
///     p*(z) = exp(−E(z))/Z,   E(z) = −(½ zᵀWz + bᵀz),   W symmetric, W_kk = 0
///     p(z_k = 1 | z_\k) = σ(u_k),  u_k = b_k + Σ_j W_kj z_j,  σ(x) = 1/(1 + e^{−x})
///
/// States are numbered as in science.md 1.12 and sbs: index = Σ_k z_k 2^{N−1−k}, i.e. z_0 is
/// the most significant bit (`state(index:)`, `index(of:)`).
///
/// Weights are stored row-major (`weight(k, j)` = W_kj); the initialiser validates shapes,
/// symmetry, zero diagonal and finiteness (`problems(weights:biases:)`).
public struct BoltzmannMachine: Sendable, Equatable {
    /// Number of units N.
    public let unitCount: Int
    /// W, row-major N×N.
    public private(set) var weights: [Double]
    /// b, length N.
    public private(set) var biases: [Double]

    /// Largest N for which exact enumeration (2^N states) is offered.
    public static let maxEnumerableUnits = 20

    /// A machine from W (`weights[k][j]` = W_kj) and b. Traps on invalid input: check
    /// `problems(weights:biases:)` first when the input comes from a user.
    public init(weights: [[Double]], biases: [Double]) {
        let problems = Self.problems(weights: weights, biases: biases)
        precondition(problems.isEmpty, "invalid Boltzmann machine: \(problems.joined(separator: "; "))")
        unitCount = biases.count
        self.weights = weights.flatMap { $0 }
        self.biases = biases
    }

    /// Human-readable problems with (W, b) (empty when valid): sizes, finiteness, symmetry
    /// (|W_kj − W_jk| ≤ 1e−9), zero diagonal.
    public static func problems(weights: [[Double]], biases: [Double]) -> [String] {
        let n = biases.count
        var problems: [String] = []
        if n < 1 { problems.append("expected at least one unit (bias vector is empty)") }
        if weights.count != n { problems.append("expected \(n) weight rows (one per bias), got \(weights.count)") }
        for (k, row) in weights.enumerated() where row.count != n {
            problems.append("expected \(n) weights in row \(k), got \(row.count)")
        }
        if biases.contains(where: { !$0.isFinite }) { problems.append("biases must be finite numbers") }
        guard problems.isEmpty else { return problems }
        if weights.contains(where: { $0.contains { !$0.isFinite } }) { problems.append("weights must be finite numbers") }
        for k in 0..<n where weights[k][k] != 0 {
            problems.append("expected a zero diagonal, W[\(k)][\(k)] = \(weights[k][k])")
        }
        for k in 0..<n {
            for j in (k + 1)..<max(k + 1, n) where abs(weights[k][j] - weights[j][k]) > 1e-9 {
                problems.append("expected a symmetric W, W[\(k)][\(j)] = \(weights[k][j]) but W[\(j)][\(k)] = \(weights[j][k])")
            }
        }
        return problems
    }

    /// W_kj.
    @inline(__always)
    public func weight(_ k: Int, _ j: Int) -> Double { weights[k * unitCount + j] }

    /// W as nested rows.
    public var weightRows: [[Double]] {
        (0..<unitCount).map { Array(weights[$0 * unitCount..<($0 + 1) * unitCount]) }
    }

    /// Number of states 2^N.
    public var stateCount: Int { 1 << unitCount }

    /// The machine with b_k replaced.
    public func withBias(_ value: Double, unit k: Int) -> BoltzmannMachine {
        var copy = self
        copy.biases[k] = value
        return copy
    }

    // MARK: states

    /// z of state `index` (z_0 = most significant bit of the N-bit index).
    public func state(index: Int) -> [Bool] {
        (0..<unitCount).map { (index >> (unitCount - 1 - $0)) & 1 == 1 }
    }

    /// Index of state z.
    public func index(of z: [Bool]) -> Int {
        var index = 0
        for bit in z { index = (index << 1) | (bit ? 1 : 0) }
        return index
    }

    /// State `index` as text, z_0 first ("01101").
    public func label(index: Int) -> String {
        String(state(index: index).map { $0 ? "1" : "0" })
    }

    // MARK: energies and conditionals

    /// Energy E(z) = −(½ zᵀWz + bᵀz) of state `index`.
    public func energy(index: Int) -> Double {
        var e = 0.0
        for k in 0..<unitCount where (index >> (unitCount - 1 - k)) & 1 == 1 {
            e += biases[k]
            for j in (k + 1)..<max(k + 1, unitCount) where (index >> (unitCount - 1 - j)) & 1 == 1 {
                e += weight(k, j)
            }
        }
        return -e
    }

    /// Energy of z.
    public func energy(_ z: [Bool]) -> Double { energy(index: index(of: z)) }

    /// Membrane-potential analogue u_k = b_k + Σ_j W_kj z_j (z_k itself does not enter: W_kk = 0).
    @inline(__always)
    public func input(_ k: Int, _ z: [Bool]) -> Double {
        var u = biases[k]
        let row = k * unitCount
        for j in 0..<unitCount where z[j] { u += weights[row + j] }
        return u
    }

    /// p(z_k = 1 | z_\k) = σ(u_k).
    public func conditional(_ k: Int, _ z: [Bool]) -> Double { Self.sigmoid(input(k, z)) }

    /// σ(x) = 1/(1 + e^{−x}), evaluated without overflow for large |x|.
    @inline(__always)
    public static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }
}
