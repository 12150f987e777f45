#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Parameters of the current-based leaky integrate-and-fire neuron with exponentially decaying
/// synaptic currents (PyNN `IF_curr_exp` = NEST `iaf_psc_exp`; science.md 2.2, spiking formulation):
///
///     C_m dV/dt = g_l (E_l − V) + I_e + I_i + I_offset,  g_l = C_m/τ_m
///     dI_x/dt = −I_x/τ_syn,x ;  spike on receptor x: I_x ← I_x + J  (J signed, nA)
///     V ≥ V_th: spike, V ← V_reset, clamped for τ_ref
///
/// Units: ms, mV, nF, nA. The neurons of the sbs background ("noise") network use this model.
public struct CurrentLIFParameters: Sendable, Equatable {
    /// Membrane capacitance C_m, nF.
    public var cm: Double
    /// Membrane time constant τ_m, ms.
    public var tauM: Double
    /// Leak (resting) potential E_l, mV.
    public var vRest: Double
    /// Threshold V_th, mV.
    public var vThresh: Double
    /// Reset potential V_reset, mV.
    public var vReset: Double
    /// Synaptic time constants τ_syn,e and τ_syn,i, ms.
    public var tauSynE: Double
    public var tauSynI: Double
    /// Refractory time τ_ref, ms.
    public var tauRefrac: Double
    /// Constant offset current I_offset, nA.
    public var iOffset: Double

    public init(cm: Double, tauM: Double, vRest: Double, vThresh: Double, vReset: Double,
                tauSynE: Double, tauSynI: Double, tauRefrac: Double, iOffset: Double = 0) {
        self.cm = cm
        self.tauM = tauM
        self.vRest = vRest
        self.vThresh = vThresh
        self.vReset = vReset
        self.tauSynE = tauSynE
        self.tauSynI = tauSynI
        self.tauRefrac = tauRefrac
        self.iOffset = iOffset
    }

    /// The neurons of the sbs noise network (science.md 2.2 table; sbs tests/test_noice.py):
    /// C_m 1 nF, τ_m 20 ms, τ_ref 0.1 ms, τ_syn 5 ms, V_reset −60 mV, E_l −40 mV (above
    /// threshold: the neurons fire autonomously), V_th −50 mV, I_offset 0.
    public static let sbsNoiseNetwork = CurrentLIFParameters(
        cm: 1.0, tauM: 20, vRest: -40, vThresh: -50, vReset: -60, tauSynE: 5, tauSynI: 5, tauRefrac: 0.1)

    /// Peak of the postsynaptic potential of a current jump J (nA) on receptor x from rest,
    /// mV: (J/C_m)·τ_m τ_s/(τ_m − τ_s)·(e^{−t*/τ_m} − e^{−t*/τ_s}), t* = ln(τ_m/τ_s)·τ_m τ_s/(τ_m − τ_s).
    /// sbs: J_E = 0.0635 nA gives 0.2 mV on the noise-network neurons.
    public func peakPSP(weight: Double, excitatory: Bool = true) -> Double {
        let ts = excitatory ? tauSynE : tauSynI
        if abs(tauM - ts) < 1e-12 { return weight / cm * ts * exp(-1) }  // limit τ_s → τ_m
        let k = tauM * ts / (tauM - ts)
        let tPeak = log(tauM / ts) * k
        return weight / cm * k * (exp(-tPeak / tauM) - exp(-tPeak / ts))
    }

    /// Free firing period without input, ms: τ_ref + τ_m ln((E_l + I R − V_reset)/(E_l + I R − V_th))
    /// (infinite when the drive stays below threshold).
    public var freePeriodMs: Double {
        let vInf = vRest + iOffset * tauM / cm
        guard vInf > vThresh else { return .infinity }
        return tauRefrac + tauM * log((vInf - vReset) / (vInf - vThresh))
    }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems: [String] = []
        if [cm, tauM, vRest, vThresh, vReset, tauSynE, tauSynI, tauRefrac, iOffset].contains(where: { !$0.isFinite }) {
            problems.append("all neuron parameters must be finite numbers")
        }
        if !(cm > 0) { problems.append("cm (membrane capacitance, nF) must be > 0, is \(cm)") }
        if !(tauM > 0) { problems.append("tauM (ms) must be > 0, is \(tauM)") }
        if !(tauSynE > 0 && tauSynI > 0) { problems.append("synaptic time constants (ms) must be > 0") }
        if !(tauRefrac >= 0) { problems.append("tauRefrac (ms) must be >= 0, is \(tauRefrac)") }
        if !(vReset < vThresh) { problems.append("vReset (\(vReset) mV) must be < vThresh (\(vThresh) mV)") }
        return problems
    }
}
