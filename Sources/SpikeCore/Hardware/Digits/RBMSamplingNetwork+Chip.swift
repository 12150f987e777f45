/// Writing a digit RBM onto an emulated chip and rewriting it (science.md 4.2–4.3; [Kungl2019]):
/// the programme (each neuron's E_l from its own calibration, weights converted with each
/// postsynaptic neuron's own factor) quantised with fixed weight scales and distorted by the
/// chip's frozen synaptic noise.
extension HardwareTranslation {
    /// The realised (E_l in mV, signed weights [pre][post] in µS) of `machine` with the weight
    /// scales `scales` (fixed once: they are analog parameters, science.md 4.2 step 1).
    public func realise(_ machine: RestrictedBoltzmannMachine, scales: WeightScales) -> (restingPotentials: [Double], weights: [[Double]]) {
        let programme = programme(machine.boltzmannMachine, biases: .leakPotential)
        return (programme.restingPotentials, realisation.weights(programme.idealWeights, scales: scales))
    }

    /// The per-row weight scales the open-loop chip takes from `machine`'s own weights.
    public func openLoopScales(_ machine: RestrictedBoltzmannMachine) -> WeightScales {
        WeightScales(weights: idealWeights(machine.boltzmannMachine), mode: realisation.profile.weightScale)
    }
}

extension RBMSamplingNetwork {
    /// Rewrites the network with `machine` as realised: free units take their new E_l at once,
    /// clamped units keep their clamp (the digital weights and the bias parameters change, the
    /// neurons' state and the chip stay; science.md 4.2 step 1).
    public mutating func reprogramme(_ machine: RestrictedBoltzmannMachine, restingPotentials: [Double], weights: [[Double]]) {
        precondition(machine.unitCount == unitCount && restingPotentials.count == unitCount && weights.count == unitCount,
                     "reprogramme: a machine of \(unitCount) units expected")
        self.machine = machine
        freeRestingPotentials = restingPotentials
        network.setWeights(DenseWeights(signed: weights), projection: 0)
        for k in 0..<unitCount where clamps[k] == nil { network.setRestingPotential(restingPotentials[k], neuron: k) }
    }
}
