import Testing
@testable import SpikeCore

/// The noise-free ensemble of LIF sampling networks ([Dold2019], science.md 2.3–2.4).
///
/// Sizes: M = 50 networks of the canonical 5-unit machine (250 neurons), dt = 0.1 ms, 2 s
/// calibration rounds with 30 probes (a probe at p_on = ½ fires ≈ 100 spikes: σ(p_on) ≈ 0.05,
/// enough for the fit of 30 points). D_KL windows of 4 s per network (≈ 400 τ_ref): the
/// finite-sample part is ≈ 0.04 for a perfect sampler, the same for every condition.
@Suite("Spiking deterministic ensemble (science.md 2.3)")
struct SpikingEnsembleTests {
    static func config(inhibition: Double) -> SpikingEnsembleConfig {
        var c = SpikingEnsembleConfig()
        c.networks = 50
        c.inhibition = inhibition
        c.sourceRateHz = 20
        c.calibrationMs = 2_000
        c.measureMs = 4_000
        c.iterations = 0
        c.seed = 7
        return c
    }

    /// With inhibition-dominated background (g = 4) the ensemble runs asynchronously (population
    /// Fano factor in 1 ms bins near 1, the value for independent neurons), without any Poisson
    /// input, and its activation function is a calibratable logistic. The reference networks under
    /// private Poisson noise, calibrated by the same probes, find the sbs calibration and sample
    /// the target far better than the open-loop ensemble.
    @Test func inhibitionDominatedEnsembleIsAsynchronousAndCalibrated() {
        let e = SpikingEnsembleExperiment(config: Self.config(inhibition: 4))
        #expect(e.ensemble.network.background.excRateHz.allSatisfy { $0 == 0 })
        #expect(e.ensemble.network.background.inhRateHz.allSatisfy { $0 == 0 })
        if let f = e.referenceCalibration {
            #expect(abs(f.vP05 - ActivationCalibration.sbsReference.vP05) < 0.3, "v_p05 \(f.vP05)")
            #expect(abs(f.alpha - ActivationCalibration.sbsReference.alpha) < 0.15, "α \(f.alpha)")
        } else {
            Issue.record("reference calibration failed")
        }
        if let f = e.calibration { #expect(f.alpha > 0.3 && f.alpha < 5, "α = \(f.alpha) mV") } else { Issue.record("no ensemble calibration") }
        e.advance(by: 4_000)
        #expect(e.phase == .after)
        #expect(e.beforeFanoFactor < 1.5, "Fano \(e.beforeFanoFactor)")
        #expect(e.beforeRateHz > 5, "rate \(e.beforeRateHz) Hz")
        let reference = DeterministicEnsembleExperiment.mean(e.referenceDivergences)
        let ensemble = DeterministicEnsembleExperiment.mean(e.before)
        #expect(reference < 0.1, "private Poisson D_KL \(reference)")
        #expect(ensemble > reference, "ensemble \(ensemble) vs private \(reference)")
    }

    /// With g = 1 (excitation and inhibition of equal strength, which cancel for volleys at
    /// V ≈ −50 mV) the ensemble fires in volleys: population Fano factor (1 ms bins, ≈ 4000 bins:
    /// standard error ≈ 2 %) well above the asynchronous bound of the g = 4 test (measured here
    /// 2.0, seed 7; 13.5 with weights matched at 40 Hz, seed 42, where no logistic can be fitted).
    @Test func balancedExcitationAndInhibitionFireInVolleys() {
        let e = SpikingEnsembleExperiment(config: Self.config(inhibition: 1))
        e.advance(by: 4_000)
        #expect(e.beforeFanoFactor > 1.5, "Fano \(e.beforeFanoFactor)")
    }

    /// In-the-loop training from the networks' own spikes lowers the ensemble's D_KL (measured:
    /// seed 42, 10 s windows, 40 × 2 s at η = 0.01: 1.76 → 0.97).
    @Test func trainingInTheLoopLowersTheDivergence() {
        let (before, after) = Self.trainingRun(hardware: nil)
        #expect(after < 0.85 * before, "before \(before), after \(after)")
    }

    /// 20 iterations × 1.5 s at η = 0.01 on `config(inhibition: 4)`, on `hardware` (nil: ideal):
    /// mean D_KL over the networks before and after training.
    static func trainingRun(hardware: HardwareRealisation?) -> (before: Double, after: Double) {
        var c = config(inhibition: 4)
        c.iterations = 20
        c.iterationMs = 1_500
        c.learningRate = 0.01
        c.decayIterations = 1000
        c.hardware = hardware
        let e = SpikingEnsembleExperiment(config: c)
        e.advance(by: c.protocolMs)
        #expect(e.phase == .done)
        return (DeterministicEnsembleExperiment.mean(e.before), DeterministicEnsembleExperiment.mean(e.after))
    }

    /// The set point (science.md 2.3 step 2): the probes' calibration alone leaves the ensemble
    /// far below the target's mean activity (p* marginals average 0.556; calibrated, the ensemble
    /// runs at ≈ 17 Hz, ⟨z⟩ ≈ 0.17), because its own inhibition moves v_p05 with E_l. The secant
    /// search brings ⟨z⟩ within its tolerance (0.005; a 1.5 s window of 250 neurons at ≈ 55 Hz
    /// counts ≈ 2·10⁴ spikes: standard error of ⟨z⟩ ≈ 0.004 even for Poisson-like counts) in at
    /// most 8 rounds, and the ensemble then stays there over a fresh window (3 SE = 0.012).
    @Test func setPointMatchesTheTargetsMeanActivity() {
        var c = Self.config(inhibition: 4)
        c.measureMs = 1_500
        let e = SpikingEnsembleExperiment(config: c)
        let target = SpikingEnsembleExperiment.meanMarginal(BoltzmannDistribution(c.machine))
        #expect(abs(target - 0.5555) < 1e-3)
        #expect(e.calibrationRateHz * c.neuron.tauRefrac / 1000 < target - 0.2, "calibrated rate \(e.calibrationRateHz) Hz")
        guard let point = e.setPoint else { Issue.record("no set point"); return }
        #expect(abs(point.activityError) <= c.setPointTolerance, "error \(point.activityError) after \(point.rounds) rounds")
        #expect(point.rounds <= c.setPointRounds)
        e.advance(by: c.measureMs)
        #expect(abs(e.beforeRateHz * c.neuron.tauRefrac / 1000 - target) < 0.012, "rate \(e.beforeRateHz) Hz")
    }

    /// Issue 4's headline (science.md 2.3–2.4, [Dold2019]): the scenario's protocol — set point,
    /// 150 iterations of 2 s (75 at η = 0.3, momentum 0.5, then 75 at 0.03) — brings the
    /// noise-free ensemble within 3× of the same networks under private Poisson noise, over
    /// 20 s windows for both (≈ 2000 τ_ref per network: the finite-sample part of D_KL,
    /// (32 − 1)/(2·N_eff) ≈ 0.008, is the same for both). Measured with seed 42: before 0.842,
    /// after 0.0271, private 0.0146 (1.86×); the bound leaves room for the seed-to-seed spread
    /// (seeds 1–3 in the closing note of issue 4).
    @Test func trainedEnsembleIsWithinThreeTimesOfPrivatePoisson() {
        var c = SpikingEnsembleConfig()
        c.inhibition = 4
        c.sourceRateHz = 20
        c.iterations = 150
        c.annealIterations = 75
        c.learningRate = 0.3
        c.momentum = 0.5
        c.decayIterations = 1e9
        c.seed = 42
        let e = SpikingEnsembleExperiment(config: c)
        e.advance(by: c.protocolMs)
        #expect(e.phase == .done)
        let before = DeterministicEnsembleExperiment.mean(e.before)
        let after = DeterministicEnsembleExperiment.mean(e.after)
        let poisson = DeterministicEnsembleExperiment.mean(e.referenceDivergences)
        #expect(after < before / 10, "before \(before), after \(after)")
        #expect(after < 3 * poisson, "after \(after), private Poisson \(poisson)")
    }

    /// An ensemble too large for the memory budget of its dense within-copy weights is refused
    /// before anything is allocated, naming the budget and the largest M that fits
    /// (⌊√(2²⁵)⌋ = 5792 neurons: (5792 − 30)/5 = 1152 networks of 5 units with 30 probes).
    @Test func ensembleBeyondTheMemoryBudgetIsRefused() {
        var c = SpikingEnsembleConfig()
        c.networks = 2000
        let problems = c.validate()
        #expect(c.denseWeightBytes > SpikingEnsembleConfig.weightMemoryBudgetBytes)
        #expect(problems.contains { $0.contains("256 MiB") && $0.contains("at most 1152 networks") }, "\(problems)")
        c.networks = 1152
        #expect(c.validate().isEmpty, "\(c.validate())")
        c.networks = 1153
        #expect(!c.validate().isEmpty)
    }

    /// Same seed, same figures.
    @Test func deterministic() {
        var c = Self.config(inhibition: 4)
        c.networks = 10
        c.inDegree = 10
        c.inhibitoryInDegree = 10
        c.measureMs = 500
        c.calibrationMs = 500
        let a = SpikingEnsembleExperiment(config: c), b = SpikingEnsembleExperiment(config: c)
        a.advance(by: 500); b.advance(by: 500)
        #expect(a.before == b.before && a.referenceDivergences == b.referenceDivergences)
        #expect(a.calibration == b.calibration)
    }
}
