#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A restricted Boltzmann machine over binary visible units v and hidden units h
/// (science.md 3.4 steps 1 and 3):
///
///     E(v, h) = −vᵀW h − aᵀv − bᵀh,   p(v, h) = e^{−E}/Z
///     p(h_j = 1 | v) = σ(b_j + Σ_i v_i W_ij),   p(v_i = 1 | h) = σ(a_i + Σ_j W_ij h_j)
///
/// The visible layer is `pixelCount` image pixels followed by `labelCount` label units (one
/// per class, one-hot during training; 0 for a machine without labels). Weights are stored
/// row-major by visible unit: `weights[i * hiddenCount + j]` = W_ij.
public struct RestrictedBoltzmannMachine: Sendable, Equatable {
    public let pixelCount: Int
    public let labelCount: Int
    public let hiddenCount: Int
    /// W, visibleCount × hiddenCount, row-major.
    public var weights: [Double]
    /// a, one per visible unit (pixels, then labels).
    public var visibleBiases: [Double]
    /// b, one per hidden unit.
    public var hiddenBiases: [Double]

    /// Visible units: pixels plus label units.
    public var visibleCount: Int { pixelCount + labelCount }
    /// All units (visible first, then hidden), as in `boltzmannMachine`.
    public var unitCount: Int { visibleCount + hiddenCount }

    /// A machine with all parameters zero.
    public init(pixelCount: Int, labelCount: Int, hiddenCount: Int) {
        precondition(pixelCount > 0 && labelCount >= 0 && hiddenCount > 0, "RBM needs pixels and hidden units")
        self.pixelCount = pixelCount
        self.labelCount = labelCount
        self.hiddenCount = hiddenCount
        weights = Array(repeating: 0, count: (pixelCount + labelCount) * hiddenCount)
        visibleBiases = Array(repeating: 0, count: pixelCount + labelCount)
        hiddenBiases = Array(repeating: 0, count: hiddenCount)
    }

    /// W_ij for visible unit i and hidden unit j.
    @inline(__always)
    public func weight(visible i: Int, hidden j: Int) -> Double { weights[i * hiddenCount + j] }

    /// Hidden input b_j + Σ_i v_i W_ij for real-valued v (probabilities or states), into `out`.
    public func hiddenInput(_ v: [Double], into out: inout [Double]) {
        let h = hiddenCount
        weights.withUnsafeBufferPointer { w in
            out.withUnsafeMutableBufferPointer { o in
                for j in 0..<h { o[j] = hiddenBiases[j] }
                for i in 0..<visibleCount where v[i] != 0 {
                    let vi = v[i], row = i * h
                    for j in 0..<h { o[j] += vi * w[row + j] }
                }
            }
        }
    }

    /// Visible input a_i + Σ_j W_ij h_j, into `out`.
    public func visibleInput(_ hidden: [Double], into out: inout [Double]) {
        let h = hiddenCount
        weights.withUnsafeBufferPointer { w in
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<visibleCount {
                    var s = visibleBiases[i]
                    let row = i * h
                    for j in 0..<h { s += w[row + j] * hidden[j] }
                    o[i] = s
                }
            }
        }
    }

    /// Free energy F(v) = −aᵀv − Σ_j log(1 + e^{b_j + (vᵀW)_j}), so p(v) ∝ e^{−F(v)}.
    public func freeEnergy(_ v: [Double]) -> Double {
        var x = Array(repeating: 0.0, count: hiddenCount)
        hiddenInput(v, into: &x)
        var f = 0.0
        for i in 0..<visibleCount { f -= visibleBiases[i] * v[i] }
        for u in x { f -= u > 0 ? u + log1p(exp(-u)) : log1p(exp(u)) }
        return f
    }

    /// The same machine as a general Boltzmann machine over (v, h), visible units first:
    /// W_full = [[0, W], [Wᵀ, 0]], biases [a; b] (science.md 3.4 step 3), for the LIF translation.
    public var boltzmannMachine: BoltzmannMachine {
        let n = unitCount, v = visibleCount
        var rows = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<v {
            for j in 0..<hiddenCount {
                rows[i][v + j] = weight(visible: i, hidden: j)
                rows[v + j][i] = weight(visible: i, hidden: j)
            }
        }
        return BoltzmannMachine(weights: rows, biases: visibleBiases + hiddenBiases)
    }

    /// One-hot label units for class `label` (empty for a machine without labels).
    public func labelUnits(_ label: Int) -> [Double] {
        (0..<labelCount).map { $0 == label ? 1 : 0 }
    }
}
