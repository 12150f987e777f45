/// M copies of a sampling network of n binary units, all driven by one kind of noise
/// (science.md 2.2–2.3; [Jordan2019] binary formulation, code jakobj/binary_network `simulate`;
/// [Dold2019] for the noise-free ensemble).
///
/// State vector s: the F = M·n functional units first (network m, unit k at m·n + k), then the N
/// noise sources of a pool or background network. Dynamics: asynchronous, one uniformly chosen
/// unit per update; a *cycle* is U updates (U = number of updatable units), so every unit is
/// updated once per cycle on average (Poisson update times with mean interval τ = one cycle).
///
/// - functional unit (network m, unit k): h = b'_k + Σ_j W'_kj s_j (own network);
///   noise kinds: s ← Θ(h + x) with x its noise input (Θ(y) = [y > 0], `Ftheta`);
///   `intrinsic`: s ← [U < σ(h)] (`Fsigma`).
/// - pool source: s ← Bernoulli(μ); background-network unit: s ← Θ(Σ J s + b_BRN).
/// - private noise: x = w·Bin(K_E, μ) − g w·Bin(K_I, μ), fresh at every update.
///
/// Translation (science.md 2.2 `get_adjusted_weights_and_bias`): W' = W/β_eff, b' = b/β_eff + h₀,
/// where the unit's activation under its noise is p(s = 1 | h) = σ(β_eff (h − h₀)), measured by
/// `BinaryActivationCalibration`. Per network the parameters can then be trained in the loop
/// (`ContrastiveUpdate`).
public struct BinarySamplingEnsemble: Sendable {
    public let kind: NoiseSourceKind
    public let target: BoltzmannMachine
    public let networkCount: Int
    public let noise: BinaryNoiseParameters
    /// n.
    public var unitsPerNetwork: Int { target.unitCount }
    /// F = M·n.
    public var functionalCount: Int { networkCount * unitsPerNetwork }
    /// Units updated asynchronously (functional + pool or background-network sources).
    public let updatableCount: Int

    /// Binary states (functional units, then sources).
    public private(set) var states: [UInt8]
    /// Realised W'_m (row-major n×n) per network.
    public private(set) var weights: [[Double]]
    /// Realised b'_m per network.
    public private(set) var biases: [[Double]]
    /// Noise inputs of the functional units (rows 0..<F).
    public let functionalWiring: NoiseWiring
    /// Recurrent wiring of the background network (rows = its N units).
    public let backgroundWiring: NoiseWiring
    /// Whether each state-vector unit is an excitatory noise source.
    public let excitatory: [Bool]
    /// Completed cycles.
    public private(set) var cycles: Int = 0
    /// Time-weighted (per cycle) joint-state histogram of each network.
    public private(set) var histograms: [StateHistogram]
    /// Noise-input statistics of the functional units (sampled once per cycle when enabled).
    public private(set) var inputs: InputStatistics
    /// Whether `inputs` is accumulated.
    public var measuresInputs = true
    /// Mean activity of the sources (background network or pool) over all cycles.
    public private(set) var sourceActivity = RunningStatistics()
    var rng: Xoshiro256StarStar
    var scratch: [Double]

    /// - Parameters:
    ///   - networkCount: M copies of `target`.
    ///   - noise: N, K, γ, g, w, μ (N is ignored for private noise, intrinsic units and the ensemble,
    ///     whose sources are the other networks' units).
    ///   - matrixUnits: how many functional units the input-correlation matrix covers.
    public init(kind: NoiseSourceKind, target: BoltzmannMachine, networkCount: Int, noise: BinaryNoiseParameters,
                seed: UInt64, matrixUnits: Int = 40) {
        precondition(networkCount >= 1)
        self.kind = kind
        self.target = target
        self.networkCount = networkCount
        self.noise = noise
        let n = target.unitCount, f = networkCount * n
        let hasSources = kind == .sharedPool || kind == .backgroundNetwork
        let sourceCount = hasSources ? noise.sourceCount : 0
        updatableCount = f + sourceCount
        var wiringRNG = Xoshiro256StarStar(seed: seed, stream: RandomStream.binaryNoiseWiring)
        var exc = Array(repeating: false, count: f + sourceCount)
        var fw = NoiseWiring(), bw = NoiseWiring()
        let kE = noise.excitatoryInDegree, kI = noise.inhibitoryInDegree
        if hasSources {
            let nE = noise.excitatorySources
            for j in 0..<nE { exc[f + j] = true }
            let eSet = Array(f..<(f + nE)), iSet = Array((f + nE)..<(f + sourceCount))
            for _ in 0..<f {
                fw.appendRow(excitatory: eSet, inhibitory: iSet, kE: kE, kI: kI, weight: noise.weight,
                             inhibition: noise.inhibition, rng: &wiringRNG)
            }
            if kind == .backgroundNetwork {
                for j in 0..<sourceCount {
                    let me = f + j
                    bw.appendRow(excitatory: eSet.filter { $0 != me }, inhibitory: iSet.filter { $0 != me },
                                 kE: kE, kI: kI, weight: noise.weight, inhibition: noise.inhibition, rng: &wiringRNG)
                }
            }
        } else if kind == .ensemble {
            // E/I identities shuffled over all functional units (round(γF) excitatory).
            let order = NoiseWiring.choose(f, from: Array(0..<f), rng: &wiringRNG)
            for i in order.prefix(Int((noise.excitatoryFraction * Double(f)).rounded())) { exc[i] = true }
            for i in 0..<f {
                let own = (i / n) * n
                let others = (0..<f).filter { $0 < own || $0 >= own + n }
                fw.appendRow(excitatory: others.filter { exc[$0] }, inhibitory: others.filter { !exc[$0] },
                             kE: kE, kI: kI, weight: noise.weight, inhibition: noise.inhibition, rng: &wiringRNG)
            }
        }
        functionalWiring = fw
        backgroundWiring = bw
        excitatory = exc
        var initRNG = Xoshiro256StarStar(seed: seed, stream: RandomStream.binaryNoiseInitial)
        states = (0..<(f + sourceCount)).map { _ in initRNG.nextUniform() < 0.5 ? 1 : 0 }
        weights = Array(repeating: target.weightRows.flatMap { $0 }, count: networkCount)
        biases = Array(repeating: target.biases, count: networkCount)
        histograms = Array(repeating: StateHistogram(unitCount: n, sampleIntervalSteps: 1 << 30), count: networkCount)
        inputs = InputStatistics(unitCount: f, matrixUnits: matrixUnits)
        rng = Xoshiro256StarStar(seed: seed, stream: RandomStream.binaryNoiseUpdates)
        scratch = Array(repeating: 0, count: f)
    }

    // MARK: parameters

    /// Sets every network to the translation of the target: W' = W/β, b' = b/β + h₀.
    public mutating func applyTranslation(beta: Double, offset: Double) {
        precondition(beta > 0 && beta.isFinite && offset.isFinite)
        let w = target.weightRows.flatMap { $0 }.map { $0 / beta }
        let b = target.biases.map { $0 / beta + offset }
        weights = Array(repeating: w, count: networkCount)
        biases = Array(repeating: b, count: networkCount)
    }

    /// Sets network m's realised parameters.
    public mutating func setParameters(network m: Int, weights w: [Double], biases b: [Double]) {
        precondition(w.count == unitsPerNetwork * unitsPerNetwork && b.count == unitsPerNetwork)
        weights[m] = w
        biases[m] = b
    }

    /// Forget histograms and input statistics (keep the dynamical state).
    public mutating func resetMeasurements() {
        histograms = Array(repeating: StateHistogram(unitCount: unitsPerNetwork, sampleIntervalSteps: 1 << 30), count: networkCount)
        inputs.reset()
        sourceActivity = RunningStatistics()
    }

    // MARK: dynamics

    /// Total noise input x of functional unit i now (private noise: a fresh draw).
    @inline(__always)
    mutating func noiseInput(_ i: Int) -> Double {
        switch kind {
        case .intrinsic: return 0
        case .privateNoise: return privateDraw()
        default: return functionalWiring.input(row: i, states: states)
        }
    }

    /// x = w·Bin(K_E, μ) − g w·Bin(K_I, μ).
    @inline(__always)
    mutating func privateDraw() -> Double { Self.privateDraw(noise, rng: &rng) }

    /// x = w·Bin(K_E, μ) − g w·Bin(K_I, μ) from `rng`.
    @inline(__always)
    static func privateDraw(_ noise: BinaryNoiseParameters, rng: inout Xoshiro256StarStar) -> Double {
        let mu = noise.targetActivity
        var on = 0.0
        for _ in 0..<noise.excitatoryInDegree where rng.nextUniform() < mu { on += 1 }
        var off = 0.0
        for _ in 0..<noise.inhibitoryInDegree where rng.nextUniform() < mu { off += 1 }
        return noise.weight * (on - noise.inhibition * off)
    }

    /// Deterministic input h of functional unit i (network m = i/n).
    @inline(__always)
    func localInput(_ i: Int) -> Double {
        let n = unitsPerNetwork, m = i / n, k = i - m * n, base = m * n
        let w = weights[m]
        var h = biases[m][k]
        for j in 0..<n where states[base + j] != 0 { h += w[k * n + j] }
        return h
    }

    /// One asynchronous update of one uniformly chosen unit.
    @inline(__always)
    mutating func updateOne() {
        let u = min(updatableCount - 1, Int(rng.nextUniform() * Double(updatableCount)))
        let f = functionalCount
        if u < f {
            let h = localInput(u)
            if kind == .intrinsic {
                states[u] = rng.nextUniform() < BoltzmannMachine.sigmoid(h) ? 1 : 0
            } else {
                states[u] = h + noiseInput(u) > 0 ? 1 : 0
            }
        } else if kind == .sharedPool {
            states[u] = rng.nextUniform() < noise.targetActivity ? 1 : 0
        } else {
            let x = backgroundWiring.input(row: u - f, states: states) + noise.backgroundBias
            states[u] = x > 0 ? 1 : 0
        }
    }

    /// Runs `count` cycles; after each, records each network's joint state, the source activity
    /// and (when `measuresInputs`) every functional unit's noise input.
    public mutating func run(cycles count: Int) {
        let n = unitsPerNetwork, f = functionalCount
        for _ in 0..<max(0, count) {
            for _ in 0..<updatableCount { updateOne() }
            cycles += 1
            for m in 0..<networkCount {
                var index = 0
                for k in 0..<n { index = (index << 1) | Int(states[m * n + k]) }
                histograms[m].add(stateIndex: index)
            }
            if updatableCount > f {
                var on = 0
                for j in f..<updatableCount where states[j] != 0 { on += 1 }
                sourceActivity.add(Double(on) / Double(updatableCount - f))
            }
            if measuresInputs && kind != .intrinsic {
                for i in 0..<f { scratch[i] = noiseInput(i) }
                inputs.add(scratch)
            }
        }
    }

    // MARK: measures

    /// One count per state added before a network's D_KL is taken (jakobj/binary_network
    /// `get_joints(prior='uniform')`, science.md 1.10 (b)): per-network windows are short, and the
    /// rarest canonical state (p* = 0.002) is often unvisited in a few thousand cycles.
    public static let perNetworkPrior = KullbackLeibler.ZeroCounts.pseudoCount(1)

    /// D_KL(p* ‖ p_m) of each network's sampled distribution (with `perNetworkPrior`).
    public var divergences: [Double] {
        let p = BoltzmannDistribution(target).probabilities
        return histograms.map { KullbackLeibler.targetToSampled(target: p, counts: $0.counts, zeroCounts: Self.perNetworkPrior) }
    }

    /// Mean over networks of D_KL(p* ‖ p_m).
    public var meanDivergence: Double {
        let d = divergences
        return d.reduce(0, +) / Double(d.count)
    }

    /// Moments ⟨z⟩, ⟨z zᵀ⟩ of network m's sampled states (model statistics).
    public func modelMoments(network m: Int) -> BinaryMoments { BinaryMoments(histograms[m]) }

    /// Mean activity of the functional units over the run so far (from the histograms).
    public var functionalActivity: Double {
        histograms.reduce(0) { $0 + $1.marginals.reduce(0, +) } / Double(functionalCount)
    }
}
