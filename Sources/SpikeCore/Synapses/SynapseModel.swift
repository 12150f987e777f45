#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How a synapse turns a presynaptic spike into a conductance jump (science.md 1.8, 3.1).
public enum SynapseModel: Sendable, Equatable {
    /// Additive: every spike adds |w| to the postsynaptic conductance.
    case `static`
    /// Tsodyks–Markram short-term plasticity in the event-driven form of NEST 2.x
    /// `tsodyks2_synapse` (Fuhrmann et al. 2002, Eqs. 4–5), used by sbs: see `TsodyksMarkramState`.
    /// U ∈ [0, 1]; τ_rec, τ_fac in ms (τ_fac = 0: no facilitation).
    case tsodyksMarkram(U: Double, tauRec: Double, tauFac: Double)

    /// Renewing synapse of LIF sampling (science.md 1.8): TM with U = 1, τ_rec = τ_syn, τ_fac = 0.
    /// With sbs's initial state each spike resets the synaptic conductance to exactly w.
    public static func renewing(tauSyn: Double) -> SynapseModel {
        .tsodyksMarkram(U: 1, tauRec: tauSyn, tauFac: 0)
    }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        switch self {
        case .static: return []
        case .tsodyksMarkram(let u, let tauRec, let tauFac):
            var problems: [String] = []
            if !(u >= 0 && u <= 1) { problems.append("U must be in [0, 1], is \(u)") }
            if !(tauRec > 0) { problems.append("tauRec (ms) must be > 0, is \(tauRec)") }
            if !(tauFac >= 0) { problems.append("tauFac (ms) must be >= 0, is \(tauFac)") }
            return problems
        }
    }
}

/// State of a Tsodyks–Markram synapse: resources x, utilisation u, last spike time.
///
/// Update at a presynaptic spike at time t, Δ = t − t_last (science.md 3.1; NEST 2 ordering,
/// used by sbs: update first, then deliver):
///
///     x ← 1 + (x − x·u − 1)·e^{−Δ/τ_rec}
///     u ← U + u·(1 − U)·e^{−Δ/τ_fac}      (τ_fac = 0: u ← U)
///     amplitude = w·u·x ;  t_last ← t
///
/// Before the first spike Δ = ∞ (the exponentials are 0). Initial state by default as sbs:
/// x = 0, u = 1 (science.md 1.8: `TsoParameters(U=1, u=1, x=0)`).
public struct TsodyksMarkramState: Sendable, Equatable {
    /// Available resources x ∈ [0, 1].
    public var x: Double
    /// Utilisation u ∈ [0, 1].
    public var u: Double
    /// Step index of the last presynaptic spike, nil before the first one.
    public var lastSpikeStep: Int64?

    public init(x: Double = 0, u: Double = 1, lastSpikeStep: Int64? = nil) {
        self.x = x
        self.u = u
        self.lastSpikeStep = lastSpikeStep
    }

    /// sbs initial state (x = 0, u = 1).
    public static let sbsInitial = TsodyksMarkramState(x: 0, u: 1)

    /// Applies the spike update and returns the release factor u·x (amplitude = w·u·x).
    public mutating func spike(atStep step: Int64, stepMs: Double, U: Double, tauRec: Double, tauFac: Double) -> Double {
        var recDecay = 0.0, facDecay = 0.0
        if let last = lastSpikeStep {
            let delta = Double(step - last) * stepMs
            recDecay = exp(-delta / tauRec)
            facDecay = tauFac > 0 ? exp(-delta / tauFac) : 0
        }
        x = 1 + (x - x * u - 1) * recDecay
        u = tauFac > 0 ? U + u * (1 - U) * facDecay : U
        lastSpikeStep = step
        return u * x
    }
}
