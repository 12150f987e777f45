import Foundation
import Testing
@testable import SpikeCore

/// The numerical building blocks of the natural-gradient engine (science.md 5.2–5.3):
/// quadrature, the PSP kernel's constants, the Poisson afferents and the g-coefficients.
@Suite struct NaturalGradientMathTests {
    @Test func simpsonIntegratesKnownIntegrals() {
        // Error bound (b−a) h⁴ max|f⁗| / 180 = π (π/400)⁴ / 180 ≈ 7e-11 for sin on [0, π].
        #expect(abs(Quadrature.simpson(from: 0, to: Double.pi, intervals: 400, sin) - 2) < 1e-9)
        // Simpson is exact for cubics (up to rounding).
        #expect(abs(Quadrature.simpson(from: 0, to: 1, intervals: 2) { $0 * $0 * $0 } - 0.25) < 1e-15)
        // Fourth order: halving h divides the error by ≈ 16.
        let exact = exp(1.0) - 1
        let coarse = abs(Quadrature.simpson(from: 0, to: 1, intervals: 8, exp) - exact)
        let fine = abs(Quadrature.simpson(from: 0, to: 1, intervals: 16, exp) - exact)
        #expect(coarse / fine > 15 && coarse / fine < 17)
        // An odd interval count is rounded up to an even one.
        #expect(abs(Quadrature.simpson(from: 0, to: 2, intervals: 3) { $0 * $0 } - 8.0 / 3) < 1e-14)
    }

    @Test func gaussianMomentsMatchClosedForms() {
        for (m, v) in [(0.0, 1.0), (-15.0, 10.0), (3.0, 410.0)] {
            let one = Quadrature.gaussianMoments(mean: m, variance: v) { _ in 1 }
            #expect(abs(one.m0 - 1) < 1e-9)
            #expect(abs(one.m1 - m) < 1e-9 * max(1, abs(m)))
            #expect(abs(one.m2 - (m * m + v)) < 1e-9 * (m * m + v))
        }
        // E[e^U] = e^{m + v/2} (lognormal mean).
        let e = Quadrature.gaussianMoments(mean: 0.5, variance: 2) { exp($0) }
        #expect(abs(e.m0 / exp(0.5 + 1) - 1) < 1e-8)
    }

    @Test func kernelConstantsFromTheClosedForm() {
        let k = PSPKernel.kreutzer2022
        #expect(abs(k.squaredIntegral - 38.46) < 0.01)
        #expect(k.integral == 1)
        // The closed forms agree with quadrature over 30 τ_m.
        let numeric = Quadrature.simpson(from: 0, to: 0.3, intervals: 20_000) { k.value(at: $0) }
        let numericSquared = Quadrature.simpson(from: 0, to: 0.3, intervals: 20_000) { k.value(at: $0) * k.value(at: $0) }
        #expect(abs(numeric - 1) < 1e-6)
        #expect(abs(numericSquared / k.squaredIntegral - 1) < 1e-6)
    }

    @Test func qForTheHundredInputSetup() {
        let task = NaturalGradientTask.figure3F(seed: 1)
        #expect(task.ratesHz.filter { $0 == 10 }.count == 50 && task.ratesHz.filter { $0 == 50 }.count == 50)
        #expect(abs(task.q - 78.0) < 0.05)
        // Weights are U(−1, 1)/N.
        #expect(task.teacherWeights.allSatisfy { abs($0) <= 0.01 } && task.initialWeights.allSatisfy { abs($0) <= 0.01 })
    }

    @Test func afferentsSpikeAtTheirRatesAndFilterToThem() {
        var a = PoissonAfferents(ratesHz: [10, 50], stepSeconds: 0.0005, rng: Xoshiro256StarStar(seed: 7, stream: 1))
        let steps = 400_000  // 200 s
        var spikes = [0, 0], sum = [0.0, 0.0]
        var previous = [0.0, 0.0]
        for _ in 0..<steps {
            a.step()
            for i in 0..<2 {
                // A spike raises both traces by 1 (the membrane trace's decay alone can't raise it).
                if a.traceMembrane[i] > previous[i] { spikes[i] += 1 }
                previous[i] = a.traceMembrane[i]
                sum[i] += a.filtered[i]
            }
        }
        for (i, r) in [10.0, 50.0].enumerated() {
            let expected = r * 200, sd = expected.squareRoot()
            #expect(abs(Double(spikes[i]) - expected) < 5 * sd, "afferent \(i): \(spikes[i]) spikes, expected \(expected)")
            // ∫ε = 1: the time-averaged x^ε equals the measured spike rate (up to the last τ_m).
            #expect(abs(sum[i] / Double(steps) - Double(spikes[i]) / 200) < 0.01 * r)
        }
    }

    @Test func coefficientsFiniteAndGammaZeroPositiveOverTheTableRange() {
        // The code's lookup-table range: m ∈ [−15, 15] step 0.25, v ∈ [10, 410] step 0.5,
        // for the N = 100 task (q = 78) and the N = 2 task (q = 60/c_ε ≈ 1.56).
        for q in [NaturalGradientTask.figure3F(seed: 1).q, NaturalGradientTask.figure3DE.q] {
            var bad: [(Double, Double)] = []
            for mi in 0...120 {
                let m = -15 + 0.25 * Double(mi)
                for vi in 0...800 {
                    let v = 10 + 0.5 * Double(vi)
                    let c = NaturalGradientCoefficients(mean: m, variance: v, q: q)
                    if !(c.isFinite && c.gamma0 > 0 && c.gamma0.isFinite) { bad.append((m, v)) }
                }
            }
            #expect(bad.isEmpty, "q = \(q): non-finite or γ0 ≤ 0 at \(bad.prefix(5))")
        }
    }

    @Test func coefficientsConvergeAndKeepTheInverseFisherSymmetry() {
        for (m, v) in [(0.0, 10.0), (-15.0, 10.0), (15.0, 410.0), (-3.0, 129.0), (2.0, 4.0)] {
            let c = NaturalGradientCoefficients(mean: m, variance: v, q: 78)
            let fine = NaturalGradientCoefficients(mean: m, variance: v, q: 78, intervals: 1600)
            for (a, b) in [(c.i1, fine.i1), (c.g1, fine.g1), (c.g2, fine.g2), (c.g4, fine.g4)] {
                #expect(abs(a - b) <= 1e-7 * abs(b), "m \(m) v \(v): \(a) vs \(b)")
            }
            // g_2 = g_3 algebraically (both reduce to I_1 c_3 m − c_2 I_1 − c_2² m): a check on
            // the transcription of science.md 5.3.
            #expect(abs(c.g2 - c.g3) <= 1e-12 * abs(c.g2))
        }
        // I_1 at m = θ with a narrow Gaussian → β² φ_max φ(θ)(1 − φ(θ))² = 0.09·100·0.5·0.25,
        // up to the second-order term f''(θ)·v/2 ≈ 3e-5 at the smallest variance used (1e-3 mV²).
        let narrow = NaturalGradientCoefficients(mean: 10, variance: 1e-6, q: 78)
        #expect(abs(narrow.i1 - 1.125) < 1e-4)
    }
}
