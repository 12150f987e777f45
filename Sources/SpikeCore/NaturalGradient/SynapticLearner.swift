/// One student neuron learning its weights with one rule (science.md 5.2–5.3), possibly in
/// a reparametrised coordinate system: synapse i sits on a dendrite with attenuation α_i,
/// so its *somatic* weight is α_i·d_i where d_i is the *dendritic* weight the rule changes
/// (science.md 5.1 and 5.4 "Figure 4"; [Kreutzer2022] code `Figure4`).
///
/// The rules act on d:
/// - Euclidean: Δd_i = η (1−φ)(y* − φ_max φ dt)·∂V/∂d_i = η (…)·α_i x^ε_i, so the somatic
///   change is α_i² times the unattenuated one: the rule depends on the coordinates.
/// - natural / approximate: Δd_i = η γ_0 (…)·(α_i⁻¹ (x^ε_i/(c_ε r_i) − γ_u) + γ_w d_i), so the
///   somatic change α_i Δd_i is the same for every α: the rule is invariant.
///
/// The student's own output spikes never enter the rules (only the teacher's y* does), so
/// they are not drawn here.
public struct SynapticLearner: Sendable {
    public let rule: LearningRule
    /// Learning rate η (dimensionless per step, as in the code).
    public var learningRate: Double
    /// Dendritic weights d_i (the learned parameters).
    public private(set) var dendriticWeights: [Double]
    /// Attenuations α_i (somatic weight = α_i·d_i).
    public private(set) var attenuations: [Double]
    /// The coefficients in use (refreshed every `refreshSteps` steps).
    public private(set) var coefficients: NaturalGradientCoefficients?
    /// Somatic potential V at the last step, mV.
    public private(set) var potential = 0.0

    let ratesHz: [Double]
    let cEps: Double
    let q: Double
    let transfer: SigmoidTransfer
    let refreshSteps: Int
    let quadratureIntervals: Int
    private var inverseCEpsRate: [Double]
    private var inverseAttenuation: [Double]
    private var stepsSinceRefresh = Int.max

    /// A learner starting from the somatic weights `somaticWeights` (dendritic d_i = w_i/α_i).
    public init(rule: LearningRule, learningRate: Double, somaticWeights: [Double], attenuations: [Double]? = nil,
                ratesHz: [Double], kernel: PSPKernel = .kreutzer2022, transfer: SigmoidTransfer = .kreutzer2022,
                refreshSteps: Int = 50, quadratureIntervals: Int = 400) {
        let n = somaticWeights.count
        precondition(ratesHz.count == n && ratesHz.allSatisfy { $0 > 0 }, "one positive rate per synapse")
        let alpha = attenuations ?? [Double](repeating: 1, count: n)
        precondition(alpha.count == n && alpha.allSatisfy { $0 > 0 }, "one positive attenuation per synapse")
        self.rule = rule
        self.learningRate = learningRate
        self.attenuations = alpha
        self.ratesHz = ratesHz
        self.transfer = transfer
        self.refreshSteps = max(1, refreshSteps)
        self.quadratureIntervals = quadratureIntervals
        cEps = kernel.squaredIntegral
        q = ratesHz.reduce(0, +) / cEps
        inverseCEpsRate = ratesHz.map { 1 / (kernel.squaredIntegral * $0) }
        inverseAttenuation = alpha.map { 1 / $0 }
        dendriticWeights = zip(somaticWeights, alpha).map { $0 / $1 }
    }

    /// Somatic weights α_i d_i: what the neuron's output depends on.
    public var somaticWeights: [Double] { zip(attenuations, dendriticWeights).map { $0 * $1 } }

    /// Moves synapse i to attenuation α keeping its somatic weight (d_i ← α_i d_i / α).
    public mutating func setAttenuation(_ alpha: Double, synapses: some Sequence<Int>) {
        precondition(alpha > 0)
        for i in synapses {
            dendriticWeights[i] = attenuations[i] * dendriticWeights[i] / alpha
            attenuations[i] = alpha
            inverseAttenuation[i] = 1 / alpha
        }
    }

    /// Mean m = Σ w_i r_i (∫ε = 1) and variance v = c_ε Σ w_i² r_i of V for the current weights.
    public var potentialStatistics: (mean: Double, variance: Double) {
        var m = 0.0, v = 0.0
        for i in dendriticWeights.indices {
            let w = attenuations[i] * dendriticWeights[i]
            m += w * ratesHz[i]
            v += w * w * ratesHz[i]
        }
        return (m, cEps * v)
    }

    /// Recomputes γ_0 and the g-coefficients from the current weights.
    public mutating func refreshCoefficients() {
        let s = potentialStatistics
        coefficients = NaturalGradientCoefficients(mean: s.mean, variance: s.variance, q: q, transfer: transfer,
                                                   intervals: quadratureIntervals)
        stepsSinceRefresh = 0
    }

    /// One learning step for filtered input x^ε (with its sum) and the teacher's spike y* ∈ {0, 1}.
    public mutating func step(filtered x: UnsafeBufferPointer<Double>, filteredSum: Double, teacherSpike: Double,
                              stepSeconds dt: Double) {
        if rule != .euclidean && stepsSinceRefresh >= refreshSteps { refreshCoefficients() }
        stepsSinceRefresh &+= 1
        let n = x.count
        var v = 0.0
        attenuations.withUnsafeBufferPointer { a in
            dendriticWeights.withUnsafeBufferPointer { d in
                for i in 0..<n { v += a[i] * d[i] * x[i] }
            }
        }
        potential = v
        let phi = transfer.phi(v)
        let error = (1 - phi) * (teacherSpike - transfer.maxRateHz * dt * phi)
        guard error != 0 else { return }
        switch rule {
        case .euclidean:
            let k = learningRate * error
            attenuations.withUnsafeBufferPointer { a in
                dendriticWeights.withUnsafeMutableBufferPointer { d in
                    for i in 0..<n { d[i] += k * a[i] * x[i] }
                }
            }
        case .natural, .approximate:
            let c = coefficients!
            let gammaU: Double, gammaW: Double
            if rule == .natural {
                gammaU = c.gammaU(inputSum: filteredSum, potential: v, cEps: cEps)
                gammaW = c.gammaW(inputSum: filteredSum, potential: v, cEps: cEps)
            } else {
                gammaU = 0.95 / cEps
                gammaW = 0.05 * v
            }
            let k = learningRate * c.gamma0 * error
            let kw = k * gammaW
            inverseAttenuation.withUnsafeBufferPointer { ia in
                inverseCEpsRate.withUnsafeBufferPointer { icr in
                    dendriticWeights.withUnsafeMutableBufferPointer { d in
                        for i in 0..<n { d[i] += k * ia[i] * (x[i] * icr[i] - gammaU) + kw * d[i] }
                    }
                }
            }
        }
    }
}
