import Testing
@testable import SpikeCore

/// The cheap per-neuron calibration for large networks on a chip (`NeuronCalibrationMethod.shifted`,
/// `HardwareTranslation.shifted`): the shared calibration moved by each neuron's mismatch through
/// the free-membrane theory, checked against what the chip's neurons do.
@Suite("Emulated chip: calibration shifted by each neuron's mismatch")
struct ShiftedCalibrationTests {
    static let settings = HardwareSamplingConfig.defaultCalibration.with(neuron: .sbsDefault, background: .sbsDefault, stepMs: 0.1)

    /// 12 unconnected chip neurons (bss1, chip 4) asked for biases spread over [−2, 2] sample
    /// for 2e4 ms; the error is |p_on − σ(b)| per neuron. σ(p_on) of one neuron over 2e4 ms is
    /// ≈ 0.02 (correlation time ≈ 2 τ_ref), so an rms error below 0.05 leaves the calibration's
    /// own error below ≈ 0.045 in p (≈ 0.2 in bias units); with the shared calibration the ±1 mV
    /// offsets and ±20 % background synapses (≈ 1–3 α) give several times that.
    @Test("shifted calibration: p_on follows σ(b) as well as a measured one, far better than the shared one")
    func shiftedCalibration() {
        let chip = HardwareRealisation(profile: .bss1, chipSeed: 4)
        let count = 12
        let biases = (0..<count).map { -2 + 4 * Double($0) / Double(count - 1) }
        let machine = BoltzmannMachine(weights: Array(repeating: Array(repeating: 0, count: count), count: count), biases: biases)
        let shared = HardwareSamplingTests.calibration
        func rmsError(_ realisation: HardwareRealisation, _ method: NeuronCalibrationMethod) -> Double {
            let t = HardwareTranslation(realisation: realisation, neuron: .sbsDefault, background: .sbsDefault, count: count,
                                        shared: shared, settings: HardwareTranslation.perNeuronSettings(Self.settings, around: shared),
                                        method: method)
            var s = ChipSampler(neuron: .sbsDefault, background: .sbsDefault, unitCount: count, stepMs: 0.1, seed: 8, delayMs: 0.1,
                                burnInMs: 200, realisation: realisation)
            s.configure(restingPotentials: t.realisedRestingPotentials(machine),
                        weights: Array(repeating: Array(repeating: 0, count: count), count: count))
            s.advance(steps: Int(20_200 / 0.1))
            let errors = zip(s.histogram.marginals, biases).map { p, b in p - BoltzmannMachine.sigmoid(b) }
            return (errors.map { $0 * $0 }.reduce(0, +) / Double(count)).squareRoot()
        }
        let shifted = rmsError(chip, .shifted), measured = rmsError(chip, .measured)
        let uncalibrated = rmsError(chip.withoutPerNeuronCalibration, .measured)
        print("p_on − σ(b), rms over 12 chip neurons: shifted \(shifted), measured per neuron \(measured), shared \(uncalibrated)")
        #expect(shifted < 0.05)
        #expect(uncalibrated > 2 * shifted)
    }

    @Test("zero mismatch: the shifted calibration is the shared one, bit for bit")
    func zeroMismatchIsShared() {
        let shared = HardwareSamplingTests.calibration
        let c = HardwareTranslation.shifted(shared, nominal: .sbsDefault, background: .sbsDefault, realised: .sbsDefault,
                                            realisedBackground: .sbsDefault)
        #expect(c == shared)
        // A 1 mV higher threshold moves v_p05 up by 1 mV · g_tot/g_l = 1.3 mV (μ_V moves by B·ΔE_l);
        // σ_V changes only through its weak dependence on μ_V (≈ 1e-5 relative per mV).
        var p = LIFParameters.sbsDefault
        p.vThresh += 1
        p.vReset += 1
        let moved = HardwareTranslation.shifted(shared, nominal: .sbsDefault, background: .sbsDefault, realised: p,
                                                realisedBackground: .sbsDefault)
        let theory = FreeMembraneTheory(parameters: .sbsDefault, background: .sbsDefault)
        #expect(abs(moved.vP05 - shared.vP05 - theory.gTot / LIFParameters.sbsDefault.gLeak) < 1e-3)
        #expect(abs(moved.alpha / shared.alpha - 1) < 1e-4)
        // 20 % stronger background synapses: σ_V and g_tot grow, so α grows and v_p05 moves.
        var b = PoissonBackground.sbsDefault
        b.excWeight *= 1.2
        b.inhWeight *= 1.2
        let louder = HardwareTranslation.shifted(shared, nominal: .sbsDefault, background: .sbsDefault, realised: .sbsDefault,
                                                 realisedBackground: b)
        #expect(louder.alpha > 1.1 * shared.alpha)
    }
}
