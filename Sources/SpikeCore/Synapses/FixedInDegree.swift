/// Random connectivity with a fixed in-degree (NEST's `fixed_indegree` rule with
/// `allow_autapses = False, allow_multapses = False`): every neuron receives exactly `inDegree`
/// synapses from distinct other neurons, drawn uniformly; each synapse is excitatory with
/// probability `excitatoryFraction` (weight +w) and inhibitory otherwise (−w).
/// Deterministic for a seed (stream `RandomStream.connectivity`).
public enum FixedInDegree {
    /// - Parameters:
    ///   - count: neurons in the population.
    ///   - inDegree: synapses per neuron, 0 ... count − 1.
    ///   - weight: |w| in µS.
    public static func weights(count: Int, inDegree: Int, weight: Double, excitatoryFraction: Double = 0.5,
                               seed: UInt64) -> SparseWeights {
        precondition(inDegree >= 0 && inDegree < max(count, 1), "in-degree must be in 0..<count")
        var rng = Xoshiro256StarStar(seed: seed, stream: RandomStream.connectivity)
        var synapses: [(pre: Int, post: Int, weight: Double)] = []
        synapses.reserveCapacity(count * inDegree)
        var chosen = Set<Int>()
        for post in 0..<count {
            chosen.removeAll(keepingCapacity: true)
            while chosen.count < inDegree {
                let pre = Int(rng.next() % UInt64(count))
                guard pre != post, chosen.insert(pre).inserted else { continue }
                let sign = rng.nextUniform() < excitatoryFraction ? 1.0 : -1.0
                synapses.append((pre, post, sign * weight))
            }
        }
        return SparseWeights(preCount: count, postCount: count, synapses: synapses)
    }
}
