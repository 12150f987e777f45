import Testing
@testable import SpikeCore

/// The noise-free ensemble trained in the loop (science.md 2.3–2.4).
///
/// Sizes: M = 50 networks; each measurement window is 3000 cycles (n_eff ≈ 1000 samples per
/// network, finite-sample D_KL ≈ (32 − 1)/(2 n_eff) ≈ 0.015 for a perfect sampler, the same bias
/// for every condition since windows are equal), so the mean over 50 networks carries ≈ 15%
/// relative noise; the open-loop ensemble is several times worse than that, which is the effect.
@Suite("Deterministic ensemble (science.md 2.3)")
struct DeterministicEnsembleTests {
    static func config() -> DeterministicEnsembleConfig {
        var c = DeterministicEnsembleConfig()
        c.networks = 50
        c.noise = BinaryNoiseParameters(sourceCount: 250, inDegree: 50)
        c.measureCycles = 3000
        c.iterations = 60
        c.cyclesPerIteration = 400
        c.calibrationCycles = 1000
        c.seed = 7
        return c
    }

    /// The binary noise-free ensemble runs the whole protocol (calibration, before window, training,
    /// after window) and in-the-loop training lowers the mean D_KL over the ensemble well below the
    /// open-loop value (measured 0.76 → 0.33 for this seed: far outside the ≈ 15% window noise). The
    /// issue's second target (after < 3× private noise) is NOT met by the binary formulation: the
    /// deterministic ensemble's dynamics partly freeze (see the closing note), so it is printed only.
    @Test func protocolRunsAndReportsTheEnsembleDistribution() {
        let c = Self.config()
        let e = DeterministicEnsembleExperiment(config: c)
        e.advance(by: c.protocolMs)
        let r = e.readout()
        let before = r.figure("dkl_ensemble_before_training")!, after = r.figure("dkl_ensemble_after_training")!
        let poisson = r.figure("dkl_target_sampled_poisson")!
        print("ensemble D_KL before \(before), after \(after), private noise \(poisson); input corr \(r.figure("input_corr_mean_ensemble")!); β_eff \(r.figure("beta_eff_ensemble")!); marginals of network 0 after training \(e.ensemble.histograms[0].marginals)")
        #expect(e.phase == .done && e.iteration == c.iterations)
        #expect(after < 0.7 * before)
        #expect(e.before.count == c.networks && e.after.count == c.networks && e.referenceDivergences.count == c.networks)
        #expect((e.before + e.after + e.referenceDivergences).allSatisfy { $0.isFinite && $0 >= 0 })
        // Private noise with the calibrated translation: finite-sample level of ≈ 3000 cycles.
        #expect(poisson < 0.03)
        #expect(r.histograms.count == 3 && r.histograms.allSatisfy { $0.counts.reduce(0, +) == Double(c.networks) })
    }

    /// The other deterministic noise source (science.md 2.2, [Jordan2019]): M = 20 networks driven
    /// by a background network of N = 500 Heaviside units (K = 50, g = 6), calibrated open loop,
    /// then trained in the loop with the same rule. Training lowers D_KL below the open-loop value
    /// (issue 4: "at least the deterministic-noise cases"; measured with the scenario's 100 × 500
    /// cycles, seed 42: 0.0347 → 0.0136, private noise 0.0048). 5000-cycle windows: finite-sample
    /// part ≈ 0.01, equal for both windows; the mean over 20 networks varies by ≈ 20 %.
    @Test func backgroundNetworkDrivenNetworksLearnInTheLoop() {
        var c = DeterministicEnsembleConfig()
        c.source = .backgroundNetwork
        c.networks = 20
        c.noise = BinaryNoiseParameters(sourceCount: 500, inDegree: 50)
        c.measureCycles = 5000
        c.iterations = 60
        c.cyclesPerIteration = 400
        c.seed = 42
        #expect(c.validate().isEmpty, "\(c.validate())")
        let e = DeterministicEnsembleExperiment(config: c)
        #expect(e.ensemble.kind == .backgroundNetwork && e.ensemble.updatableCount == 20 * 5 + 500)
        e.advance(by: c.protocolMs)
        #expect(e.phase == .done)
        let before = DeterministicEnsembleExperiment.mean(e.before), after = DeterministicEnsembleExperiment.mean(e.after)
        #expect(after < 0.7 * before, "before \(before), after \(after)")
    }

    /// Diagnostics of the calibrated binary ensemble: temporal input variance against the
    /// independent-source value, spread of the units' mean inputs.
    @Test func calibratedEnsembleInputStatistics() {
        let c = Self.config()
        var e = BinarySamplingEnsemble(kind: .ensemble, target: .canonical, networkCount: c.networks, noise: c.noise, seed: 11)
        e.calibrate(cycles: 1000, rounds: 2, seed: 11)
        e.run(cycles: 2000)
        var spread = RunningStatistics()
        for i in 0..<e.functionalCount { spread.add(e.inputs.mean(i)) }
        print("calibrated ensemble: temporal input variance \(e.inputs.meanVariance), SD of unit mean inputs \(spread.standardDeviation), marginals of network 0 \(e.histograms[0].marginals) (target \(BoltzmannDistribution(.canonical).marginals)), D_KL mean \(e.meanDivergence)")
        #expect(e.inputs.sampleCount == 2000 && e.inputs.meanVariance.isFinite)
    }

    @Test func protocolIsDeterministic() {
        var c = Self.config()
        c.networks = 10
        c.noise = BinaryNoiseParameters(sourceCount: 50, inDegree: 20)
        c.measureCycles = 50; c.iterations = 2; c.cyclesPerIteration = 20; c.calibrationCycles = 50
        let a = DeterministicEnsembleExperiment(config: c), b = DeterministicEnsembleExperiment(config: c)
        a.advance(by: c.protocolMs); b.advance(by: c.protocolMs)
        #expect(a.ensemble.weights == b.ensemble.weights)
        #expect(a.after == b.after && !a.after.isEmpty)
    }
}
