/// A layered network of rate neurons that learns by least action, in the discrete Latent
/// Equilibrium form of science.md 6.2.
///
/// Sources: Senn et al. 2024, "A neuronal least-action principle for real-time learning in
/// cortical circuits" (eLife; NLA: the energy, the Euler–Lagrange dynamics and the errors);
/// Haider et al. 2021, "Latent Equilibrium: a unified learning theory for arbitrarily fast
/// computation with arbitrarily slow neurons" (NeurIPS; the prospective voltage ŭ = u + τu̇
/// and the discrete algorithm); Urbanczik & Senn 2014, "Learning by the dendritic prediction
/// of somatic spiking" (Neuron; the plasticity rule: somatic minus dendritic potential times
/// presynaptic rate). Re-implemented from the equations of science.md 6.1-6.2.
///
/// Layers 1 ... N (layer 0 is the input, whose rates are the input values). Each step of
/// `stepMs`, for every layer i (top-down, so that deeper layers read the previous step's
/// presynaptic rates: one step of delay per layer, layer 1 reads the current input):
///
///     I_i  = W_i r_{i−1} + b_i                   dendritic prediction ("drive")
///     τ u̇_i = I_i − u_i + e_i                    neuron dynamics
///     ŭ_i  = u_i + τ u̇_i                         prospective voltage (ŭ := u without prospective coding)
///     u_i ← u_i + dt u̇_i
///     r_i  = φ_i(ŭ_i),  r′_i = φ_i′(ŭ_i)
///
/// then the errors from the top, e_N = β (u_tgt − ŭ_N) (voltage target, linear output) and
/// e_i = r′_i ⊙ W_{i+1}ᵀ (ŭ_{i+1} − I_{i+1}), and the plasticity W_i += η dt e_i r_{i−1}ᵀ,
/// b_i += η dt e_i. The energy of the slide is evaluated every step at the voltages the
/// network uses for its rates (ŭ, or u without prospective coding):
///
///     E = Σ_i ½‖ŭ_i − W_i r_{i−1} − b_i‖² + β ½‖ŭ_N − u_tgt‖².
///
/// State is stored flat (structure of arrays over all neurons of layers 1 ... N; weights of
/// all layers in one array, each layer row-major: postsynaptic × presynaptic).
public struct LatentEquilibriumNetwork: Sendable {
    /// Layer sizes, input first: [50, 30, 1] is a 50-30-1 network.
    public let sizes: [Int]
    /// Rate function of layers 1 ... N (index 0 is layer 1).
    public let rateFunctions: [RateFunction]
    /// Membrane time constant τ_m = τ of the prospective look-ahead, ms.
    public let tauMs: Double
    /// Integration step dt, ms.
    public let stepMs: Double

    /// Prospective coding on (ŭ = u + τu̇) or off (ŭ := u, the ablation that lags).
    public var prospective = true
    /// Nudging strength β of the output towards the target (0: free).
    public var beta: Double
    /// Learning rate η, per ms (one step changes a weight by η dt e r).
    public var learningRatePerMs: Double
    /// Plasticity on or off (off: weights frozen whatever η).
    public var plasticity = true

    /// Weights of all layers (layer i at `weightOffsets[i−1]`, row-major post × pre) and biases
    /// (per neuron, like the neuron arrays).
    public internal(set) var weights: [Double]
    public internal(set) var biases: [Double]
    /// Per neuron of layers 1 ... N (layer i at `neuronOffsets[i−1]`): somatic potential u,
    /// its derivative u̇ (per ms), prospective voltage ŭ, dendritic prediction I = W r + b,
    /// rate r = φ(ŭ), slope r′ = φ′(ŭ), error e, and the backpropagated term Wᵀ(ŭ − I) of the
    /// layer above (0 in the output layer).
    public internal(set) var u: [Double]
    public internal(set) var uDot: [Double]
    public internal(set) var uHat: [Double]
    public internal(set) var drive: [Double]
    public internal(set) var rate: [Double]
    public internal(set) var ratePrime: [Double]
    public internal(set) var error: [Double]
    public internal(set) var backpropagated: [Double]
    /// The presynaptic rates each layer read in the last step (layer i at `presynapticOffsets[i−1]`).
    public internal(set) var presynaptic: [Double]
    /// The energy E of the last step.
    public internal(set) var energy = 0.0

    public let neuronOffsets: [Int]
    public let weightOffsets: [Int]
    public let presynapticOffsets: [Int]

    /// A network with all weights and biases zero and all potentials at rest.
    public init(sizes: [Int], rateFunctions: [RateFunction], tauMs: Double, stepMs: Double,
                beta: Double, learningRatePerMs: Double) {
        precondition(sizes.count >= 2 && sizes.allSatisfy { $0 >= 1 }, "need an input layer and at least one layer of neurons")
        precondition(rateFunctions.count == sizes.count - 1, "one rate function per layer of neurons")
        precondition(tauMs > 0 && stepMs > 0, "τ and dt must be positive")
        self.sizes = sizes
        self.rateFunctions = rateFunctions
        self.tauMs = tauMs
        self.stepMs = stepMs
        self.beta = beta
        self.learningRatePerMs = learningRatePerMs
        var n = [0], w = [0], p = [0]
        for i in 1..<sizes.count {
            n.append(n[i - 1] + sizes[i])
            w.append(w[i - 1] + sizes[i] * sizes[i - 1])
            p.append(p[i - 1] + sizes[i - 1])
        }
        neuronOffsets = n
        weightOffsets = w
        presynapticOffsets = p
        weights = Array(repeating: 0, count: w.last!)
        let neurons = n.last!
        biases = Array(repeating: 0, count: neurons)
        u = Array(repeating: 0, count: neurons)
        uDot = u; uHat = u; drive = u; error = u; backpropagated = u
        rate = u; ratePrime = u
        presynaptic = Array(repeating: 0, count: p.last!)
        for i in 1..<sizes.count {
            let (r, d) = rateFunctions[i - 1].valueAndDerivative(0)
            for j in n[i - 1]..<n[i] { rate[j] = r; ratePrime[j] = d }
        }
    }

    /// Number of layers of neurons, N.
    public var depth: Int { sizes.count - 1 }
    /// Range of flat neuron indices of layer `layer` (1 ... N).
    public func neurons(ofLayer layer: Int) -> Range<Int> { neuronOffsets[layer - 1]..<neuronOffsets[layer] }
    /// The output voltages ŭ_N.
    public var output: ArraySlice<Double> { uHat[neurons(ofLayer: depth)] }

    /// Weight W_i[post, pre] of layer `layer` (1 ... N).
    public func weight(layer: Int, post: Int, pre: Int) -> Double {
        weights[weightOffsets[layer - 1] + post * sizes[layer - 1] + pre]
    }

    /// Sets the weights of layer `layer` (row-major post × pre) and its biases.
    public mutating func setLayer(_ layer: Int, weights w: [Double], biases b: [Double]) {
        precondition(w.count == sizes[layer] * sizes[layer - 1] && b.count == sizes[layer])
        weights.replaceSubrange(weightOffsets[layer - 1]..<weightOffsets[layer], with: w)
        biases.replaceSubrange(neurons(ofLayer: layer), with: b)
    }

    /// The instantaneous feed-forward map of the current weights: ŭ_N for a constant input
    /// `x` at equilibrium without errors (what prospective coding reaches without lag).
    public func feedForward(_ x: [Double]) -> [Double] {
        var pre = x
        for layer in 1...depth {
            let nIn = sizes[layer - 1], w0 = weightOffsets[layer - 1], n0 = neuronOffsets[layer - 1]
            var post = [Double](repeating: 0, count: sizes[layer])
            for j in 0..<sizes[layer] {
                var s = biases[n0 + j]
                for k in 0..<nIn { s += weights[w0 + j * nIn + k] * pre[k] }
                post[j] = layer == depth ? s : rateFunctions[layer - 1].value(s)
            }
            pre = post
        }
        return pre
    }

    /// The first output of `feedForward(x)` without allocating: `scratch` is resized as needed.
    public func feedForwardFirstOutput(_ x: [Double], scratch: inout [Double]) -> Double {
        let widest = sizes.max()!
        if scratch.count < 2 * widest { scratch = [Double](repeating: 0, count: 2 * widest) }
        for k in 0..<sizes[0] { scratch[k] = x[k] }
        var inOffset = 0, outOffset = widest
        for layer in 1...depth {
            let nIn = sizes[layer - 1], w0 = weightOffsets[layer - 1], n0 = neuronOffsets[layer - 1]
            for j in 0..<sizes[layer] {
                var s = biases[n0 + j]
                for k in 0..<nIn { s += weights[w0 + j * nIn + k] * scratch[inOffset + k] }
                scratch[outOffset + j] = layer == depth ? s : rateFunctions[layer - 1].value(s)
            }
            swap(&inOffset, &outOffset)
        }
        return scratch[inOffset]
    }

    /// Squared Frobenius distance of all weights (not biases) to another network of the same shape.
    public func squaredWeightDistance(to other: LatentEquilibriumNetwork) -> Double {
        precondition(other.sizes == sizes)
        var s = 0.0
        for k in weights.indices { let d = weights[k] - other.weights[k]; s += d * d }
        return s
    }
}
