/// Per-neuron Poisson background sources (science.md 1.9 step 2): every step, neuron k
/// receives w_e·n_e on g_e and w_i·n_i on g_i with n_x ~ Poisson(λ_x), λ_x = ν_x·dt
/// (ν in kHz, dt in ms), independent across steps, neurons and receptor kinds.
///
/// Method (exact, and cheap at λ ≈ 0.03): each source is a Poisson process in "hazard"
/// units. It keeps the remaining hazard r ~ Exp(1) until its next event; a step consumes
/// λ of hazard, and every time r drops to ≤ 0 an event is counted and a fresh Exp(1) is
/// added. The event count in a step is then exactly Poisson(λ) and independent of other
/// steps (memorylessness), so this is the same process as drawing Poisson(λ) every step,
/// with one logarithm per *event* instead of per step. Rate changes need no correction
/// (r is measured in hazard, not time). Each source has its own generator stream
/// (`RandomStream.backgroundExcitatory/Inhibitory(k)`).
public struct BackgroundInput: Sendable {
    public let stepMs: Double
    /// Rates (Hz) and weights (µS, magnitudes), per neuron.
    public private(set) var excRateHz: [Double]
    public private(set) var inhRateHz: [Double]
    public private(set) var excWeight: [Double]
    public private(set) var inhWeight: [Double]
    /// Expected events per step λ = ν·dt/1000.
    var lambdaE: [Double]
    var lambdaI: [Double]
    /// Remaining hazard until the next event.
    var residualE: [Double]
    var residualI: [Double]
    var rngE: [Xoshiro256StarStar]
    var rngI: [Xoshiro256StarStar]

    public var count: Int { excRateHz.count }

    /// `count` neurons with the same background, streams derived from `seed`.
    public init(count: Int, background: PoissonBackground, stepMs: Double, seed: UInt64) {
        self.stepMs = stepMs
        excRateHz = Array(repeating: background.excRateHz, count: count)
        inhRateHz = Array(repeating: background.inhRateHz, count: count)
        excWeight = Array(repeating: background.excWeight, count: count)
        inhWeight = Array(repeating: background.inhWeight, count: count)
        lambdaE = excRateHz.map { $0 * stepMs / 1000 }
        lambdaI = inhRateHz.map { $0 * stepMs / 1000 }
        rngE = (0..<count).map { Xoshiro256StarStar(seed: seed, stream: RandomStream.backgroundExcitatory($0)) }
        rngI = (0..<count).map { Xoshiro256StarStar(seed: seed, stream: RandomStream.backgroundInhibitory($0)) }
        residualE = []
        residualI = []
        residualE = (0..<count).map { rngE[$0].nextStandardExponential() }
        residualI = (0..<count).map { rngI[$0].nextStandardExponential() }
    }

    /// Background of one neuron.
    public func background(of neuron: Int) -> PoissonBackground {
        PoissonBackground(excRateHz: excRateHz[neuron], inhRateHz: inhRateHz[neuron],
                          excWeight: excWeight[neuron], inhWeight: inhWeight[neuron])
    }

    /// Changes the background of one neuron from the next step on.
    public mutating func setBackground(_ background: PoissonBackground, neuron k: Int) {
        excRateHz[k] = background.excRateHz
        inhRateHz[k] = background.inhRateHz
        excWeight[k] = background.excWeight
        inhWeight[k] = background.inhWeight
        lambdaE[k] = background.excRateHz * stepMs / 1000
        lambdaI[k] = background.inhRateHz * stepMs / 1000
    }

    /// Event count of one source in one step: Poisson(λ) via the hazard residual.
    static func events(lambda: Double, residual r: inout Double, rng: inout Xoshiro256StarStar) -> Int {
        r -= lambda
        var count = 0
        while r <= 0 {
            count += 1
            r += rng.nextStandardExponential()
        }
        return count
    }
}
