/// A network of LIF samplers for a bipartite Boltzmann machine (an RBM over visible image
/// pixels, optional label units and hidden units; science.md 3.4 step 3) with the
/// sampler-to-sampler synapses of `MixingSynapses` (science.md 3.1) and an optional
/// oscillating background (science.md 3.6).
///
/// Biases set E_l = v_p05 + α b and weights are translated per postsynaptic neuron
/// (`LIFSamplingTranslation`, science.md 1.6–1.7), then multiplied by the synapses' weight
/// rescale. The state z (1 while refractory, science.md 1.1) is read as a sample every
/// `sampleSteps` steps by the owner. Starting from an image clamps the visible units for a
/// while: E_l far above threshold for an "on" pixel (fires whenever not refractory) or far
/// below it for an "off" pixel, then the calibrated E_l are restored.
public struct SpikingImageSampler: Sendable {
    public private(set) var network: Network
    public let visibleCount: Int
    public private(set) var synapses: MixingSynapses
    public var oscillation: OscillatingBackground?
    /// The background used when there is no oscillation (the translation's).
    public let background: PoissonBackground
    let translatedWeights: [[Double]]
    let restingPotentials: [Double]
    /// Steps of visible clamping left.
    public private(set) var clampStepsLeft = 0
    private let projection = 0

    /// Resting potentials used while clamping a pixel on / off, mV.
    public static let clampOnMv = -30.0
    public static let clampOffMv = -90.0

    /// - Parameter hardware: the translation onto an emulated chip (science.md 4.3; each neuron's
    ///   own calibration, its mismatch, the rescaled weights quantised and distorted); nil = ideal.
    public init(machine: BoltzmannMachine, visibleCount: Int, translation: LIFSamplingTranslation,
                synapses: MixingSynapses, oscillation: OscillatingBackground? = nil, stepMs: Double,
                seed: UInt64, delayMs: Double = 0.1, hardware: HardwareTranslation? = nil) {
        precondition(machine.isBipartite(visibleCount: visibleCount), "the spiking image sampler needs a bipartite machine")
        let n = machine.unitCount
        self.visibleCount = visibleCount
        self.synapses = synapses
        self.oscillation = oscillation
        self.hardware = hardware
        background = translation.background
        network = Network(parameters: translation.neuron, count: n, stepMs: stepMs, seed: seed,
                          background: translation.background, spikeCapacity: 4096)
        network.realise(on: hardware?.realisation, nominal: translation.neuron, background: translation.background)
        chipBackgroundWeights = hardware.map { h in
            (0..<n).map { k in
                let b = h.realisation.background(translation.background, neuron: k)
                return (b.excWeight, b.inhWeight)
            }
        }
        restingPotentials = hardware?.realisedRestingPotentials(machine) ?? translation.restingPotentials(machine)
        translatedWeights = hardware?.idealWeights(machine) ?? translation.synapticWeights(machine)
        for (k, v) in restingPotentials.enumerated() { network.setRestingPotential(v, neuron: k) }
        network.addProjection(weights: DenseWeights(signed: realised(synapses.rescaled(translatedWeights))),
                              model: synapses.model, delayMs: delayMs)
        if let oscillation { setBackground(oscillation.background(atMs: 0)) }
    }

    /// The chip (nil: the ideal model) and its background synapses per neuron (exc, inh), µS.
    public let hardware: HardwareTranslation?
    private let chipBackgroundWeights: [(Double, Double)]?

    /// Signed weights as the chip realises them (quantised, distorted); unchanged without a chip.
    private func realised(_ w: [[Double]]) -> [[Double]] { hardware?.realisation.weights(w) ?? w }

    /// Sets the background of every neuron (on a chip through each neuron's own synapses).
    private mutating func setBackground(_ b: PoissonBackground) {
        guard let weights = chipBackgroundWeights else { return network.setBackground(b) }
        for (k, w) in weights.enumerated() {
            network.setBackground(PoissonBackground(excRateHz: b.excRateHz, inhRateHz: b.inhRateHz, excWeight: w.0, inhWeight: w.1),
                                  neuron: k)
        }
    }

    public var timeMs: Double { network.timeMs }
    public var stepIndex: Int64 { network.stepIndex }
    /// The current state z (visible units first).
    public var state: [Bool] { network.zStates }

    /// Changes U, τ_rec and the rescale live (the depression state of each synapse is kept).
    public mutating func setSynapses(_ s: MixingSynapses) {
        synapses = s
        network.setSynapseModel(s.model, projection: projection)
        network.setWeights(DenseWeights(signed: realised(s.rescaled(translatedWeights))), projection: projection)
    }

    /// Clamps the visible units to `image` (first `image.count` visible units) for `steps`
    /// steps; the units not covered (labels) stay free.
    public mutating func clampVisible(_ image: [Bool], steps: Int) {
        for (k, on) in image.prefix(visibleCount).enumerated() {
            network.setRestingPotential(on ? Self.clampOnMv : Self.clampOffMv, neuron: k, on: hardware?.realisation)
        }
        clampStepsLeft = max(0, steps)
        if clampStepsLeft == 0 { release() }
    }

    private mutating func release() {
        for k in 0..<visibleCount { network.setRestingPotential(restingPotentials[k], neuron: k) }
    }

    /// Simulates one step (the oscillating rate is set for the step from its start time).
    public mutating func step() {
        if let oscillation { setBackground(oscillation.background(atMs: network.timeMs)) }
        network.step()
        if clampStepsLeft > 0 {
            clampStepsLeft -= 1
            if clampStepsLeft == 0 { release() }
        }
    }

    /// Switches the oscillation on or off (off: the steady background).
    public mutating func setOscillation(_ o: OscillatingBackground?) {
        oscillation = o
        setBackground(o?.background(atMs: network.timeMs) ?? background)
    }
}
