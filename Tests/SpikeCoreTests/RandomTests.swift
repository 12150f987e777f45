import Testing
@testable import SpikeCore

/// Reference values computed with the published reference C code (xoshiro256starstar.c and
/// splitmix64.c by Blackman & Vigna) compiled with gcc.
@Suite("Random numbers")
struct RandomTests {
    @Test func xoshiroMatchesReferenceC() {
        var g = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let expected: [UInt64] = [0x0000_0000_0000_2d00, 0x0000_0000_0000_0000, 0x0000_0000_5a00_7080,
                                  0x10e0_0000_0000_9d80, 0x10e0_b61c_e100_9d80, 0x0870_021c_e143_ad00]
        #expect((0..<6).map { _ in g.next() } == expected)
    }

    @Test func splitMixMatchesReferenceC() {
        var g = SplitMix64(state: 1_234_567)
        let expected: [UInt64] = [0x599e_d017_fb08_fc85, 0x2c73_f084_5854_0fa5, 0x883e_bce5_a3f2_7c77,
                                  0x3fbe_f740_e917_7b3f, 0xe3b8_3467_08cb_5ecd]
        #expect((0..<5).map { _ in g.next() } == expected)
    }

    @Test func seedingThroughSplitMixMatchesReferenceC() {
        var g = Xoshiro256StarStar(seed: 42)
        let expected: [UInt64] = [0x1578_0b2e_0c2e_c716, 0x6104_d986_6d11_3a7e, 0xae17_5332_39e4_99a1,
                                  0xecb8_ad47_03b3_60a1]
        #expect((0..<4).map { _ in g.next() } == expected)
    }

    @Test func streamsAreReproducibleDistinctAndUncorrelated() {
        var a1 = Xoshiro256StarStar(seed: 7, stream: 0)
        var a2 = Xoshiro256StarStar(seed: 7, stream: 0)
        #expect((0..<100).map { _ in a1.next() } == (0..<100).map { _ in a2.next() })
        var firsts = Set<UInt64>()
        for stream in 0..<1000 as Range<UInt64> {
            var g = Xoshiro256StarStar(seed: 7, stream: stream)
            firsts.insert(g.next())
        }
        #expect(firsts.count == 1000)
        var s0 = Xoshiro256StarStar(seed: 7, stream: 0), s1 = Xoshiro256StarStar(seed: 7, stream: 1)
        var other = Xoshiro256StarStar(seed: 8, stream: 0)
        #expect(s0.next() != other.next())
        // Sample correlation of uniforms of two streams: SE = 1/√n for independent streams.
        let n = 200_000
        var sxy = 0.0
        for _ in 0..<n { sxy += (s0.nextUniform() - 0.5) * (s1.nextUniform() - 0.5) }
        let correlation = sxy / Double(n) * 12
        #expect(abs(correlation) < 5 / Double(n).squareRoot())
    }

    /// Checks sample mean and variance against the exact ones with 5-SE tolerances:
    /// SE(mean) = σ/√n, SE(variance) = √((μ₄ − σ⁴)/n).
    func checkMoments(_ samples: [Double], mean: Double, variance: Double, fourthCentral: Double,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        var stats = RunningStatistics()
        samples.forEach { stats.add($0) }
        let n = Double(samples.count)
        let seMean = (variance / n).squareRoot()
        let seVar = ((fourthCentral - variance * variance) / n).squareRoot()
        #expect(abs(stats.mean - mean) < 5 * seMean, "mean \(stats.mean) vs \(mean)", sourceLocation: sourceLocation)
        #expect(abs(stats.variance - variance) < 5 * seVar, "variance \(stats.variance) vs \(variance)",
                sourceLocation: sourceLocation)
    }

    @Test func uniformMoments() {
        var g = Xoshiro256StarStar(seed: 1, stream: 1)
        let x = (0..<200_000).map { _ in g.nextUniform() }
        #expect(x.allSatisfy { $0 >= 0 && $0 < 1 })
        checkMoments(x, mean: 0.5, variance: 1.0 / 12, fourthCentral: 1.0 / 80)
    }

    @Test func exponentialMoments() {
        var g = Xoshiro256StarStar(seed: 1, stream: 2)
        let rate = 2.5
        let x = (0..<200_000).map { _ in g.nextExponential(rate: rate) }
        #expect(x.allSatisfy { $0 >= 0 && $0.isFinite })
        let m = 1 / rate
        checkMoments(x, mean: m, variance: m * m, fourthCentral: 9 * m * m * m * m)
    }

    @Test func normalMoments() {
        var g = Xoshiro256StarStar(seed: 1, stream: 3)
        let x = (0..<200_000).map { _ in g.nextNormal(mean: 2, sd: 3) }
        checkMoments(x, mean: 2, variance: 9, fourthCentral: 3 * 81)
        let p = 0.682_689_492_137_086  // P(|Z| < 1)
        let inside = Double(x.filter { abs($0 - 2) < 3 }.count) / Double(x.count)
        #expect(abs(inside - p) < 5 * (p * (1 - p) / Double(x.count)).squareRoot())
    }

    /// Poisson: mean = var = λ, fourth central moment λ(1 + 3λ); covers the multiplication
    /// method (λ < 10) and PTRS (λ ≥ 10), plus the pmf at the mode in the PTRS range.
    @Test(arguments: [0.03, 1.0, 4.5, 9.99, 10.0, 25.0, 150.0, 5000.0])
    func poissonMoments(lambda: Double) {
        var g = Xoshiro256StarStar(seed: 1, stream: UInt64(lambda * 100))
        let k = (0..<200_000).map { _ in g.nextPoisson(lambda) }
        #expect(k.allSatisfy { $0 >= 0 })
        checkMoments(k.map(Double.init), mean: lambda, variance: lambda, fourthCentral: lambda * (1 + 3 * lambda))
        if lambda >= 10 && lambda <= 150 {
            let mode = Int(lambda.rounded(.down))
            var logP = -lambda
            for i in 1...mode { logP += log(lambda / Double(i)) }
            let p = exp(logP)
            let freq = Double(k.filter { $0 == mode }.count) / Double(k.count)
            #expect(abs(freq - p) < 5 * (p * (1 - p) / Double(k.count)).squareRoot(), "P(k = mode) \(freq) vs \(p)")
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
