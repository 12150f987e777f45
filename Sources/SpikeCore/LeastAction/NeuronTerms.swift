/// The live values of one neuron's terms in the three slide equations (science.md 6.1), for
/// the equations panel:
///
///     neuron dynamics        τ u̇ = W r − u + e            (`eq_tau_du` = `eq_wr` − `eq_u` + `eq_e`)
///     error backpropagation  e = r′ ⊙ Wᵀ(ŭ − W r)          (`eq_e` = `eq_r_prime` · `eq_backprop`)
///     Urbanczik–Senn rule    Ẇ = η (ŭ − W r) rᵀ = η e rᵀ   (`eq_dw_per_ms` = `eq_eta` · `eq_e` · `eq_r_pre`)
///
/// for neuron `neuron` of layer `layer` and its synapse from presynaptic unit `presynapticUnit`.
public struct NeuronTerms: Sendable, Equatable {
    public var layer: Int
    public var neuron: Int
    public var presynapticUnit: Int
    /// Somatic potential u, τ u̇, dendritic prediction W r + b, error e, prospective voltage ŭ,
    /// rate r = φ(ŭ) and slope r′.
    public var u, tauDu, drive, error, uHat, rate, ratePrime: Double
    /// [Wᵀ(ŭ − W r)] of the layer above, for this neuron (0 for an output neuron).
    public var backpropagated: Double
    /// The weight, its presynaptic rate, the learning rate η (per ms) and the weight change per ms.
    public var weight, presynapticRate, learningRatePerMs, weightChangePerMs: Double

    /// The terms of `network`'s neuron `neuron` (0-based within layer `layer`, 1 ... N).
    public init(_ network: LatentEquilibriumNetwork, layer: Int, neuron: Int, presynapticUnit: Int) {
        self.layer = layer
        self.neuron = neuron
        self.presynapticUnit = presynapticUnit
        let idx = network.neuronOffsets[layer - 1] + neuron
        u = network.u[idx]
        tauDu = network.tauMs * network.uDot[idx]
        drive = network.drive[idx]
        error = network.error[idx]
        uHat = network.uHat[idx]
        rate = network.rate[idx]
        ratePrime = network.ratePrime[idx]
        backpropagated = network.backpropagated[idx]
        weight = network.weight(layer: layer, post: neuron, pre: presynapticUnit)
        presynapticRate = network.presynaptic[network.presynapticOffsets[layer - 1] + presynapticUnit]
        learningRatePerMs = network.plasticity ? network.learningRatePerMs : 0
        weightChangePerMs = learningRatePerMs * error * presynapticRate
    }

    /// The figure names, in the order `figures` reports them.
    public static let figureNames = ["eq_u", "eq_tau_du", "eq_wr", "eq_e", "eq_u_hat", "eq_r", "eq_r_prime",
                                     "eq_backprop", "eq_w", "eq_r_pre", "eq_eta", "eq_dw_per_ms"]

    /// As readout figures.
    public var figures: [Figure] {
        // + 0 turns −0 (e.g. η·0·r with r < 0) into 0 for display.
        let values = [u, tauDu, drive, error, uHat, rate, ratePrime, backpropagated, weight, presynapticRate,
                      learningRatePerMs, weightChangePerMs].map { $0 + 0 }
        let labels = ["u: somatic potential", "τ du/dt", "W r + b: dendritic prediction", "e: error",
                      "ŭ = u + τ du/dt: prospective", "r = φ(ŭ)", "r′ = φ′(ŭ)", "Wᵀ(ŭ − W r) from above",
                      "w: one weight", "r_pre: its presynaptic rate", "η (1/ms)", "ẇ = η e r_pre (1/ms)"]
        return zip(Self.figureNames, zip(values, labels)).map { Figure(name: $0.0, value: $0.1.0, label: $0.1.1) }
    }
}
