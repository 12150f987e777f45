/// The digit RBM as copy 0 of a noise-free ensemble ([Dold2019], science.md 2.3 "stochasticity
/// from function", slide "Bayesian inference & dreaming"): one `Network` holds M copies of the
/// 174 LIF samplers (copy c = neurons c·n ..< (c + 1)·n, each with the same translated W and
/// biases and renewing synapses within the copy) and no Poisson input at all; every neuron's
/// background is `SpikingEnsembleBackground`'s K_E + K_I static synapses from neurons of other
/// copies. Copy 0 is the network that is read out and clamped (`clamp`, `onFraction`, `z` act on
/// units 0 ..< n); copies 1 … M − 1 dream freely and are its noise. Calibration probes (never
/// sources) may follow the copies.
///
/// The copies would start in lockstep (nothing random runs), so initial membrane potentials are
/// uniform in [V_th − 5 mV, V_th] (sbs noise network), from stream `dreamingEnsembleInitial`.
extension RBMSamplingNetwork {
    /// - Parameters:
    ///   - translation: the translation calibrated under the ensemble's background (its Poisson
    ///     background is the equivalent one, used only for the weight factors).
    ///   - probes: calibration probes after the copies (E_l set by `measureProbes`).
    ///   - seed: seed of the background wiring and the initial potentials.
    public init(machine: RestrictedBoltzmannMachine, neuron: LIFParameters, translation: LIFSamplingTranslation,
                ensemble background: SpikingEnsembleBackground, probes: Int = 0, stepMs: Double, seed: UInt64,
                delayMs: Double = 0.1, clampBias: Double = 20, spikeCapacity: Int = 1 << 16) {
        let bm = machine.boltzmannMachine
        let n = bm.unitCount
        precondition(background.neuronsPerCopy == n, "ensemble copies of \(background.neuronsPerCopy) units, machine has \(n)")
        let count = background.sourceCount + probes
        var net = Network(parameters: neuron, count: count, stepMs: stepMs, seed: seed, background: .none,
                          spikeCapacity: spikeCapacity)
        net.addProjection(sparse: Self.copies(translation.synapticWeights(bm), count: background.copies, neuronCount: count),
                          model: .renewing(tauSyn: neuron.tauSynE), delayMs: delayMs)
        background.addProjection(to: &net, seed: seed)
        let free = translation.restingPotentials(bm)
        for c in 0..<background.copies {
            for k in 0..<n { net.setRestingPotential(free[k], neuron: c * n + k) }
        }
        var rng = Xoshiro256StarStar(seed: seed, stream: RandomStream.dreamingEnsembleInitial)
        for k in 0..<count { net.setMembranePotential(neuron.vThresh - 5 * rng.nextUniform(), neuron: k) }
        self.machine = machine
        self.translation = translation
        self.clampBias = clampBias
        hardware = nil
        ensemble = background
        network = net
        freeRestingPotentials = free
        clamps = Array(repeating: nil, count: n)
        onSteps = Array(repeating: 0, count: n)
    }

    /// `copies` copies of the signed n × n matrix `block` ([pre][post], µS) on the diagonal of a
    /// sparse `neuronCount` × `neuronCount` matrix (nothing between copies, nothing for probes).
    static func copies(_ block: [[Double]], count copies: Int, neuronCount: Int) -> SparseWeights {
        let n = block.count
        var synapses: [(pre: Int, post: Int, weight: Double)] = []
        for c in 0..<copies {
            for (j, row) in block.enumerated() {
                for (k, w) in row.enumerated() where w != 0 { synapses.append((c * n + j, c * n + k, w)) }
            }
        }
        return SparseWeights(preCount: neuronCount, postCount: neuronCount, synapses: synapses)
    }

    /// Neurons after the copies (0 without an ensemble).
    public var probeCount: Int { network.neuronCount - (ensemble?.sourceCount ?? unitCount) }

    /// Puts the probes at `restingPotentials`, runs `burnInSteps`, then `steps` more, and returns
    /// each probe's p_on = spikes·τ_ref / T (science.md 1.5) and the mean rate of the copy neurons
    /// over the measured steps (Hz). The copies keep running with their own parameters, so the
    /// probes see the background this translation produces.
    public mutating func measureProbes(restingPotentials: [Double], burnInSteps: Int, steps: Int) -> (pOn: [Double], copyRateHz: Double) {
        precondition(restingPotentials.count == probeCount && steps > 0)
        let first = network.neuronCount - probeCount
        for (i, v) in restingPotentials.enumerated() { network.setRestingPotential(v, neuron: first + i) }
        network.advance(steps: burnInSteps)
        var probeSpikes = Array(repeating: 0, count: probeCount)
        var copySpikes = 0
        let firstProbe = Int32(first)
        network.advance(steps: steps) { step in
            for k in step.spiked {
                if k >= firstProbe { probeSpikes[Int(k - firstProbe)] += 1 } else { copySpikes += 1 }
            }
        }
        let refractorySteps = Double((translation.neuron.tauRefrac / network.stepMs).rounded())
        let pOn = probeSpikes.map { min(1, Double($0) * refractorySteps / Double(steps)) }
        let rate = Double(copySpikes) / (Double(first) * Double(steps) * network.stepMs / 1000)
        return (pOn, rate)
    }
}

extension RandomStream {
    /// Initial membrane potentials of the dreaming ensembles (issue 5, "Poisson vs ensemble noise").
    public static let dreamingEnsembleInitial: UInt64 = experiment(0xD2EA_0003)
}
