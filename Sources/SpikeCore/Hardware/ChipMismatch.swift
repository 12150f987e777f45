/// The frozen fixed-pattern noise of one chip (science.md 4.3 step 2): standard-normal draws ξ
/// fixed "at manufacture" by the chip seed, one set per neuron (threshold, leak potential,
/// membrane and refractory time constants, its two background synapses) and one per synapse.
/// Each item has its own generator stream (`RandomStream.chip`) indexed by the neuron or
/// synapse, so the same chip seed gives the same noise to the same neuron or synapse whatever
/// the network size or the order of questions; the profile's σ scales the ξ, so σ = 0 is
/// exactly the ideal parameter.
public struct ChipMismatch: Sendable, Equatable {
    public let chipSeed: UInt64

    public init(chipSeed: UInt64) { self.chipSeed = chipSeed }

    /// ξ of neuron `k`: threshold, leak potential, τ_m, τ_ref, excitatory and inhibitory
    /// background synapse.
    public struct Neuron: Sendable, Equatable {
        public var threshold, leak, tauMembrane, tauRefractory, backgroundExcitatory, backgroundInhibitory: Double
    }

    /// The draws of neuron `k`.
    public func neuron(_ k: Int) -> Neuron {
        precondition(k >= 0 && k < 1 << 20, "neuron index out of range")
        var rng = Xoshiro256StarStar(seed: chipSeed, stream: RandomStream.chip(k))
        return Neuron(threshold: rng.nextStandardNormal(), leak: rng.nextStandardNormal(),
                      tauMembrane: rng.nextStandardNormal(), tauRefractory: rng.nextStandardNormal(),
                      backgroundExcitatory: rng.nextStandardNormal(), backgroundInhibitory: rng.nextStandardNormal())
    }

    /// Neurons whose synapses have their own draws (10 bits each for pre and post): the largest
    /// recurrent network one emulated chip holds.
    public static let synapseIndexLimit = 1 << 10

    /// Why `networks` copies of `units` sampling neurons do not fit on one chip (nil if they do).
    public static func capacityProblem(networks: Int, units: Int) -> String? {
        guard networks * units > synapseIndexLimit else { return nil }
        return "the emulated chip holds at most \(synapseIndexLimit) sampling neurons; \(networks) networks × \(units) units need \(networks * units)"
    }

    /// ξ of the synapse `pre` → `post` (an excitatory and an inhibitory synapse of the same pair
    /// are different rows on the chip, hence different draws).
    public func synapse(pre: Int, post: Int, excitatory: Bool) -> Double {
        precondition(pre >= 0 && pre < Self.synapseIndexLimit && post >= 0 && post < Self.synapseIndexLimit, "synapse index out of range")
        let index = (1 << 21) | (excitatory ? 0 : 1 << 20) | (pre << 10) | post
        var rng = Xoshiro256StarStar(seed: chipSeed, stream: RandomStream.chip(index))
        return rng.nextStandardNormal()
    }

    /// Multiplicative synaptic factor 1 + σ ξ, clipped to ≥ 0 (ESS `weight_distortion`).
    public static func factor(sigma: Double, xi: Double) -> Double { max(0, 1 + sigma * xi) }

    /// Multiplicative factor for a time constant, 1 + σ ξ, kept ≥ 0.1 (a time constant cannot
    /// vanish; a 9 σ event at σ = 0.1).
    public static func timeFactor(sigma: Double, xi: Double) -> Double { max(0.1, 1 + sigma * xi) }
}
