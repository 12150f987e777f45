/// The translation of a Boltzmann machine onto an emulated chip (science.md 4.3 step 3 with
/// 1.6–1.7): every neuron's activation function is calibrated under its own mismatch
/// (intrinsic parameters and background synapses of `HardwareRealisation`), as on the
/// hardware, and its own (v_p05,k, α_k) is used for its bias and for the weights into it:
///
///     E_l,k (realised target) = v_p05,k + α_k b_k ;  E_l,k (programmed) = that − leak offset_k
///     w_{j→k} = W_kj · factor_k(sign W_kj)   (factor from neuron k's own parameters, §1.7)
///
/// then quantised and distorted by the realisation. Without per-neuron calibration every
/// neuron uses the shared calibration of the nominal neuron (what a translation that ignores
/// the chip's mismatch does).
public struct HardwareTranslation: Sendable {
    public let realisation: HardwareRealisation
    /// Per-neuron translations (each neuron's realised parameters and calibration), E_l in
    /// realised (true) terms.
    public let translations: [LIFSamplingTranslation]
    /// Per-neuron calibrations (the shared one when not calibrated per neuron).
    public let calibrations: [ActivationCalibration]
    /// How many per-neuron calibrations failed (those neurons use the shared calibration).
    public let failedCalibrations: Int

    /// - Parameters:
    ///   - shared: calibration of the nominal neuron (used when not calibrating per neuron, and
    ///     as the fallback for a neuron whose calibration fails).
    ///   - settings: calibration settings of the nominal neuron (neuron/background replaced per neuron).
    ///   - cache: where per-neuron calibrations are looked up and stored.
    ///   - method: how each neuron's own calibration is obtained (`.measured`: a sweep per
    ///     neuron; `.shifted`: the shared calibration moved by the neuron's mismatch, no simulation).
    public init(realisation: HardwareRealisation, neuron: LIFParameters, background: PoissonBackground, count: Int,
                shared: ActivationCalibration, settings: CalibrationSettings, cache: CalibrationCache = .shared,
                method: NeuronCalibrationMethod = .measured) {
        self.realisation = realisation
        var translations: [LIFSamplingTranslation] = [], calibrations: [ActivationCalibration] = [], failed = 0
        for k in 0..<count {
            let p = realisation.neuronParameters(neuron, neuron: k)
            let b = realisation.background(background, neuron: k)
            var c = shared
            if realisation.profile.perNeuronCalibration {
                switch method {
                case .measured:
                    if let own = cache.calibration(for: settings.with(neuron: p, background: b, stepMs: settings.stepMs)) {
                        c = own
                    } else {
                        failed += 1
                    }
                case .shifted:
                    c = Self.shifted(shared, nominal: neuron, background: background, realised: p, realisedBackground: b)
                }
            }
            calibrations.append(c)
            let own = realisation.profile.perNeuronCalibration
            translations.append(LIFSamplingTranslation(neuron: own ? p : neuron, background: own ? b : background, calibration: c))
        }
        self.translations = translations
        self.calibrations = calibrations
        failedCalibrations = failed
    }

    /// Settings for calibrating every chip neuron [CHOICE]: at most 60 points of at most 4000 ms
    /// and a pre-scan over ±15 mV around the shared v_p05 (the chip's offsets are ≈ 1 mV), so a
    /// chip of a dozen neurons calibrates in seconds; σ(p_on) ≈ 0.05 per point gives v_p05 to
    /// ≈ 0.02 mV and α to ≈ 2 %.
    public static func perNeuronSettings(_ s: CalibrationSettings, around shared: ActivationCalibration) -> CalibrationSettings {
        var c = s
        c.points = min(s.points, 60)
        c.durationMs = min(s.durationMs, 4000)
        c.pointsPerBatch = nil
        let centre = (shared.vP05 * 4).rounded() / 4
        c.preScanRangeMv = (centre - 15)...(centre + 15)
        c.preScanStepMv = max(s.preScanStepMv, 0.25)
        return c
    }

    /// E_l each neuron should realise for the machine's biases, mV.
    public func targetRestingPotentials(_ machine: BoltzmannMachine) -> [Double] {
        machine.biases.enumerated().map { k, b in translations[k].restingPotential(bias: b) }
    }

    /// E_l written to each neuron (target minus the neuron's leak offset, which per-neuron
    /// calibration has measured implicitly), mV. Without per-neuron calibration the offset is
    /// unknown and the target is written as is.
    public func programmedRestingPotentials(_ machine: BoltzmannMachine) -> [Double] {
        let own = realisation.profile.perNeuronCalibration
        return targetRestingPotentials(machine).enumerated().map { k, v in own ? v - realisation.leakOffsetMv(neuron: k) : v }
    }

    /// E_l neuron k actually has when it should encode bias `b` (target through its own
    /// calibration, minus its leak offset when calibrated per neuron, then DAC and offset), mV.
    /// Used for clamping (a bias far outside the machine's range).
    public func realisedRestingPotential(bias b: Double, neuron k: Int) -> Double {
        let target = translations[k].restingPotential(bias: b)
        let programmed = realisation.profile.perNeuronCalibration ? target - realisation.leakOffsetMv(neuron: k) : target
        return realisation.restingPotential(programmed: programmed, neuron: k)
    }

    /// E_l each neuron actually has (DAC resolution and leak offset applied), mV.
    public func realisedRestingPotentials(_ machine: BoltzmannMachine) -> [Double] {
        programmedRestingPotentials(machine).enumerated().map { k, v in realisation.restingPotential(programmed: v, neuron: k) }
    }

    /// Ideal signed weights [pre][post] (µS) before quantisation and synaptic noise, each
    /// column converted with the postsynaptic neuron's own factor at its target E_l.
    public func idealWeights(_ machine: BoltzmannMachine) -> [[Double]] {
        LIFSamplingTranslation.synapticWeights(machine, postsynaptic: Array(translations.prefix(machine.unitCount)))
    }

    /// The weight in units of W that a realised conductance `w` (µS) onto neuron k stands for
    /// (inverse of the factor at the neuron's target E_l): for histograms of realised vs ideal.
    public func boltzmannWeight(_ w: Double, post k: Int, machine: BoltzmannMachine) -> Double {
        let vRest = translations[k].restingPotential(bias: machine.biases[k])
        return w / translations[k].weightFactor(postsynapticRestingPotential: vRest, excitatory: w >= 0)
    }
}
