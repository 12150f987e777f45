import Testing
@testable import SpikeCore

/// The noise-free ensemble of LIF sampling networks ([Dold2019], science.md 2.3–2.4).
///
/// Sizes: M = 50 networks of the canonical 5-unit machine (250 neurons), dt = 0.1 ms, 2 s
/// calibration rounds with 30 probes (a probe at p_on = ½ fires ≈ 100 spikes: σ(p_on) ≈ 0.05,
/// enough for the fit of 30 points).
@Suite("Spiking deterministic ensemble (science.md 2.3)")
struct SpikingEnsembleTests {
    static func config(inhibition: Double) -> SpikingEnsembleConfig {
        var c = SpikingEnsembleConfig()
        c.networks = 50
        c.inhibition = inhibition
        c.calibrationMs = 2_000
        c.measureMs = 4_000
        c.iterations = 0
        c.seed = 7
        return c
    }

    /// With inhibition-dominated background (g = 4) the ensemble runs asynchronously (population
    /// Fano factor in 1 ms bins near 1, the value for independent neurons) and its activation
    /// function is a calibratable logistic; with g = 1 (excitation and inhibition of equal
    /// strength, which cancel for volleys at V ≈ −50 mV) it locks into volleys (Fano ≫ 1) and
    /// the probes see no noise (no logistic fit).
    @Test func inhibitionDominanceMakesTheEnsembleAsynchronous() {
        let balanced = SpikingEnsembleExperiment(config: Self.config(inhibition: 4))
        balanced.advance(by: 4_000)
        #expect(balanced.phase == .after)
        #expect(balanced.calibration != nil)
        if let f = balanced.calibration { #expect(f.alpha > 0.3 && f.alpha < 5, "α = \(f.alpha) mV") }
        #expect(balanced.beforeFanoFactor < 1.5, "Fano \(balanced.beforeFanoFactor)")
        #expect(balanced.beforeRateHz > 5, "rate \(balanced.beforeRateHz) Hz")

        let locked = SpikingEnsembleExperiment(config: Self.config(inhibition: 1))
        locked.advance(by: 4_000)
        #expect(locked.beforeFanoFactor > 5, "Fano \(locked.beforeFanoFactor)")
        #expect(locked.calibration == nil)
    }

    /// The reference networks under private Poisson noise are calibrated by the same probes and
    /// sample the target (D_KL over 4 s per network ≈ finite-sample bias of 32 states over ≈ 400
    /// τ_ref, ≈ 0.04) far better than the open-loop ensemble.
    @Test func privatePoissonReferenceSamplesAndTheEnsembleRunsWithoutNoise() {
        let e = SpikingEnsembleExperiment(config: Self.config(inhibition: 4))
        if let f = e.referenceCalibration {
            #expect(abs(f.vP05 - ActivationCalibration.sbsReference.vP05) < 0.3, "v_p05 \(f.vP05)")
            #expect(abs(f.alpha - ActivationCalibration.sbsReference.alpha) < 0.15, "α \(f.alpha)")
        } else {
            Issue.record("reference calibration failed")
        }
        #expect(e.ensemble.network.background.excRateHz.allSatisfy { $0 == 0 })
        #expect(e.ensemble.network.background.inhRateHz.allSatisfy { $0 == 0 })
        e.advance(by: 4_000)
        let reference = DeterministicEnsembleExperiment.mean(e.referenceDivergences)
        let ensemble = DeterministicEnsembleExperiment.mean(e.before)
        #expect(reference < 0.1, "private Poisson D_KL \(reference)")
        #expect(ensemble > reference, "ensemble \(ensemble) vs private \(reference)")
    }
}
