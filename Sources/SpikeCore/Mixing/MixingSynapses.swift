#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The synapses between samplers of a mixing network (science.md 3.1, [Leng2018], [TM]):
/// Tsodyks–Markram depression without facilitation, plus sbs's `weight_rescale`.
///
/// - Renewing (the LIF-sampling default, science.md 1.8): U = 1, τ_rec = τ_syn, rescale 1:
///   every spike resets the conductance to w.
/// - Depressing (slide "Superior mixing in spiking networks"): U = 0.22, τ_rec = 50 ms. A rested
///   synapse releases U·w, so the translated weights are multiplied by `weightRescale` = 1/U
///   [CHOICE of science.md 3.1: "the natural choice is weight_rescale = 1/U"]: the first spike
///   of a burst then carries the full translated weight, later ones less (toward U·x_ss).
public struct MixingSynapses: Sendable, Equatable {
    /// Utilisation U ∈ (0, 1].
    public var U: Double
    /// Recovery time constant τ_rec, ms.
    public var tauRec: Double
    /// Factor applied to the translated weights (sbs `weight_rescale`).
    public var weightRescale: Double

    public init(U: Double, tauRec: Double, weightRescale: Double) {
        self.U = U
        self.tauRec = tauRec
        self.weightRescale = weightRescale
    }

    /// Renewing synapses for samplers with synaptic time constant `tauSyn` (ms).
    public static func renewing(tauSyn: Double = 10) -> MixingSynapses {
        MixingSynapses(U: 1, tauRec: tauSyn, weightRescale: 1)
    }

    /// Depressing synapses with U and τ_rec (ms) and the rescale 1/U.
    public static func depressing(U: Double = 0.22, tauRec: Double = 50) -> MixingSynapses {
        MixingSynapses(U: U, tauRec: tauRec, weightRescale: 1 / U)
    }

    /// The engine's synapse model (no facilitation, τ_fac = 0).
    public var model: SynapseModel { .tsodyksMarkram(U: U, tauRec: tauRec, tauFac: 0) }

    /// Translated weights (µS, [pre][post]) multiplied by `weightRescale`.
    public func rescaled(_ weights: [[Double]]) -> [[Double]] {
        weights.map { row in row.map { $0 * weightRescale } }
    }

    /// Steady-state resources under a regular presynaptic train of rate `rateHz` (science.md 3.1):
    /// x_ss = (1 − e^{−1/(ν τ_rec)}) / (1 − (1 − U) e^{−1/(ν τ_rec)}).
    public func steadyStateResources(rateHz: Double) -> Double {
        let e = exp(-1000 / (rateHz * tauRec))
        return (1 - e) / (1 - (1 - U) * e)
    }

    /// Steady-state release per spike as a fraction of the *unrescaled* weight w: U·x_ss
    /// (0.110 for U = 0.22, τ_rec = 50 ms, 100 Hz).
    public func steadyStateRelease(rateHz: Double) -> Double { U * steadyStateResources(rateHz: rateHz) }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems: [String] = []
        if !(U > 0 && U <= 1) { problems.append("U must be in (0, 1], is \(U)") }
        if !(tauRec > 0 && tauRec <= 10_000) { problems.append("tau_rec must be in (0, 10000] ms, is \(tauRec)") }
        if !(weightRescale > 0 && weightRescale.isFinite) { problems.append("weight rescale must be > 0, is \(weightRescale)") }
        return problems
    }
}
