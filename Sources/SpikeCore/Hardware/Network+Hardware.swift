/// The few calls an experiment needs to run on an emulated chip (docs/adding-a-scenario-kind.md
/// "Hardware mode"): each takes the chip (nil = the ideal model, which changes nothing) and
/// writes what the chip realises for the value the experiment wants.
extension Network {
    /// Writes the chip's per-neuron intrinsic parameters, background synapses and spike loss
    /// (nothing when `hardware` is nil).
    public mutating func realise(on hardware: HardwareRealisation?, nominal: LIFParameters, background: PoissonBackground) {
        hardware?.apply(to: &self, nominal: nominal, background: background)
    }

    /// The same background for every neuron, as the chip's synapses realise it.
    public mutating func setBackground(_ background: PoissonBackground, on hardware: HardwareRealisation?) {
        for k in 0..<neuronCount { setBackground(hardware?.background(background, neuron: k) ?? background, neuron: k) }
    }

    /// E_l of one neuron as the chip realises the programmed value (DAC, leak offset).
    public mutating func setRestingPotential(_ mV: Double, neuron k: Int, on hardware: HardwareRealisation?) {
        setRestingPotential(hardware?.restingPotential(programmed: mV, neuron: k) ?? mV, neuron: k)
    }
}
