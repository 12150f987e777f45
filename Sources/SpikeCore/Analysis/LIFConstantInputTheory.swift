#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Firing of a LIF neuron (science.md 1.2) driven by a constant current I_offset, no synaptic
/// input. The membrane relaxes to V_∞ = E_l + I/g_l with time constant τ_m; from V_reset it
/// reaches V_th after T_free = τ_m ln((V_∞ − V_reset)/(V_∞ − V_th)) (needs V_∞ > V_th), so
///
///     rate = 1/(τ_ref + T_free)  (continuous time).
///
/// Exponential Euler is exact for constant conductance (V_n = V_∞ + (V_reset − V_∞) a^n,
/// a = e^{−dt/τ_m}), so the simulated neuron crosses threshold at the end of the first step
/// n ≥ T_free/dt: period = R + max(1, ⌈T_free/dt⌉) steps with R = round(τ_ref/dt).
public enum LIFConstantInputTheory {
    /// Asymptotic potential V_∞, mV.
    public static func vInfinity(_ p: LIFParameters, vRest: Double? = nil) -> Double {
        (vRest ?? p.vRest) + p.iOffset / p.gLeak
    }

    /// Time from reset to threshold, ms (nil if threshold is never reached).
    public static func freeTimeMs(_ p: LIFParameters) -> Double? {
        let vInf = vInfinity(p)
        guard vInf > p.vThresh else { return nil }
        return p.tauM * log((vInf - p.vReset) / (vInf - p.vThresh))
    }

    /// Continuous-time firing rate, Hz.
    public static func rateHz(_ p: LIFParameters) -> Double {
        guard let free = freeTimeMs(p) else { return 0 }
        return 1000 / (p.tauRefrac + free)
    }

    /// Inter-spike interval in whole steps of the exponential-Euler simulation (nil: no firing).
    public static func periodSteps(_ p: LIFParameters, stepMs: Double) -> Int? {
        guard let free = freeTimeMs(p) else { return nil }
        let refractory = Int((p.tauRefrac / stepMs).rounded())
        return refractory + max(1, Int((free / stepMs).rounded(.up)))
    }
}
