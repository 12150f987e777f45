#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The background of a noise-free ensemble of spiking networks ([Dold2019] "Stochasticity from
/// function", science.md 2.3 steps 1–2): one `Network` holds M copies of a small sampling network
/// (copy c occupies neurons c·n ..< (c + 1)·n), and instead of Poisson input every neuron receives
/// K_E excitatory and K_I inhibitory static synapses from neurons of OTHER copies, drawn uniformly
/// without replacement (distinct sources; no source in the neuron's own copy). The copies' own
/// spikes are then the only noise: nothing random is drawn while the ensemble runs.
///
/// Neurons from `sourceCount` = M·n on (if the network has more) are probes: they receive the same
/// kind of background from any copy but are never sources (e.g. for calibrating the activation
/// function under the ensemble's own background, science.md 1.5, 2.3 step 3).
///
/// Reusable by any experiment that builds its copies into one population (the within-copy
/// synapses can be laid out with `blockDiagonal`). Deterministic for a seed (stream
/// `RandomStream.spikingEnsembleWiring`).
///
/// Units: µS, ms, Hz.
public struct SpikingEnsembleBackground: Sendable, Equatable {
    /// M: copies of the sampling network in the population.
    public var copies: Int
    /// n: neurons per copy.
    public var neuronsPerCopy: Int
    /// K_E, K_I: excitatory and inhibitory background synapses per neuron.
    public var excitatoryInDegree: Int
    public var inhibitoryInDegree: Int
    /// |w_E|, |w_I| of the background synapses, µS.
    public var excitatoryWeight: Double
    public var inhibitoryWeight: Double
    /// Transmission delay of the background synapses, ms (sbs noise network: 1 ms; samplers 0.1 ms).
    public var delayMs: Double

    public init(copies: Int, neuronsPerCopy: Int, excitatoryInDegree: Int, inhibitoryInDegree: Int,
                excitatoryWeight: Double, inhibitoryWeight: Double, delayMs: Double = 0.1) {
        self.copies = copies
        self.neuronsPerCopy = neuronsPerCopy
        self.excitatoryInDegree = excitatoryInDegree
        self.inhibitoryInDegree = inhibitoryInDegree
        self.excitatoryWeight = excitatoryWeight
        self.inhibitoryWeight = inhibitoryWeight
        self.delayMs = delayMs
    }

    /// The background whose free-membrane variance matches a Poisson background `poisson`
    /// (science.md 1.4: the conductance variance of shot noise is ∝ ν·w²), when every source
    /// fires at `sourceRateHz` and each neuron has `inDegree` inputs per receptor:
    /// w_x = w_x^Poisson · √(ν_x^Poisson / (K ν)). The mean conductance is then
    /// K ν w_x = √(K ν ν_x^Poisson)·w_x^Poisson (lower than Poisson's for K ν < ν^Poisson); the
    /// activation-function calibration under the actual background absorbs the difference.
    public static func matching(_ poisson: PoissonBackground, sourceRateHz: Double, copies: Int, neuronsPerCopy: Int,
                                inDegree: Int, delayMs: Double = 0.1) -> SpikingEnsembleBackground {
        let kNu = Double(inDegree) * sourceRateHz
        return SpikingEnsembleBackground(
            copies: copies, neuronsPerCopy: neuronsPerCopy, excitatoryInDegree: inDegree, inhibitoryInDegree: inDegree,
            excitatoryWeight: poisson.excWeight * (poisson.excRateHz / kNu).squareRoot(),
            inhibitoryWeight: poisson.inhWeight * (poisson.inhRateHz / kNu).squareRoot(), delayMs: delayMs)
    }

    /// M·n: the neurons that are sources.
    public var sourceCount: Int { copies * neuronsPerCopy }
    /// K_E + K_I.
    public var inDegree: Int { excitatoryInDegree + inhibitoryInDegree }

    /// The copy neuron `k` belongs to (nil for a probe, k ≥ M·n).
    public func copy(of neuron: Int) -> Int? { neuron < sourceCount ? neuron / neuronsPerCopy : nil }

    /// The Poisson background with the same mean and variance as this one if every source fired
    /// as an independent Poisson process at `sourceRateHz`: ν_x = K_x ν, same weights (the input
    /// for `FreeMembraneTheory` and `LIFSamplingTranslation`'s weight factors).
    public func equivalentPoisson(sourceRateHz: Double) -> PoissonBackground {
        PoissonBackground(excRateHz: Double(excitatoryInDegree) * sourceRateHz, inhRateHz: Double(inhibitoryInDegree) * sourceRateHz,
                          excWeight: excitatoryWeight, inhWeight: inhibitoryWeight)
    }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems: [String] = []
        if copies < 2 { problems.append("an ensemble needs at least 2 copies, has \(copies)") }
        if neuronsPerCopy < 1 { problems.append("neuronsPerCopy must be >= 1, is \(neuronsPerCopy)") }
        if excitatoryInDegree < 0 || inhibitoryInDegree < 0 { problems.append("in-degrees must be >= 0") }
        if inDegree > (copies - 1) * neuronsPerCopy {
            problems.append("in-degree \(inDegree) exceeds the \((copies - 1) * neuronsPerCopy) neurons of other copies")
        }
        if !(excitatoryWeight >= 0 && excitatoryWeight.isFinite && inhibitoryWeight >= 0 && inhibitoryWeight.isFinite) {
            problems.append("background weights must be finite numbers >= 0 µS")
        }
        if !(delayMs >= 0 && delayMs.isFinite) { problems.append("delayMs must be >= 0") }
        return problems
    }

    /// The background synapses of a population of `neuronCount` ≥ M·n neurons ([pre → post],
    /// excitatory +w_E, inhibitory −w_I). Targets in order 0, 1, …; for each, K_E + K_I distinct
    /// sources drawn uniformly from the allowed ones (rejection of repeats), the first K_E
    /// excitatory, the rest inhibitory. `postFactors`: per target neuron, factors of its excitatory
    /// and inhibitory background synapses (an emulated chip's `noiseSynapseFactors`; targets beyond
    /// the list, and all of them when nil, get the nominal weights). The draws do not depend on them.
    public func weights(neuronCount: Int, seed: UInt64,
                        postFactors: [(excitatory: Double, inhibitory: Double)]? = nil) -> SparseWeights {
        let problems = validate()
        precondition(problems.isEmpty, "invalid SpikingEnsembleBackground: \(problems.joined(separator: "; "))")
        precondition(neuronCount >= sourceCount, "the population must hold the \(sourceCount) copy neurons")
        var rng = Xoshiro256StarStar(seed: seed, stream: RandomStream.spikingEnsembleWiring)
        var synapses: [(pre: Int, post: Int, weight: Double)] = []
        synapses.reserveCapacity(neuronCount * inDegree)
        var chosen = Set<Int>()
        let n = neuronsPerCopy
        for post in 0..<neuronCount {
            let own = copy(of: post)
            let allowed = UInt64(own == nil ? sourceCount : sourceCount - n)
            chosen.removeAll(keepingCapacity: true)
            var drawn = 0
            while drawn < inDegree {
                var pre = Int(rng.next() % allowed)
                if let own, pre >= own * n { pre += n }  // skip the own copy's block
                guard chosen.insert(pre).inserted else { continue }
                let excitatory = drawn < excitatoryInDegree
                var w = excitatory ? excitatoryWeight : -inhibitoryWeight
                if let f = postFactors, post < f.count { w *= excitatory ? f[post].excitatory : f[post].inhibitory }
                synapses.append((pre, post, w))
                drawn += 1
            }
        }
        return SparseWeights(preCount: neuronCount, postCount: neuronCount, synapses: synapses)
    }

    /// Adds the background as a static sparse projection of `network` (which must hold at least
    /// the M·n copy neurons, copy-major); returns the projection index.
    @discardableResult
    public func addProjection(to network: inout Network, seed: UInt64,
                              postFactors: [(excitatory: Double, inhibitory: Double)]? = nil) -> Int {
        network.addProjection(sparse: weights(neuronCount: network.neuronCount, seed: seed, postFactors: postFactors),
                              model: .static, delayMs: delayMs)
    }

    /// Within-copy synapses of a population of `neuronCount` neurons as a dense matrix: block c
    /// (neurons c·n ..< (c + 1)·n) holds `blocks[c]` (signed µS, [pre][post], n × n); every other
    /// entry (between copies, and of probes) is zero. Weights can then be replaced per copy with
    /// `Network.setWeights` (dense storage).
    public static func blockDiagonal(_ blocks: [[[Double]]], neuronCount: Int) -> DenseWeights {
        var w = DenseWeights(preCount: neuronCount, postCount: neuronCount)
        var offset = 0
        for block in blocks {
            for (j, row) in block.enumerated() {
                precondition(row.count == block.count, "each block must be square")
                for (k, value) in row.enumerated() where value != 0 { w[offset + j, offset + k] = value }
            }
            offset += block.count
        }
        precondition(offset <= neuronCount, "the blocks need \(offset) neurons, the population has \(neuronCount)")
        return w
    }
}

extension RandomStream {
    /// Background wiring of a spiking ensemble (`SpikingEnsembleBackground`, issue 4).
    public static let spikingEnsembleWiring: UInt64 = experiment(0x4_10)
}
