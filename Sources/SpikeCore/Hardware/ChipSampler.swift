/// A network of LIF samplers for a Boltzmann machine (science.md 1.1–1.10) as one lane of the
/// hardware comparison: renewing synapses between the samplers (§1.8), Poisson background,
/// optionally on an emulated chip (`HardwareRealisation.apply`: per-neuron intrinsic
/// parameters, noisy background synapses, spike loss). The joint state is accumulated
/// time-weighted (`StateHistogram`) after a burn-in that restarts with every reconfiguration.
public struct ChipSampler: Sendable {
    public private(set) var network: Network
    public let unitCount: Int
    public private(set) var histogram: StateHistogram
    /// Time index from which states are counted.
    public private(set) var measureStart: Int64 = 0
    public let burnInSteps: Int64

    /// - Parameter biases: `.biasNeuron` adds an always-on bias neuron after the samplers
    ///   (`BiasRealisation`); it is not part of the sampled state.
    public init(neuron: LIFParameters, background: PoissonBackground, unitCount: Int, stepMs: Double, seed: UInt64,
                delayMs: Double, burnInMs: Double, realisation: HardwareRealisation?,
                biases: BiasRealisation = .leakPotential) {
        let count = unitCount + biases.extraNeurons
        var net = Network(parameters: neuron, count: count, stepMs: stepMs, seed: seed, background: background,
                          spikeCapacity: 4096)
        net.addProjection(weights: DenseWeights(preCount: count, postCount: count),
                          model: .renewing(tauSyn: neuron.tauSynE), delayMs: delayMs)
        realisation?.apply(to: &net, nominal: neuron, background: background)
        if biases == .biasNeuron {
            // Always on: no background, leak 30 mV above threshold, so it fires one step after
            // every refractory period (a regular source at ≈ 1/τ_ref, with the chip neuron's
            // own τ_ref and threshold mismatch).
            var silent = background
            silent.excRateHz = 0
            silent.inhRateHz = 0
            net.setBackground(silent, neuron: unitCount)
            net.setRestingPotential(net.population.vThreshold[unitCount] + 30, neuron: unitCount)
        }
        network = net
        self.unitCount = unitCount
        burnInSteps = Int64((burnInMs / stepMs).rounded())
        histogram = StateHistogram(unitCount: unitCount, sampleIntervalSteps: 1 << 30)
    }

    /// Writes the samplers' resting potentials (mV) and signed weights [pre][post] (µS, every
    /// neuron including a bias neuron) and restarts the measurement after a burn-in.
    public mutating func configure(restingPotentials: [Double], weights: [[Double]]) {
        precondition(restingPotentials.count == unitCount && weights.count == network.neuronCount,
                     "ChipSampler.configure: \(unitCount) resting potentials and \(network.neuronCount) weight rows expected")
        for (k, v) in restingPotentials.enumerated() { network.setRestingPotential(v, neuron: k) }
        network.setWeights(DenseWeights(signed: weights), projection: 0)
        restart()
    }

    /// Starts a new measurement window a burn-in from now.
    public mutating func restart() {
        measureStart = network.stepIndex + burnInSteps
        histogram = StateHistogram(unitCount: unitCount, sampleIntervalSteps: 1 << 30)
    }

    /// Sampled time of the current window, ms.
    public var sampledMs: Double { Double(histogram.totalSteps) * network.stepMs }

    /// Simulates `steps` steps, counting the joint state after the burn-in.
    public mutating func advance(steps: Int) {
        let n = unitCount, start = measureStart
        // Moved out (not copied) while it steps, so the observer can fill the histogram.
        var net = Network.placeholder(stepMs: network.stepMs)
        swap(&net, &network)
        defer { swap(&net, &network) }
        net.advance(steps: steps) { step in
            guard step.stepIndex > start else { return }
            var index = 0
            let ref = step.refractorySteps
            for k in 0..<n { index = (index << 1) | (ref[k] > 0 ? 1 : 0) }
            histogram.add(stateIndex: index)
        }
    }
}
