import Testing
@testable import SpikeCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Poisson background (science.md 1.9 step 2)")
struct BackgroundTests {
    /// Per-step event counts of one source are Poisson(λ): mean = variance = λ and
    /// P(n ≥ 2) = 1 − e^{−λ}(1 + λ), each within 5 standard errors for n steps.
    @Test(arguments: [0.03, 0.3, 2.5])
    func eventCountsArePoisson(lambda: Double) {
        var rng = Xoshiro256StarStar(seed: 5, stream: 9)
        var residual = rng.nextStandardExponential()
        let n = 1_000_000
        var stats = RunningStatistics()
        var twoOrMore = 0
        for _ in 0..<n {
            let c = BackgroundInput.events(lambda: lambda, residual: &residual, rng: &rng)
            stats.add(Double(c))
            if c >= 2 { twoOrMore += 1 }
        }
        let nd = Double(n)
        #expect(abs(stats.mean - lambda) < 5 * (lambda / nd).squareRoot())
        #expect(abs(stats.variance - lambda) < 5 * ((lambda + 2 * lambda * lambda) / nd).squareRoot())
        let p2 = 1 - exp(-lambda) * (1 + lambda)
        #expect(abs(Double(twoOrMore) / nd - p2) < 5 * (p2 * (1 - p2) / nd).squareRoot())
    }

    /// The method the step kernel uses (hazard below λ = 0.1, table inversion with its tail
    /// above) gives the Poisson(λ) distribution: every count's frequency within 5 standard
    /// errors of e^{−λ}λ^c/c! over 10^6 steps, for λ on both sides of the switch and far into
    /// the tail (λ = 2.5 and 8 exercise counts beyond the table).
    @Test(arguments: [0.03, 0.3, 2.5, 8.0])
    func kernelEventCountsFollowThePoissonDistribution(lambda: Double) {
        var rng = Xoshiro256StarStar(seed: 6, stream: 11)
        var residual = rng.nextStandardExponential()
        let cdf = BackgroundInput.poissonCDF(lambda)
        let n = 1_000_000
        var histogram = Array(repeating: 0, count: 40)
        cdf.withUnsafeBufferPointer { table in
            for _ in 0..<n {
                let c = BackgroundInput.events(lambda: lambda, cdf: table.baseAddress!, residual: &residual, rng: &rng)
                histogram[min(c, 39)] += 1
            }
        }
        var p = exp(-lambda)
        for c in 0..<25 {
            if c > 0 { p *= lambda / Double(c) }
            let expected = p * Double(n)
            let sd = (Double(n) * p * (1 - p)).squareRoot()
            #expect(abs(Double(histogram[c]) - expected) <= 5 * sd + 1, "λ = \(lambda), count \(c)")
        }
    }

    /// Each neuron and receptor has its own stream: adding neurons leaves the others' input unchanged.
    @Test func addingNeuronsDoesNotChangeOtherDraws() {
        func run(count: Int) -> [Double] {
            var net = Network(parameters: .sbsDefault, count: count, stepMs: 0.01, seed: 77, background: .sbsDefault)
            for k in 0..<count { net.setThresholdEnabled(false, neuron: k) }
            net.advance(steps: 20_000)
            return [net.population.v[0], net.population.gE[1], net.population.gI[1]]
        }
        #expect(run(count: 2) == run(count: 5))
    }

    /// Mean conductance after a rate change follows w ν τ_syn (per-step mean wλ/(1 − e^{−dt/τ})).
    @Test func rateChangeTakesEffect() {
        var net = Network(parameters: .sbsDefault, count: 20, stepMs: 0.01, seed: 4, background: .sbsDefault)
        for k in 0..<20 { net.setThresholdEnabled(false, neuron: k) }
        net.setBackground(PoissonBackground(excRateHz: 9000, inhRateHz: 0, excWeight: 0.002, inhWeight: 0.001))
        #expect(net.background.background(of: 3).excRateHz == 9000)
        net.advance(steps: 10_000)
        var gE = RunningStatistics(), gI = RunningStatistics()
        for step in 0..<100_000 {
            net.step()
            if step % 100 == 0 {
                for k in 0..<20 { gE.add(net.population.gE[k]); gI.add(net.population.gI[k]) }
            }
        }
        let expected = 0.002 * 9 * 0.01 / (1 - exp(-0.001))  // ≈ 0.18 µS
        // Samples 1 ms apart are correlated (τ_syn = 10 ms): inflate the SE by √(2τ/Δ) ≈ 4.5.
        #expect(abs(gE.mean - expected) < 5 * 4.5 * gE.standardErrorOfMean)
        #expect(gI.mean < 1e-3)
    }

    /// Changing rates keeps each neuron's CDF table equal to a fresh `poissonCDF(λ)` (it is
    /// recomputed in place only when λ changed), and setting one background for all neurons
    /// gives exactly what setting it neuron by neuron gives (an oscillation does this every step).
    @Test func rateChangesKeepTheCDFTablesExact() {
        let n = 7
        var byNeuron = BackgroundInput(count: n, background: .sbsDefault, stepMs: 0.1, seed: 3)
        var all = byNeuron
        var rng = Xoshiro256StarStar(seed: 9, stream: 1)
        for round in 0..<200 {
            // Rates repeat now and then (unchanged λ) and include 0 and the inversion range.
            let rateE = round % 5 == 0 ? 0 : [800.0, 3000, 3000, 12_000][Int(rng.next() % 4)] * (1 + rng.nextUniform())
            let rateI = round % 7 == 0 ? 3000 : 3000 * (0.5 + rng.nextUniform())
            let b = PoissonBackground(excRateHz: rateE, inhRateHz: rateI, excWeight: 0.001 * rng.nextUniform(), inhWeight: 0.002)
            for k in 0..<n { byNeuron.setBackground(b, neuron: k) }
            all.setBackgroundOfAll(b)
            #expect(all.excRateHz == byNeuron.excRateHz && all.inhRateHz == byNeuron.inhRateHz)
            #expect(all.excWeight == byNeuron.excWeight && all.inhWeight == byNeuron.inhWeight)
            #expect(all.lambdaE == byNeuron.lambdaE && all.lambdaI == byNeuron.lambdaI)
            #expect(all.cdfE == byNeuron.cdfE && all.cdfI == byNeuron.cdfI)
            let fresh = (0..<n).flatMap { BackgroundInput.poissonCDF(byNeuron.lambdaE[$0]) }
            let freshI = (0..<n).flatMap { BackgroundInput.poissonCDF(byNeuron.lambdaI[$0]) }
            #expect(byNeuron.cdfE == fresh && byNeuron.cdfI == freshI)
        }
    }
}
