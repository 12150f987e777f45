#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Translation of a Boltzmann machine (W, b) into the parameters of a network of LIF
/// samplers (science.md 1.6–1.7; sbs `samplers.py get_v_rest_from_bias`,
/// `_calc_factor_weights_theo_to_bio`; [Petrovici2016]).
///
/// Bias → resting potential:  E_l,k = v_p05 + α·b_k.
///
/// Weight → conductance, for postsynaptic neuron k (its own E_l,k, hence its own μ_V, g_tot,
/// τ_eff from §1.4): the PSP of one presynaptic spike must have the same integral over the
/// refractory window as a rectangular PSP of height (α g_l/g_tot)·W and length τ_ref:
///
///     ΔE = E_e − μ_V (W ≥ 0)  or  μ_V − E_i (W < 0)
///     I(τ_ref) = ΔE τ_syn/(g_tot τ_syn − C_m) · [τ_syn(1 − e^{−τ_ref/τ_syn}) − τ_eff(1 − e^{−τ_ref/τ_eff})]
///     factor = α (g_l/g_tot) τ_ref / I(τ_ref)        [µS per unit W]
///     w_{j→k} = W_kj · factor_k(sign W_kj)          (negative → inhibitory receptor, |w|)
///
/// [OURS]: factor ≈ 0.00526 µS per unit W for the sbs defaults with α = 0.791; E_l = −49.375:
/// f_exc 0.005312, f_inh 0.005210; E_l = −51.313: f_exc 0.005156, f_inh 0.005369.
/// τ_syn is the receptor's (τ_syn,e for excitatory, τ_syn,i for inhibitory connections).
public struct LIFSamplingTranslation: Sendable, Equatable {
    public let neuron: LIFParameters
    public let background: PoissonBackground
    public let vP05: Double
    public let alpha: Double

    public init(neuron: LIFParameters, background: PoissonBackground, vP05: Double, alpha: Double) {
        self.neuron = neuron
        self.background = background
        self.vP05 = vP05
        self.alpha = alpha
    }

    public init(neuron: LIFParameters, background: PoissonBackground, calibration: ActivationCalibration) {
        self.init(neuron: neuron, background: background, vP05: calibration.vP05, alpha: calibration.alpha)
    }

    /// E_l = v_p05 + α b, mV.
    public func restingPotential(bias: Double) -> Double { vP05 + alpha * bias }

    /// The bias a resting potential encodes (inverse of `restingPotential`).
    public func bias(restingPotential: Double) -> Double { (restingPotential - vP05) / alpha }

    /// µS per unit of W for a postsynaptic neuron with resting potential `vRest`.
    public func weightFactor(postsynapticRestingPotential vRest: Double, excitatory: Bool) -> Double {
        let p = neuron
        let t = FreeMembraneTheory(parameters: p, background: background, vRest: vRest)
        let tauSyn = excitatory ? p.tauSynE : p.tauSynI
        let deltaE = excitatory ? p.eRevE - t.muV : t.muV - p.eRevI
        let tauRef = p.tauRefrac
        // ∫_0^τ_ref ε dt = ΔE τ_syn/g_tot · (f(τ_syn) − f(τ_eff))/(τ_syn − τ_eff), f(τ) = τ(1 − e^{−τ_ref/τ})
        // (science.md 1.7, using g_tot τ_syn − C_m = g_tot(τ_syn − τ_eff)); at τ_eff = τ_syn the
        // quotient is the removable singularity's limit f′(τ_syn), used when the two are this close.
        func f(_ tau: Double) -> Double { tau * (1 - exp(-tauRef / tau)) }
        let difference = tauSyn - t.tauEff
        let slope: Double
        if abs(difference) > 1e-6 * tauSyn {
            slope = (f(tauSyn) - f(t.tauEff)) / difference
        } else {
            let e = exp(-tauRef / tauSyn)
            slope = 1 - e - (tauRef / tauSyn) * e
        }
        let integral = deltaE * tauSyn / t.gTot * slope
        return alpha * (p.gLeak / t.gTot) * tauRef / integral
    }

    /// Resting potentials of all samplers, mV.
    public func restingPotentials(_ machine: BoltzmannMachine) -> [Double] {
        machine.biases.map { restingPotential(bias: $0) }
    }

    /// Signed synaptic weights in µS, indexed [pre][post] (sbs's W[pre, post]), each column
    /// converted with the postsynaptic neuron's own factor.
    public func synapticWeights(_ machine: BoltzmannMachine) -> [[Double]] {
        Self.synapticWeights(machine, postsynaptic: Array(repeating: self, count: machine.unitCount))
    }

    /// Signed synaptic weights in µS, [pre][post], when unit k is translated with its own
    /// `postsynaptic[k]` (e.g. each chip neuron's own calibration, science.md 4.3): column k is
    /// converted with that translation's factor at the E_l it gives unit k's bias.
    public static func synapticWeights(_ machine: BoltzmannMachine, postsynaptic t: [LIFSamplingTranslation]) -> [[Double]] {
        let n = machine.unitCount
        precondition(t.count == n, "one translation per unit")
        let vRest = (0..<n).map { t[$0].restingPotential(bias: machine.biases[$0]) }
        let fExc = (0..<n).map { t[$0].weightFactor(postsynapticRestingPotential: vRest[$0], excitatory: true) }
        let fInh = (0..<n).map { t[$0].weightFactor(postsynapticRestingPotential: vRest[$0], excitatory: false) }
        return (0..<n).map { j in
            (0..<n).map { k in
                let w = machine.weight(k, j)
                return w >= 0 ? w * fExc[k] : w * fInh[k]
            }
        }
    }
}
