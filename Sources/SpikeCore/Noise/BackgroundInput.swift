#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// Poisson CDF F(0) … F(3) per neuron (4 entries each; for inversion, λ ≥ `inversionThreshold`).
    var cdfE: [Double]
    var cdfI: [Double]
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
        cdfE = lambdaE.flatMap { Self.poissonCDF($0) }
        cdfI = lambdaI.flatMap { Self.poissonCDF($0) }
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
        setRatesAndWeights(background, neuron: k)
        let newLambdaE = background.excRateHz * stepMs / 1000, newLambdaI = background.inhRateHz * stepMs / 1000
        // The CDF is a function of λ alone: recomputed (in place, no allocation) only when λ
        // changed; an oscillating background (science.md 3.3) changes it every step.
        let changedE = !(newLambdaE == lambdaE[k]), changedI = !(newLambdaI == lambdaI[k])
        lambdaE[k] = newLambdaE
        lambdaI[k] = newLambdaI
        if changedE { Self.writePoissonCDF(newLambdaE, into: &cdfE, at: 4 * k) }
        if changedI { Self.writePoissonCDF(newLambdaI, into: &cdfI, at: 4 * k) }
    }

    /// The same background for every neuron: what `setBackground(_:neuron:)` for each sets, with
    /// λ and the CDF computed once (a whole population's rate is changed every step by an
    /// oscillation).
    public mutating func setBackgroundOfAll(_ background: PoissonBackground) {
        guard count > 0 else { return }
        setBackground(background, neuron: 0)
        for k in 1..<count {
            setRatesAndWeights(background, neuron: k)
            lambdaE[k] = lambdaE[0]
            lambdaI[k] = lambdaI[0]
            for c in 0..<4 {
                cdfE[4 * k + c] = cdfE[c]
                cdfI[4 * k + c] = cdfI[c]
            }
        }
    }

    private mutating func setRatesAndWeights(_ background: PoissonBackground, neuron k: Int) {
        excRateHz[k] = background.excRateHz
        inhRateHz[k] = background.inhRateHz
        excWeight[k] = background.excWeight
        inhWeight[k] = background.inhWeight
    }

    /// Smallest λ for which `events` uses inversion instead of the hazard residual.
    static let inversionThreshold = 0.1

    /// Poisson(λ) CDF F(0) … F(3), accumulated as p(0) = e^{−λ}, p(c) = p(c − 1)·λ/c.
    static func poissonCDF(_ lambda: Double) -> [Double] {
        var out = [Double](repeating: 0, count: 4)
        writePoissonCDF(lambda, into: &out, at: 0)
        return out
    }

    /// `poissonCDF(lambda)` written to `table[offset ..< offset + 4]`.
    static func writePoissonCDF(_ lambda: Double, into table: inout [Double], at offset: Int) {
        var p = exp(-lambda), f = p
        table[offset] = f
        for c in 1...3 {
            p *= lambda / Double(c)
            f += p
            table[offset + c] = f
        }
    }

    /// Event count of one source in one step, Poisson(λ). Two exact methods, chosen by λ alone
    /// (so the choice is deterministic): below `inversionThreshold` (e.g. 3 kHz at dt = 0.01 ms,
    /// λ = 0.03) the hazard residual, which costs one compare per step and one exponential draw
    /// per event; from it on (3 kHz at dt = 0.1 ms, λ = 0.3) inversion of the Poisson CDF with
    /// one uniform per step: the count is the smallest c with u < F(c), found without branches
    /// against the tabulated F(0) … F(3) (`cdf`, 4 entries) and, beyond (probability 2.7e−4 at
    /// λ = 0.3), by continuing the accumulation.
    @inline(__always)
    static func events(lambda: Double, cdf: UnsafePointer<Double>, residual r: inout Double,
                       rng: inout Xoshiro256StarStar) -> Int {
        guard lambda >= inversionThreshold else { return events(lambda: lambda, residual: &r, rng: &rng) }
        let u = rng.nextUniform()
        let count = (u >= cdf[0] ? 1 : 0) + (u >= cdf[1] ? 1 : 0) + (u >= cdf[2] ? 1 : 0) + (u >= cdf[3] ? 1 : 0)
        return count < 4 ? count : tailEvents(u: u, lambda: lambda, cdf3: cdf[3])
    }

    /// The integer form of a comparison with a uniform: for u = m·2⁻⁵³ (m < 2⁵³, as
    /// `Xoshiro256StarStar.nextUniform` makes it from m = next() >> 11), u ≥ F ⟺ m ≥ ⌈F·2⁵³⌉,
    /// exactly (scaling by 2⁵³ is exact, m is an integer). F ≤ 0 gives 0 (always), F ≥ 1 and
    /// NaN give 2⁵³ (never).
    @inline(__always)
    static func uniformThreshold(_ f: Double) -> UInt64 {
        let scaled = (f * 0x1.0p53).rounded(.up)
        if scaled.isNaN { return 1 << 53 }
        if scaled <= 0 { return 0 }
        return scaled >= 0x1.0p53 ? 1 << 53 : UInt64(scaled)
    }

    /// The count for u ≥ F(3): continues p(c) = p(c − 1)·λ/c from c = 4.
    @inline(never)
    static func tailEvents(u: Double, lambda: Double, cdf3: Double) -> Int {
        var p = exp(-lambda)
        for c in 1...3 { p *= lambda / Double(c) }
        var cdf = cdf3, count = 3
        while u >= cdf && p > 0 {
            count += 1
            p *= lambda / Double(count)
            cdf += p
        }
        return count
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
