/// Synaptic weights between all pairs of a population as a dense matrix (small sampling
/// networks; DESIGN.md "Engine conventions"). Stored row-major by presynaptic neuron, so the
/// targets of one spike are contiguous; split by receptor into two non-negative matrices:
/// w > 0 → excitatory (g_e), w < 0 → inhibitory (g_i) with |w| (science.md 1.2).
public struct DenseWeights: Sendable, Equatable {
    public let preCount: Int
    public let postCount: Int
    /// |w| of excitatory connections, µS, index pre·postCount + post.
    public private(set) var excitatory: [Double]
    /// |w| of inhibitory connections, µS, index pre·postCount + post.
    public private(set) var inhibitory: [Double]

    /// All-zero weights.
    public init(preCount: Int, postCount: Int) {
        self.preCount = preCount
        self.postCount = postCount
        excitatory = Array(repeating: 0, count: preCount * postCount)
        inhibitory = excitatory
    }

    /// Signed weights in µS, `weights[pre][post]` (sbs indexes W[pre, post]).
    public init(signed weights: [[Double]]) {
        let pre = weights.count
        let post = weights.first?.count ?? 0
        precondition(weights.allSatisfy { $0.count == post }, "ragged weight matrix")
        self.init(preCount: pre, postCount: post)
        for j in 0..<pre {
            for k in 0..<post { self[j, k] = weights[j][k] }
        }
    }

    /// Signed weight pre → post, µS (positive excitatory, negative inhibitory).
    public subscript(pre: Int, post: Int) -> Double {
        get {
            let i = pre * postCount + post
            return excitatory[i] - inhibitory[i]
        }
        set {
            let i = pre * postCount + post
            excitatory[i] = max(newValue, 0)
            inhibitory[i] = max(-newValue, 0)
        }
    }
}
