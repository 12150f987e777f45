import Testing
@testable import SpikeCore

/// Science check of science.md 1.4 on probes with the threshold disabled.
///
/// Tolerances: 5 batch-means standard errors (batches of 200 ms ≫ τ_syn = 10 ms, per probe)
/// plus a small allowance for the known bias of the shot-noise approximation, measured once
/// with 32 probes × 60 s (1.92e8 samples) per rate at dt = 0.01 ms (seed 99):
///   σ_V(measured)/σ_V(theory) − 1 = −0.57 ± 0.16 % (1 kHz), −0.32 ± 0.16 % (3 kHz), −0.19 ± 0.16 % (10 kHz)
///   μ_V − μ_V(theory) = −0.0055 ± 0.0023 mV (1 kHz), −0.0042 ± 0.0033 (3 kHz), +0.0049 ± 0.0040 (10 kHz)
///   τ_eff(measured)/τ_eff(theory) − 1 = (−1.4 ± 4.5)e−5, (−2.8 ± 6.6)e−5, (−6.8 ± 8.0)e−5
/// → allowances: 1 % of σ_V, 0.01 mV on μ_V, 2e−4 relative on τ_eff (the per-step sampling
/// of g after the increments biases ⟨g⟩ up by dt/(2τ_syn) = 5e−4 of g_e + g_i, ≈ −1.2e−4 on τ_eff).
@Suite("Free membrane (science.md 1.4)")
struct FreeMembraneTests {
    #if DEBUG
    static let durationMs = 2_000.0  // debug builds are ~50× slower; tolerances follow the SE
    #else
    static let durationMs = 20_000.0
    #endif

    @Test func theoryWorkedExample() {
        let t = FreeMembraneTheory(parameters: .sbsDefault, background: .sbsDefault)
        #expect(abs(t.gE - 0.03) < 1e-12)
        #expect(abs(t.gI - 0.03) < 1e-12)
        #expect(abs(t.gTot - 0.26) < 1e-12)
        #expect((t.tauEff * 1000).rounded() / 1000 == 0.769)
        #expect((t.muV * 100).rounded() / 100 == -50.00)
        #expect((t.sigmaV * 1000).rounded() / 1000 == 1.015)
        // ∂μ_V/∂E_l = g_l/g_tot = 0.769 (science.md 1.4).
        let shifted = FreeMembraneTheory(parameters: .sbsDefault, background: .sbsDefault, vRest: -49)
        #expect(abs((shifted.muV - t.muV) - 0.2 / 0.26) < 1e-12)
    }

    @Test(arguments: [(3000.0, UInt64(11)), (1000.0, 12), (10000.0, 13)])
    func measuredFreeMembraneMatchesTheory(rateHz: Double, seed: UInt64) {
        let bg = PoissonBackground(excRateHz: rateHz, inhRateHz: rateHz, excWeight: 0.001, inhWeight: 0.001)
        let theory = FreeMembraneTheory(parameters: .sbsDefault, background: bg)
        let s = measureFreeMembrane(background: bg, neurons: 8, durationMs: Self.durationMs, seed: seed)
        let tau = s.tauEff(cm: 0.2)
        #expect(s.batches >= 80)
        #expect(abs(s.overall.mean - theory.muV) < 5 * s.seMean + 0.01,
                "μ_V \(s.overall.mean) ± \(s.seMean) vs \(theory.muV)")
        #expect(abs(s.overall.standardDeviation - theory.sigmaV) < 5 * s.seSD + 0.01 * theory.sigmaV,
                "σ_V \(s.overall.standardDeviation) ± \(s.seSD) vs \(theory.sigmaV)")
        #expect(abs(tau.value - theory.tauEff) < 5 * tau.se + 2e-4 * theory.tauEff,
                "τ_eff \(tau.value) ± \(tau.se) vs \(theory.tauEff)")
    }

    /// σ_V follows the background rate (0.688, 1.015, 1.220 mV at 1, 3, 10 kHz).
    @Test func sigmaFollowsRate() {
        let sd = [1000.0, 3000.0, 10000.0].map { rate -> Double in
            let bg = PoissonBackground(excRateHz: rate, inhRateHz: rate, excWeight: 0.001, inhWeight: 0.001)
            return measureFreeMembrane(background: bg, neurons: 4, durationMs: Self.durationMs / 4, seed: 5)
                .overall.standardDeviation
        }
        #expect(sd[0] < sd[1] && sd[1] < sd[2])
    }
}
