/// The learning rules of science.md 5.3 averaged over the input and the teacher's spikes:
/// a deterministic flow in weight space whose paths the noisy spiking learners follow for
/// small learning rates (the "which way is down" picture of science.md 5.1; [Kreutzer2022]
/// Figure 3D–E).
///
/// The average over inputs is a fixed sample of stationary filtered input vectors x^ε
/// (taken every `sampleSpacingSteps` from one long input run), and E[y* | x] = φ_max φ(w*·x) dt
/// replaces the teacher's spike (the rules are linear in y*). The same sample gives the
/// expected cost C(w) = ⟨KL(p*(x) ‖ p(x))⟩ per bin on a grid: the landscape the paths run on.
public struct ExpectedLearningFlow: Sendable {
    public let setup: NaturalGradientTask
    /// Row-major K × N stationary filtered inputs (1/s).
    public let samples: [Double]
    public let sampleCount: Int
    private let teacherProbabilities: [Double]
    private let sampleSums: [Double]

    public init(setup: NaturalGradientTask, seed: UInt64, sampleCount: Int = 2000, sampleSpacingSteps: Int = 40) {
        self.setup = setup
        let n = setup.inputCount
        var afferents = PoissonAfferents(ratesHz: setup.ratesHz, stepSeconds: setup.stepSeconds, kernel: setup.kernel,
                                         rng: Xoshiro256StarStar(seed: seed, stream: NaturalGradientStreams.landscape))
        for _ in 0..<setup.testSettleSteps { afferents.step() }
        var rows: [Double] = []
        rows.reserveCapacity(sampleCount * n)
        for _ in 0..<sampleCount {
            for _ in 0..<max(1, sampleSpacingSteps) { afferents.step() }
            rows += afferents.filtered
        }
        samples = rows
        self.sampleCount = sampleCount
        let scale = setup.transfer.maxRateHz * setup.stepSeconds
        teacherProbabilities = (0..<sampleCount).map { k in
            scale * setup.transfer.phi((0..<n).reduce(0.0) { $0 + setup.teacherWeights[$1] * rows[k * n + $1] })
        }
        sampleSums = (0..<sampleCount).map { k in (0..<n).reduce(0.0) { $0 + rows[k * n + $1] } }
    }

    /// Expected KL cost per second (nats/s) at somatic weights `w`: ⟨KL⟩ per bin / dt.
    public func costPerSecond(somaticWeights w: [Double]) -> Double {
        let n = setup.inputCount
        let scale = setup.transfer.maxRateHz * setup.stepSeconds
        var sum = 0.0
        for k in 0..<sampleCount {
            var v = 0.0
            for i in 0..<n { v += w[i] * samples[k * n + i] }
            sum += bernoulliKL(teacher: teacherProbabilities[k], student: scale * setup.transfer.phi(v))
        }
        return sum / Double(sampleCount) / setup.stepSeconds
    }

    /// The expected change of the *somatic* weights per second of learning under `rule` when
    /// synapse i has attenuation α_i (the rule acts on dendritic weights d_i = w_i/α_i; the
    /// somatic velocity is α_i ḋ_i).
    public func somaticVelocity(_ rule: LearningRule, somaticWeights w: [Double], attenuations alpha: [Double],
                                learningRate eta: Double) -> [Double] {
        let n = setup.inputCount
        let dt = setup.stepSeconds
        let transfer = setup.transfer
        let cEps = setup.kernel.squaredIntegral
        var coefficients: NaturalGradientCoefficients?
        if rule != .euclidean {
            var m = 0.0, v = 0.0
            for i in 0..<n { m += w[i] * setup.ratesHz[i]; v += w[i] * w[i] * setup.ratesHz[i] }
            coefficients = NaturalGradientCoefficients(mean: m, variance: cEps * v, q: setup.q, transfer: transfer)
        }
        var mean = [Double](repeating: 0, count: n)
        for k in 0..<sampleCount {
            let base = k * n
            var v = 0.0
            for i in 0..<n { v += w[i] * samples[base + i] }
            let phi = transfer.phi(v)
            let error = (1 - phi) * (teacherProbabilities[k] - transfer.maxRateHz * dt * phi)
            switch rule {
            case .euclidean:
                // Δd_i = η e α_i x_i  ⇒  Δw_i = α_i² η e x_i
                for i in 0..<n { mean[i] += alpha[i] * alpha[i] * error * samples[base + i] }
            case .natural, .approximate:
                let c = coefficients!
                let gu = rule == .natural ? c.gammaU(inputSum: sampleSums[k], potential: v, cEps: cEps) : 0.95 / cEps
                let gw = rule == .natural ? c.gammaW(inputSum: sampleSums[k], potential: v, cEps: cEps) : 0.05 * v
                // Δd_i = η γ_0 e (α_i⁻¹(x_i/(c_ε r_i) − γ_u) + γ_w d_i)  ⇒  Δw_i = η γ_0 e (x_i/(c_ε r_i) − γ_u + γ_w w_i)
                let k0 = c.gamma0 * error
                for i in 0..<n { mean[i] += k0 * (samples[base + i] / (cEps * setup.ratesHz[i]) - gu + gw * w[i]) }
            }
        }
        let perSecond = eta / dt / Double(sampleCount)
        return mean.map { $0 * perSecond }
    }

    /// One Heun (explicit trapezoidal) step of `seconds` along the expected flow.
    public func heunStep(_ rule: LearningRule, somaticWeights w: [Double], attenuations alpha: [Double],
                         learningRate eta: Double, seconds h: Double) -> [Double] {
        let v1 = somaticVelocity(rule, somaticWeights: w, attenuations: alpha, learningRate: eta)
        let predictor = zip(w, v1).map { $0 + h * $1 }
        let v2 = somaticVelocity(rule, somaticWeights: predictor, attenuations: alpha, learningRate: eta)
        return w.indices.map { w[$0] + h * (v1[$0] + v2[$0]) / 2 }
    }
}
