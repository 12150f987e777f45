#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Free-membrane statistics of a conductance-based LIF neuron (threshold removed) under
/// Poisson background in the high-conductance state: science.md 1.4, the exact formulas of
/// sbs `utils.IF_cond_exp_distribution` for one excitatory and one inhibitory source.
///
///     g_x = |w_x| ν_x τ_syn,x  (ν in kHz),  g_tot = g_l + g_e + g_i,  τ_eff = C_m/g_tot
///     μ_V = (E_e g_e + E_i g_i + E_l g_l)/g_tot
///     τ_g,x = 1/(1/τ_syn,x − 1/τ_eff),  S_x = |w_x| (E_x − μ_V) τ_g,x/(τ_eff g_tot)
///     var_τ,x = τ_syn,x/2 + τ_eff/2 − 2 τ_eff τ_syn,x/(τ_eff + τ_syn,x)
///     σ_V² = ν_e S_e² var_τ,e + ν_i S_i² var_τ,i
///
/// I_offset (0 in sbs) is included in μ_V as + I_offset/g_tot.
/// sbs defaults give g_e = g_i = 0.03 µS, g_tot = 0.26 µS, τ_eff = 0.769 ms, μ_V = −50.00 mV,
/// σ_V = 1.015 mV.
public struct FreeMembraneTheory: Sendable, Equatable {
    /// Mean excitatory / inhibitory / total conductance, µS.
    public let gE: Double
    public let gI: Double
    public let gTot: Double
    /// Effective membrane time constant C_m/g_tot, ms.
    public let tauEff: Double
    /// Mean free membrane potential, mV.
    public let muV: Double
    /// Standard deviation of the free membrane potential, mV.
    public let sigmaV: Double

    /// - Parameter vRest: E_l to use instead of `parameters.vRest` (per-neuron bias).
    public init(parameters p: LIFParameters, background bg: PoissonBackground, vRest: Double? = nil) {
        let el = vRest ?? p.vRest
        let gL = p.gLeak
        let nuE = bg.excRateHz / 1000, nuI = bg.inhRateHz / 1000
        gE = bg.excWeight * nuE * p.tauSynE
        gI = bg.inhWeight * nuI * p.tauSynI
        gTot = gL + gE + gI
        tauEff = p.cm / gTot
        muV = (p.eRevE * gE + p.eRevI * gI + el * gL + p.iOffset) / gTot
        let mu = muV, tEff = tauEff, gT = gTot
        func variance(weight: Double, rate: Double, eRev: Double, tauSyn: Double) -> Double {
            guard weight > 0, rate > 0 else { return 0 }
            let tauG = 1 / (1 / tauSyn - 1 / tEff)
            let s = weight * (eRev - mu) * tauG / (tEff * gT)
            let varTau = tauSyn / 2 + tEff / 2 - 2 * tEff * tauSyn / (tEff + tauSyn)
            return rate * s * s * varTau
        }
        let variance = variance(weight: bg.excWeight, rate: nuE, eRev: p.eRevE, tauSyn: p.tauSynE)
            + variance(weight: bg.inhWeight, rate: nuI, eRev: p.eRevI, tauSyn: p.tauSynI)
        sigmaV = variance.squareRoot()
    }

    /// Gaussian density N(μ_V, σ_V²) at `v` (mV⁻¹).
    public func density(at v: Double) -> Double {
        guard sigmaV > 0 else { return 0 }
        let z = (v - muV) / sigmaV
        return exp(-0.5 * z * z) / (sigmaV * (2 * Double.pi).squareRoot())
    }
}
