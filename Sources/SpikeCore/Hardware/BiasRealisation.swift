/// How a sampler's bias b_k reaches the emulated chip.
///
/// - `leakPotential`: through the leak potential, E_l,k = v_p05,k + α_k b_k (science.md 1.6; on
///   BrainScaleS-2 a 10-bit parameter DAC).
/// - `biasNeuron`: as on BrainScaleS-1 in [Kungl2019] (science.md 4.2 step 2): E_l is an analog
///   parameter written once (every sampler at its own b = 0 point v_p05,k), and the bias is the
///   weight of a synapse from a dedicated always-on bias neuron — a chip neuron with its leak far
///   above threshold and no background, so it fires regularly once per refractory period, the
///   state z = 1 for ever. Its weight translates like any W_kj from a unit that is always on,
///   w_{bias→k} = b_k · factor_k(sign b_k) (science.md 1.7), sits in its own synapse row and is
///   quantised and distorted like the others (a digital parameter, trained in the loop).
public enum BiasRealisation: String, Sendable, CaseIterable {
    case leakPotential = "leak"
    case biasNeuron = "neurons"

    /// Extra chip neurons this realisation needs (the bias neuron is the last neuron).
    public var extraNeurons: Int { self == .biasNeuron ? 1 : 0 }
}

/// What is written to the chip for a Boltzmann machine: the E_l each sampler realises (mV) and
/// the ideal signed weights [pre][post] (µS) before quantisation and synaptic noise; with a bias
/// neuron the matrix has one more row and column (the bias neuron last; nothing projects to it).
public struct ChipProgramme: Sendable {
    public let restingPotentials: [Double]
    public let idealWeights: [[Double]]
}

extension HardwareTranslation {
    /// The programme for `machine` with biases realised as `biases`.
    public func programme(_ machine: BoltzmannMachine, biases: BiasRealisation) -> ChipProgramme {
        switch biases {
        case .leakPotential:
            return ChipProgramme(restingPotentials: realisedRestingPotentials(machine), idealWeights: idealWeights(machine))
        case .biasNeuron:
            let n = machine.unitCount
            let unbiased = BoltzmannMachine(weights: (0..<n).map { k in (0..<n).map { machine.weight(k, $0) } },
                                            biases: Array(repeating: 0, count: n))
            // Factors at the E_l each neuron would have with its bias (μ ≈ v_p05,k + α_k b_k
            // either way, science.md 1.7), as for the weights between samplers.
            let vTarget = targetRestingPotentials(machine)
            var w = idealWeights(machine).map { $0 + [0] }
            w.append((0..<n).map { k in
                let b = machine.biases[k]
                return b * translations[k].weightFactor(postsynapticRestingPotential: vTarget[k], excitatory: b >= 0)
            } + [0])
            return ChipProgramme(restingPotentials: realisedRestingPotentials(unbiased), idealWeights: w)
        }
    }
}
