#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The postsynaptic-potential kernel of the natural-gradient neuron (science.md 5.2;
/// [Kreutzer2022] code `Figure3/File01_simulation_parameters.py`):
/// ε(t) = (e^{−t/τ_m} − e^{−t/τ_s}) / (τ_m − τ_s), a difference of exponentials with unit
/// integral. Time in **seconds** in this section, so ε is in 1/s.
///
/// Filtering a spike train x(t) (a sum of deltas) with ε per step dt uses two traces,
/// a ← a·e^{−dt/τ_m} + x_t and b ← b·e^{−dt/τ_s} + x_t, and x^ε = (a − b)/(τ_m − τ_s).
public struct PSPKernel: Sendable, Equatable {
    /// Membrane time constant τ_m, s.
    public var tauMembrane: Double
    /// Synaptic time constant τ_s, s.
    public var tauSynapse: Double

    /// The paper's kernel: τ_m = 10 ms, τ_s = 3 ms.
    public static let kreutzer2022 = PSPKernel(tauMembrane: 0.01, tauSynapse: 0.003)

    public init(tauMembrane: Double, tauSynapse: Double) {
        precondition(tauMembrane > 0 && tauSynapse > 0 && tauMembrane != tauSynapse, "PSPKernel needs τ_m ≠ τ_s > 0")
        self.tauMembrane = tauMembrane
        self.tauSynapse = tauSynapse
    }

    /// ε(t) for t ≥ 0 (s), in 1/s; 0 for t < 0.
    public func value(at t: Double) -> Double {
        guard t >= 0 else { return 0 }
        return (exp(-t / tauMembrane) - exp(-t / tauSynapse)) / (tauMembrane - tauSynapse)
    }

    /// ∫ε dt = 1 ("inteps" in the code), from the closed form (τ_m − τ_s)/(τ_m − τ_s).
    public var integral: Double { (tauMembrane - tauSynapse) / (tauMembrane - tauSynapse) }

    /// c_ε = ∫ε² dt in 1/s ("intepsquad"), closed form
    /// (τ_m/2 − 2/(1/τ_m + 1/τ_s) + τ_s/2)/(τ_m − τ_s)²; 38.46 s⁻¹ for the paper's kernel.
    public var squaredIntegral: Double {
        let d = tauMembrane - tauSynapse
        return (tauMembrane / 2 - 2 / (1 / tauMembrane + 1 / tauSynapse) + tauSynapse / 2) / (d * d)
    }

    /// Per-step decay factors (e^{−dt/τ_m}, e^{−dt/τ_s}) of the two traces for a step dt in s.
    public func decays(step dt: Double) -> (membrane: Double, synapse: Double) {
        (exp(-dt / tauMembrane), exp(-dt / tauSynapse))
    }

    /// 1/(τ_m − τ_s), 1/s: turns the trace difference a − b into x^ε.
    public var traceScale: Double { 1 / (tauMembrane - tauSynapse) }
}
