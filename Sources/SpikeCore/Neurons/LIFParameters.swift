/// Parameters of the conductance-based leaky integrate-and-fire neuron with exponentially
/// decaying synaptic conductances (PyNN `IF_cond_exp` = NEST `iaf_cond_exp`; science.md 1.2):
///
///     C_m dV/dt = g_l (E_l − V) + g_e (E_e^rev − V) + g_i (E_i^rev − V) + I_offset,  g_l = C_m/τ_m
///     dg_x/dt = −g_x/τ_syn,x ;  spike on receptor x: g_x ← g_x + w
///     V ≥ V_th: spike, V ← V_reset, clamped for τ_ref
///
/// Units: ms, mV, nF, µS, nA. Names follow PyNN (`cm`, `tau_m`, `e_rev_E`, `v_rest`, …).
public struct LIFParameters: Sendable, Equatable {
    /// Membrane capacitance C_m, nF.
    public var cm: Double
    /// Membrane time constant τ_m = C_m/g_l, ms.
    public var tauM: Double
    /// Excitatory reversal potential E_e^rev, mV.
    public var eRevE: Double
    /// Inhibitory reversal potential E_i^rev, mV.
    public var eRevI: Double
    /// Firing threshold V_th, mV.
    public var vThresh: Double
    /// Reset potential V_reset, mV (held during the refractory time).
    public var vReset: Double
    /// Leak reversal (resting) potential E_l = PyNN `v_rest`, mV. The bias knob of LIF sampling;
    /// `LIFPopulation` keeps a per-neuron copy initialised from this value.
    public var vRest: Double
    /// Excitatory synaptic time constant τ_syn,e, ms.
    public var tauSynE: Double
    /// Inhibitory synaptic time constant τ_syn,i, ms.
    public var tauSynI: Double
    /// Absolute refractory time τ_ref, ms.
    public var tauRefrac: Double
    /// Constant offset current I_offset, nA.
    public var iOffset: Double

    public init(cm: Double, tauM: Double, eRevE: Double, eRevI: Double, vThresh: Double, vReset: Double,
                vRest: Double, tauSynE: Double, tauSynI: Double, tauRefrac: Double, iOffset: Double = 0) {
        self.cm = cm
        self.tauM = tauM
        self.eRevE = eRevE
        self.eRevI = eRevI
        self.vThresh = vThresh
        self.vReset = vReset
        self.vRest = vRest
        self.tauSynE = tauSynE
        self.tauSynI = tauSynI
        self.tauRefrac = tauRefrac
        self.iOffset = iOffset
    }

    /// The sbs reference configuration (science.md 1.3; sbs example/tutorial.py, tests/test_basics.py).
    public static let sbsDefault = LIFParameters(
        cm: 0.2, tauM: 1.0, eRevE: 0.0, eRevI: -100.0, vThresh: -50.0, vReset: -50.001,
        vRest: -50.0, tauSynE: 10.0, tauSynI: 10.0, tauRefrac: 10.0, iOffset: 0.0)

    /// Leak conductance g_l = C_m/τ_m, µS.
    public var gLeak: Double { cm / tauM }

    /// Human-readable problems with these parameters (empty when usable).
    public func validate() -> [String] {
        var problems: [String] = []
        let all = [cm, tauM, eRevE, eRevI, vThresh, vReset, vRest, tauSynE, tauSynI, tauRefrac, iOffset]
        if all.contains(where: { !$0.isFinite }) { problems.append("all parameters must be finite numbers") }
        if !(cm > 0) { problems.append("cm (membrane capacitance, nF) must be > 0, is \(cm)") }
        if !(tauM > 0) { problems.append("tauM (membrane time constant, ms) must be > 0, is \(tauM)") }
        if !(tauSynE > 0) { problems.append("tauSynE (ms) must be > 0, is \(tauSynE)") }
        if !(tauSynI > 0) { problems.append("tauSynI (ms) must be > 0, is \(tauSynI)") }
        if !(tauRefrac >= 0) { problems.append("tauRefrac (ms) must be >= 0, is \(tauRefrac)") }
        if !(vReset <= vThresh) { problems.append("vReset (\(vReset) mV) must be <= vThresh (\(vThresh) mV)") }
        if !(eRevI < eRevE) { problems.append("eRevI (\(eRevI) mV) must be < eRevE (\(eRevE) mV)") }
        return problems
    }
}
