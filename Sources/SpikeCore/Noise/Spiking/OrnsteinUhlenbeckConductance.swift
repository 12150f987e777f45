/// Continuous noise on the synaptic conductances (science.md 7 "stochasticity in continuous
/// systems"): every sampler's excitatory and inhibitory noise conductance is an
/// Ornstein–Uhlenbeck process with the mean, variance and correlation time τ_syn of its Poisson
/// background, the diffusion limit of that shot noise (the point-conductance model, Destexhe et al.
/// 2001). The slide's menu names OU *current* noise; on a conductance-based sampler the
/// conductance form is the one that keeps the high-conductance state (science.md 1.4), and the
/// inner loop takes conductance increments only.
///
/// Exact discretisation with the kernel's own decay a = e^{−dt/τ}: g_n = a g_{n−1} + c + s ξ_n,
/// ξ_n standard normal, so mean c/(1 − a) and variance s²/(1 − a²). Matching K sources of spike
/// probability p = ν dt and weight w (`ExternalNoiseProjection`'s Campbell expressions):
/// c = K w p, s = w √(K p (1 − p)). Draws from the seeded stream `RandomStream.ornsteinUhlenbeckNoise`.
/// The conductance can dip below zero (rarely, for few strong inputs), as in the point-conductance model.
public struct OrnsteinUhlenbeckConductance: Sendable {
    public let targetCount: Int
    /// Per-step drift c and kick s of each receptor, µS.
    public let driftE: Double, kickE: Double, driftI: Double, kickI: Double
    var rng: Xoshiro256StarStar
    var incrementsE: [Double], incrementsI: [Double]

    /// - Parameters: K_x, w_x (µS), p = ν dt of the Poisson background it stands for.
    public init(targetCount: Int, excitatoryInDegree: Int, inhibitoryInDegree: Int, excitatoryWeight: Double,
                inhibitoryWeight: Double, spikeProbability p: Double, seed: UInt64) {
        self.targetCount = targetCount
        driftE = Double(excitatoryInDegree) * excitatoryWeight * p
        kickE = excitatoryWeight * (Double(excitatoryInDegree) * p * (1 - p)).squareRoot()
        driftI = Double(inhibitoryInDegree) * inhibitoryWeight * p
        kickI = inhibitoryWeight * (Double(inhibitoryInDegree) * p * (1 - p)).squareRoot()
        rng = Xoshiro256StarStar(seed: seed, stream: RandomStream.ornsteinUhlenbeckNoise)
        incrementsE = Array(repeating: 0, count: targetCount)
        incrementsI = incrementsE
    }

    /// Draws this step's increments c + s ξ of every target (excitatory, then inhibitory).
    public mutating func step() -> (excitatory: [Double], inhibitory: [Double]) {
        for t in 0..<targetCount {
            incrementsE[t] = driftE + kickE * rng.nextStandardNormal()
            incrementsI[t] = driftI + kickI * rng.nextStandardNormal()
        }
        return (incrementsE, incrementsI)
    }

    /// Stationary mean and variance of the excitatory conductance for the decay a per step (µS, µS²).
    public func excitatoryStatistics(decay a: Double) -> (mean: Double, variance: Double) {
        (driftE / (1 - a), kickE * kickE / (1 - a * a))
    }
}

extension RandomStream {
    /// Draws of an `OrnsteinUhlenbeckConductance` (issue 4).
    public static let ornsteinUhlenbeckNoise: UInt64 = experiment(0x4_24)
}
