import Testing
@testable import SpikeCore

/// Bias and weight translation (science.md 1.6–1.7).
@Suite("Boltzmann machine to LIF translation (science.md 1.6-1.7)")
struct TranslationTests {
    let t = LIFSamplingTranslation(neuron: .sbsDefault, background: .sbsDefault, vP05: -50.62, alpha: 0.791)

    @Test func weightFactorMatchesTheBrief() {
        // ≈ 0.00526 µS per unit W (±3 %) for a neuron at b = 0.
        for excitatory in [true, false] {
            let f = t.weightFactor(postsynapticRestingPotential: t.restingPotential(bias: 0), excitatory: excitatory)
            #expect(abs(f / 0.00526 - 1) < 0.03, "factor \(f)")
        }
        // [OURS] examples (to 0.3 %).
        let cases: [(Double, Double, Double)] = [(-49.375, 0.005312, 0.005210), (-51.313, 0.005156, 0.005369)]
        for (v, fe, fi) in cases {
            #expect(abs(t.weightFactor(postsynapticRestingPotential: v, excitatory: true) / fe - 1) < 0.003)
            #expect(abs(t.weightFactor(postsynapticRestingPotential: v, excitatory: false) / fi - 1) < 0.003)
        }
    }

    @Test func biasesAndWeightsTranslate() {
        let m = BoltzmannMachine.canonical
        let el = t.restingPotentials(m)
        #expect(abs(el[0] - (-50.62 + 0.791 * 1.578)) < 1e-12)
        #expect(abs(t.bias(restingPotential: el[4]) - -0.872) < 1e-12)
        let w = t.synapticWeights(m)
        // [pre][post]: W_40 = −1.613 → inhibitory into neuron 0, with neuron 0's factor.
        let f0 = t.weightFactor(postsynapticRestingPotential: el[0], excitatory: false)
        #expect(abs(w[4][0] - -1.613 * f0) < 1e-15)
        let f4 = t.weightFactor(postsynapticRestingPotential: el[4], excitatory: true)
        #expect(abs(w[2][4] - 0.630 * f4) < 1e-15)
        #expect((0..<5).allSatisfy { w[$0][$0] == 0 })
    }

    /// τ_eff = τ_syn is a removable singularity of the PSP integral: choose τ_syn equal to the
    /// effective time constant (0.769 ms for the defaults) and the factor must be finite and
    /// continuous with its neighbours 0.1 % to either side.
    @Test func weightFactorIsContinuousThroughTauEffEqualsTauSyn() {
        let tauEff = FreeMembraneTheory(parameters: .sbsDefault, background: .sbsDefault).tauEff
        func factor(_ tauSyn: Double) -> Double {
            var p = LIFParameters.sbsDefault
            p.tauSynE = tauSyn
            p.tauSynI = tauSyn
            // g_tot depends on τ_syn (g = w ν τ_syn); re-solve τ_eff for this τ_syn by fixed point.
            return LIFSamplingTranslation(neuron: p, background: .sbsDefault, vP05: -50.62, alpha: 0.791)
                .weightFactor(postsynapticRestingPotential: -50, excitatory: true)
        }
        // Find τ_syn with τ_eff(τ_syn) = τ_syn by bisection (τ_eff falls as τ_syn grows).
        var lo = 0.1, hi = 10.0
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            var p = LIFParameters.sbsDefault
            p.tauSynE = mid
            p.tauSynI = mid
            let te = FreeMembraneTheory(parameters: p, background: .sbsDefault).tauEff
            if te > mid { lo = mid } else { hi = mid }
        }
        let crossing = (lo + hi) / 2
        #expect(tauEff > 0)
        let at = factor(crossing), below = factor(crossing * 0.999), above = factor(crossing * 1.001)
        #expect(at.isFinite && at > 0, "factor at τ_syn = τ_eff = \(crossing) ms: \(at)")
        #expect(abs(at - below) / at < 2e-3 && abs(at - above) / at < 2e-3, "\(below) \(at) \(above)")
    }
}
