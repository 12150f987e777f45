/// How `HardwareTranslation` obtains each chip neuron's own activation function.
public enum NeuronCalibrationMethod: String, Sendable, Equatable {
    /// A calibration sweep per neuron under its own mismatch (`CalibrationSweep`, cached per
    /// parameter set): exact up to sampling noise, ≈ 0.1–0.2 s of simulation per neuron.
    case measured
    /// The shared (population) calibration moved by the neuron's mismatch through the
    /// free-membrane theory (`HardwareTranslation.shifted`): no simulation, for large networks.
    case shifted
}

extension HardwareTranslation {
    /// The shared calibration (v_p05, α) of the nominal neuron moved to a chip neuron with
    /// other intrinsic parameters and background synapses [CHOICE, ours; science.md 1.4–1.5].
    ///
    /// In the high-conductance state p_on is a function of where the free membrane potential
    /// sits relative to the threshold in units of its own spread, F((μ_V − V_th)/σ_V), with
    /// μ_V = A + B E_l linear in E_l (A = (E_e g_e + E_i g_i)/g_tot, B = g_l/g_tot; science.md 1.4).
    /// The nominal calibration p_on = σ((E_l − v_p05)/α) fixes F as a logistic of slope
    /// σ_V/(α B) around x₀₅ = (A + B v_p05 − V_th)/σ_V. Keeping that F for neuron k (its own A_k,
    /// B_k, σ_V,k, V_th,k) gives
    ///
    ///     v_p05,k = (V_th,k + σ_V,k x₀₅ − A_k)/B_k ,   α_k = α B σ_V,k /(σ_V B_k).
    ///
    /// Zero mismatch returns the shared values unchanged (bit for bit). Not modelled: the
    /// neuron's τ_ref and τ_eff change F's shape slightly (second order for 2 % mismatch);
    /// `HardwareSamplingTests.shiftedCalibration` measures the residual against each neuron's
    /// own measured calibration.
    public static func shifted(_ shared: ActivationCalibration, nominal: LIFParameters, background: PoissonBackground,
                               realised p: LIFParameters, realisedBackground b: PoissonBackground) -> ActivationCalibration {
        guard p != nominal || b != background else { return shared }
        let n0 = FreeMembraneTheory(parameters: nominal, background: background, vRest: 0)
        let nk = FreeMembraneTheory(parameters: p, background: b, vRest: 0)
        let slope0 = nominal.gLeak / n0.gTot, slopeK = p.gLeak / nk.gTot
        // μ_V at E_l = 0 is A; σ_V does not depend on E_l to first order (taken at E_l = v_p05).
        let s0 = FreeMembraneTheory(parameters: nominal, background: background, vRest: shared.vP05).sigmaV
        let x05 = (n0.muV + slope0 * shared.vP05 - nominal.vThresh) / s0
        let vGuess = (p.vThresh + s0 * x05 - nk.muV) / slopeK
        let sK = FreeMembraneTheory(parameters: p, background: b, vRest: vGuess).sigmaV
        let vP05 = (p.vThresh + sK * x05 - nk.muV) / slopeK
        let alpha = shared.alpha * slope0 * sK / (s0 * slopeK)
        return ActivationCalibration(key: "shifted from [\(shared.key)] to vThresh=\(p.vThresh) tauM=\(p.tauM) wE=\(b.excWeight) wI=\(b.inhWeight)",
                                     vP05: vP05, alpha: alpha,
                                     alphaTheory: ActivationCalibration.theoreticalAlpha(neuron: p, background: b))
    }
}
