/// The translation of M copies of a Boltzmann machine onto one emulated chip (science.md 4.3
/// with 1.6–1.7), for `SpikingSamplingEnsemble`: copy m's unit i is chip neuron g = m·n + i, with
/// its own mismatch (`HardwareRealisation`). The ensemble's calibration (the probes' fit of the
/// nominal neuron under the noise the chip's neurons actually receive) is moved to every chip
/// neuron through the free-membrane theory (`HardwareTranslation.shifted`, its own V_th, τ_m and
/// noise synapses), as `dreaming` and `stp-mixing` do for large networks; without per-neuron
/// calibration every neuron uses the shared one and its leak offset stays unknown.
///
///     E_l,g (programmed) = v_p05,g + α_g b_i − leak offset_g ,  w_{j→i} = W_ij · factor_g(sign W_ij)
///
/// then each copy's block is quantised with its own row scales and distorted by the chip's
/// synapses at chip indices (every copy has its own synapses). With a profile without mismatch
/// and bit limits everything equals the ideal translation, bit for bit.
public struct ChipEnsembleTranslation: Sendable {
    public let realisation: HardwareRealisation
    /// The shared translation (nominal neuron, the noise's equivalent Poisson background).
    public let shared: LIFSamplingTranslation
    /// One translation per chip neuron g (its realised parameters, noise synapses and calibration).
    public let translations: [LIFSamplingTranslation]

    /// - Parameter neurons: chip neurons (M·n), the first of the network.
    public init(realisation: HardwareRealisation, nominal neuron: LIFParameters, shared: LIFSamplingTranslation, neurons: Int) {
        self.realisation = realisation
        self.shared = shared
        let calibration = ActivationCalibration(key: "ensemble probes", vP05: shared.vP05, alpha: shared.alpha,
                                                alphaTheory: ActivationCalibration.theoreticalAlpha(neuron: neuron, background: shared.background))
        let own = realisation.profile.perNeuronCalibration
        translations = (0..<neurons).map { g in
            guard own else { return shared }
            let p = realisation.neuronParameters(neuron, neuron: g)
            let b = realisation.background(shared.background, neuron: g)
            let c = HardwareTranslation.shifted(calibration, nominal: neuron, background: shared.background, realised: p, realisedBackground: b)
            return LIFSamplingTranslation(neuron: p, background: b, calibration: c)
        }
    }

    /// E_l written to chip neuron g so that it encodes bias `b` (its own calibration's target, minus
    /// its leak offset when calibrated per neuron), mV; the chip then applies DAC and offset
    /// (`Network.setRestingPotential(_:neuron:on:)`).
    public func programmedRestingPotential(bias b: Double, neuron g: Int) -> Double {
        let target = translations[g].restingPotential(bias: b)
        return realisation.profile.perNeuronCalibration ? target - realisation.leakOffsetMv(neuron: g) : target
    }

    /// How many chip neurons need an E_l outside the DAC's range (written clipped to its end), for
    /// the copies' machines in order; nil when the chip's parameters have no bit limit. In the
    /// high-conductance state E_l moves μ_V only by g_l/g_tot, so a neuron calibrated against a
    /// 1 mV threshold offset may need several mV more E_l than its neighbours.
    public func clippedRestingPotentials(_ machines: [BoltzmannMachine]) -> Int? {
        guard realisation.profile.parameterBits != nil else { return nil }
        let range = realisation.profile.parameterRangeMv
        var count = 0
        for (m, machine) in machines.enumerated() {
            for (i, b) in machine.biases.enumerated()
            where !range.contains(programmedRestingPotential(bias: b, neuron: m * machine.unitCount + i)) { count += 1 }
        }
        return count
    }

    /// Copy m's signed weights [pre][post] (µS) as the chip realises them: each column converted
    /// with its postsynaptic neuron's own factor at its target E_l, then quantised and distorted.
    public func weights(_ machine: BoltzmannMachine, copy m: Int) -> [[Double]] {
        let first = m * machine.unitCount
        let ideal = LIFSamplingTranslation.synapticWeights(machine, postsynaptic: Array(translations[first..<first + machine.unitCount]))
        return realisation.weights(ideal, offset: first)
    }
}
