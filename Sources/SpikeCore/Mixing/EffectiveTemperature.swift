/// Effective temperature of LIF samplers under a background rate ν relative to a reference
/// rate (science.md 3.6, [KorcsakGorzo2022]): with fixed biological weights the effective
/// Boltzmann weights scale like 1/α, so T(ν)/T(ν_ref) = α_theo(ν)/α_theo(ν_ref), α_theo in E_l
/// units (science.md 1.5). Table of science.md 3.6 [OURS]: T ≈ 0.57 at 1 kHz, 1.4 at 6 kHz,
/// 2 at 12 kHz relative to 3 kHz.
public enum EffectiveTemperature {
    /// α_theo(ν)/α_theo(ν_ref) for the rates of `background` and `reference` (same weights).
    public static func relative(neuron: LIFParameters, background: PoissonBackground,
                                reference: PoissonBackground) -> Double {
        let a = ActivationCalibration.theoreticalAlpha(neuron: neuron, background: background)
        let r = ActivationCalibration.theoreticalAlpha(neuron: neuron, background: reference)
        return r > 0 ? a / r : .nan
    }
}
