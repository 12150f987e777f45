/// How the weights and biases of a least-action network start (science.md 6.3).
public enum WeightInitialisation: Sendable, Equatable {
    /// W, b ~ U(−1/√fan_in, +1/√fan_in): PyTorch's `Linear` default, used by the Fourier-synthesis
    /// demo of Haider et al. 2021.
    case uniformFanIn
    /// W ~ N(0, weightSD²) clipped to ±weightClip, b ~ N(0, biasSD²) clipped to ±biasClip:
    /// the NLA reference defaults of Senn et al. 2024 (1, 3, 0.1, 0.3).
    case normalClipped(weightSD: Double, weightClip: Double, biasSD: Double, biasClip: Double)

    /// The NLA reference defaults.
    public static let nlaDefault = WeightInitialisation.normalClipped(weightSD: 1, weightClip: 3, biasSD: 0.1, biasClip: 0.3)

    /// Draws all weights and biases of `network`, layer by layer (weights row by row, then the
    /// layer's biases), from `generator`.
    public func apply(to network: inout LatentEquilibriumNetwork, generator: inout Xoshiro256StarStar) {
        for layer in 1...network.depth {
            let nIn = network.sizes[layer - 1], nOut = network.sizes[layer]
            var w = [Double](repeating: 0, count: nIn * nOut)
            var b = [Double](repeating: 0, count: nOut)
            switch self {
            case .uniformFanIn:
                let bound = 1 / Double(nIn).squareRoot()
                for k in w.indices { w[k] = (2 * generator.nextUniform() - 1) * bound }
                for k in b.indices { b[k] = (2 * generator.nextUniform() - 1) * bound }
            case .normalClipped(let wsd, let wclip, let bsd, let bclip):
                for k in w.indices { w[k] = min(max(generator.nextNormal(mean: 0, sd: wsd), -wclip), wclip) }
                for k in b.indices { b[k] = min(max(generator.nextNormal(mean: 0, sd: bsd), -bclip), bclip) }
            }
            network.setLayer(layer, weights: w, biases: b)
        }
    }
}
