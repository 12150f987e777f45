import Testing
@testable import SpikeCore
#if canImport(Glibc)
import Glibc
#endif

/// Zero-count handling and sign of the KL divergences (science.md 1.10).
@Suite("Kullback-Leibler divergences (science.md 1.10)")
struct KullbackLeiblerTests {
    let target = [0.5, 0.25, 0.125, 0.125]

    @Test func unvisitedStatesGiveInfinityNotANegativeNumber() {
        // sbs's dkl would drop state 3 and report a negative value here.
        let counts = [10.0, 5.0, 5.0, 0.0]
        #expect(KullbackLeibler.targetToSampled(target: target, counts: counts) == .infinity)
        let withPrior = KullbackLeibler.targetToSampled(target: target, counts: counts, zeroCounts: .pseudoCount(1))
        #expect(withPrior.isFinite && withPrior > 0)
        // The reverse direction treats 0·ln 0 = 0.
        let reverse = KullbackLeibler.sampledToTarget(target: target, counts: counts)
        #expect(reverse.isFinite && reverse > 0)
    }

    @Test func emptyHistogramIsNaN() {
        #expect(KullbackLeibler.targetToSampled(target: target, counts: [0, 0, 0, 0]).isNaN)
        #expect(KullbackLeibler.sampledToTarget(target: target, counts: [0, 0, 0, 0]).isNaN)
    }

    @Test func exactMatchIsZeroAndNothingIsEverNegative() {
        #expect(KullbackLeibler.targetToSampled(target: target, counts: [4, 2, 1, 1]) == 0)
        var rng = Xoshiro256StarStar(seed: 5)
        for _ in 0..<2000 {
            let p = (0..<8).map { _ in rng.nextUniform() + 1e-9 }
            let total = p.reduce(0, +)
            let q = p.map { $0 * (1 + 1e-15 * (rng.nextUniform() - 0.5)) }
            #expect(KullbackLeibler.targetToSampled(target: p.map { $0 / total }, counts: q) >= 0)
            let r = (0..<8).map { _ in Double(rng.next() % 5) }
            let a = KullbackLeibler.targetToSampled(target: p.map { $0 / total }, counts: r)
            let b = KullbackLeibler.sampledToTarget(target: p.map { $0 / total }, counts: r)
            #expect(a.isNaN || a >= 0)
            #expect(b.isNaN || b >= 0)
        }
    }

    @Test func knownValue() {
        // D_KL([½, ½] ‖ [¾, ¼]) = ½ ln(2/3) + ½ ln 2.
        let d = KullbackLeibler.targetToSampled(target: [0.5, 0.5], counts: [3, 1])
        #expect(abs(d - (0.5 * log(2.0 / 3) + 0.5 * log(2.0))) < 1e-15)
        #expect(KullbackLeibler.summedMarginals(target: [0.5], sampled: [1]) == .infinity)
    }

    @Test func logGridCheckpoints() {
        let g = LogTimeGrid(first: 1000, perDecade: 2)
        #expect(g.value(at: 0) == 1000 && g.value(at: 2) == 10_000)
        #expect(abs(g.value(at: 1) - 3162.2776601683795) < 1e-9)
        #expect(g.index(ofFirstAbove: 999) == 0 && g.index(ofFirstAbove: 1000) == 1 && g.index(ofFirstAbove: 10_001) == 3)
    }

    @Test func stateHistogramCountsTimeAndSamples() {
        var h = StateHistogram(unitCount: 2, sampleIntervalSteps: 3)
        for s in [0, 0, 1, 3, 3, 3, 2] { h.add(stateIndex: s) }
        #expect(h.counts == [2, 1, 1, 3])
        #expect(h.sampleCounts == [0, 1, 0, 1])  // steps 3 (state 1) and 6 (state 3)
        #expect(h.visitedStates == 4)
        #expect(abs(h.marginals[0] - 4.0 / 7) < 1e-15 && abs(h.marginals[1] - 4.0 / 7) < 1e-15)
    }
}
