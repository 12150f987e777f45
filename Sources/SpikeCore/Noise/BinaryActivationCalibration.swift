/// The activation function of a Heaviside unit under the noise it actually receives, measured
/// and fitted with the LIF-sampling calibration machinery (`LogisticFit`, science.md 1.5):
///
///     p(s = 1 | h) = σ(β_eff (h − h₀))
///
/// science.md 2.2 recommends exactly this ("measure β_eff and b_eff by fitting the empirical
/// activation function of a unit under the actual noise", `get_adjusted_weights_and_bias`).
/// Probes are extra units wired to the noise exactly like functional units (same K_E, K_I, w, g;
/// ensemble probes read functional units) but with a clamped input h on a grid; they do not feed
/// back. Each cycle of the running ensemble every probe evaluates Θ(h + x).
public struct BinaryActivationCalibration: Sendable {
    /// Probe inputs h on the grid.
    public let inputs: [Double]
    /// Measured p_on at each h.
    public let pOn: [Double]
    /// The logistic fit (nil if fewer than 3 points inside (0.05, 0.95)).
    public let fit: LogisticFit?
    /// Gaussian-theory guess used for the grid: β = √(8/(π σ²)), h₀ = −μ_in.
    public let theoryBeta: Double
    public let theoryOffset: Double

    /// β_eff (1/α of the fit; the theory value if the fit failed).
    public var beta: Double { fit.map { 1 / $0.alpha } ?? theoryBeta }
    /// h₀ (v_p05 of the fit; the theory value if the fit failed).
    public var offset: Double { fit?.vP05 ?? theoryOffset }

    /// Measures the activation under `ensemble`'s noise while the ensemble runs `cycles` cycles
    /// (advancing it). `points` grid values spanning h₀ ± 4σ_in (theory), `probesPerPoint` probes each.
    public static func measure(_ ensemble: inout BinarySamplingEnsemble, cycles: Int, points: Int = 41,
                               probesPerPoint: Int = 8, seed: UInt64) -> BinaryActivationCalibration {
        let noise = ensemble.noise
        let activity: Double
        switch ensemble.kind {
        case .ensemble:
            let marginals = BoltzmannDistribution(ensemble.target).marginals
            activity = ensemble.cycles > 0 ? ensemble.functionalActivity : marginals.reduce(0, +) / Double(marginals.count)
        default: activity = noise.targetActivity
        }
        let theoryOffset = -noise.inputMean(activity: activity)
        let sigma = noise.inputVariance(activity: activity).squareRoot()
        let theoryBeta = BinaryNoiseParameters.effectiveBeta(inputVariance: sigma * sigma)
        let grid = (0..<points).map { theoryOffset - 4 * sigma + 8 * sigma * Double($0) / Double(points - 1) }
        if ensemble.kind == .intrinsic {
            // Logistic units: p = σ(h) exactly; nothing to measure.
            let p = grid.map { BoltzmannMachine.sigmoid($0) }
            return BinaryActivationCalibration(inputs: grid, pOn: p, fit: LogisticFit.fit(vRest: grid, pOn: p),
                                               theoryBeta: 1, theoryOffset: 0)
        }
        var rng = Xoshiro256StarStar(seed: seed, stream: RandomStream.binaryNoiseProbes)
        let probeCount = points * probesPerPoint
        var wiring = NoiseWiring()
        let f = ensemble.functionalCount
        if ensemble.kind != .privateNoise {
            let candidates = ensemble.kind == .ensemble ? Array(0..<f) : Array(f..<ensemble.states.count)
            let eSet = candidates.filter { ensemble.excitatory[$0] }, iSet = candidates.filter { !ensemble.excitatory[$0] }
            for _ in 0..<probeCount {
                wiring.appendRow(excitatory: eSet, inhibitory: iSet, kE: noise.excitatoryInDegree,
                                 kI: noise.inhibitoryInDegree, weight: noise.weight, inhibition: noise.inhibition, rng: &rng)
            }
        }
        var on = Array(repeating: 0.0, count: points)
        let measuring = ensemble.measuresInputs
        ensemble.measuresInputs = false
        for _ in 0..<cycles {
            ensemble.run(cycles: 1)
            for probe in 0..<probeCount {
                let x = ensemble.kind == .privateNoise
                    ? BinarySamplingEnsemble.privateDraw(noise, rng: &rng)
                    : wiring.input(row: probe, states: ensemble.states)
                if grid[probe / probesPerPoint] + x > 0 { on[probe / probesPerPoint] += 1 }
            }
        }
        ensemble.measuresInputs = measuring
        let p = on.map { $0 / Double(cycles * probesPerPoint) }
        return BinaryActivationCalibration(inputs: grid, pOn: p, fit: LogisticFit.fit(vRest: grid, pOn: p),
                                           theoryBeta: theoryBeta, theoryOffset: theoryOffset)
    }
}

extension BinarySamplingEnsemble {
    /// Calibrates the activation under this ensemble's own noise and applies the translation
    /// W' = W/β, b' = b/β + h₀ to every network; then forgets the measurements. The ensemble's
    /// noise depends on its own parametrisation, so `rounds` > 1 repeats measure-and-apply
    /// (starting from the Gaussian-theory translation). Returns the last calibration.
    ///
    /// Sources of unequal activity (background network) give every unit a different *mean* noise
    /// input (quenched disorder); a population fit cannot see it. For the background network each
    /// unit is then calibrated individually (as every LIF sampler is in sbs): its mean input ⟨x_i⟩
    /// is measured over `cycles` cycles and b'_i ← b'_i − (⟨x_i⟩ − mean_j ⟨x_j⟩). Not for the
    /// ensemble: there the compensation feeds back on the sources themselves and drove the
    /// binary ensemble into a frozen state (measured: temporal input variance 0.17 instead of ≈ 2,
    /// issue 4 closing note), so the ensemble keeps the population calibration.
    @discardableResult
    public mutating func calibrate(cycles: Int, rounds: Int = 1, seed: UInt64) -> BinaryActivationCalibration {
        var last: BinaryActivationCalibration? = nil
        for round in 0..<max(1, rounds) {
            if round == 0 && kind == .ensemble {
                let guess = BinaryActivationCalibration.measure(&self, cycles: 1, points: 3, probesPerPoint: 1, seed: seed)
                applyTranslation(beta: guess.theoryBeta, offset: guess.theoryOffset)
                run(cycles: 20)
            }
            let c = BinaryActivationCalibration.measure(&self, cycles: cycles, seed: seed &+ UInt64(round))
            applyTranslation(beta: c.beta, offset: c.offset)
            last = c
        }
        if kind == .backgroundNetwork { compensateMeanInputs(cycles: cycles) }
        resetMeasurements()
        return last!
    }

    /// One round of per-unit mean-input compensation (see `calibrate`).
    mutating func compensateMeanInputs(cycles: Int) {
        let measuring = measuresInputs
        measuresInputs = true
        resetMeasurements()
        run(cycles: cycles)
        measuresInputs = measuring
        let f = functionalCount, n = unitsPerNetwork
        let means = (0..<f).map { inputs.mean($0) }
        let overall = means.reduce(0, +) / Double(f)
        for m in 0..<networkCount {
            var b = biases[m]
            for k in 0..<n { b[k] -= means[m * n + k] - overall }
            setParameters(network: m, weights: weights[m], biases: b)
        }
    }
}
