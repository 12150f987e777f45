import Testing
@testable import SpikeCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small bipartite machine (3 visible, 2 hidden) with two strong modes.
func twoModeMachine() -> BoltzmannMachine {
    let v = 3, n = 5
    var w = Array(repeating: Array(repeating: 0.0, count: n), count: n)
    let coupling: [[Double]] = [[2.5, -2.5], [2.5, -2.5], [-2.5, 2.5]]
    for i in 0..<v { for j in 0..<2 { w[i][v + j] = coupling[i][j]; w[v + j][i] = coupling[i][j] } }
    return BoltzmannMachine(weights: w, biases: [-1.2, -1.2, -1.2, -1.0, -1.0])
}

@Suite("Mixing engine (science.md 3.1, 3.4, 3.5, 3.6)")
struct MixingEngineTests {
    /// Steady-state release of the slide's depressing synapse: U·x_ss = 0.110 (±1 %) for
    /// U = 0.22, τ_rec = 50 ms, 100 Hz; the rescale 1/U makes the first spike carry w.
    @Test func depressingSteadyStateAndRescale() {
        let d = MixingSynapses.depressing()
        #expect(abs(d.steadyStateRelease(rateHz: 100) / 0.110 - 1) < 0.01)
        #expect(abs(d.weightRescale * d.U - 1) < 1e-15)
        let rescaled = d.rescaled([[0, 0.002], [-0.001, 0]])
        #expect(abs(rescaled[0][1] * 0.22 - 0.002) < 1e-15 && abs(rescaled[1][0] * 0.22 + 0.001) < 1e-15 && rescaled[0][0] == 0)
        let r = MixingSynapses.renewing(tauSyn: 10)
        #expect(r.model == .renewing(tauSyn: 10) && r.weightRescale == 1)
        #expect(MixingSynapses(U: 0, tauRec: -1, weightRescale: 0).validate().count == 3)
    }

    /// Through a network with the rescaled weight: the increments delivered by a regular
    /// ≈ 100 Hz train fall from w (first spike, rested synapse) to U·x_ss·w/U = 0.110/0.22 w.
    /// A live switch to renewing (setSynapseModel): the conductance after an arrival is
    /// g·e^{−Δ/τ} + w(1 − e^{−Δ/τ}), so the pile-up left by the depressing phase decays by e^{−1}
    /// per spike and from then on every arrival gives exactly w.
    @Test func depressingThenRenewingInANetwork() {
        let w = 0.004, d = MixingSynapses.depressing()
        var net = preAndPostNetwork(weight: w * d.weightRescale, model: d.model, delayMs: 0.1)
        net.setRestingPotential(-20, neuron: 0)  // fires right after each refractory period: 10.01 ms
        let decay = exp(-0.01 / 10)
        var increments: [Double] = []
        var previous = 0.0
        for _ in 0..<100_000 {
            let before = net.population.gE[1]
            net.step()
            let jump = net.population.gE[1] - before * decay
            if jump > 1e-9 { increments.append(jump) }
            previous = before
        }
        _ = previous
        #expect(increments.count > 90)
        #expect(abs(increments[0] / w - 1) < 1e-9)
        let e = exp(-10.01 / 50)
        let steady = (1 - e) / (1 - 0.78 * e)  // x_ss at the actual ISI; U·x_ss/U = x_ss
        #expect(abs(increments.last! / (w * steady) - 1) < 1e-6)
        #expect(abs(increments.last! * 0.22 / w / 0.110 - 1) < 0.01)
        net.setSynapseModel(.renewing(tauSyn: 10), projection: 0)
        net.setWeights(DenseWeights(signed: [[0, w], [0, 0]]), projection: 0)
        var arrivals = 0
        for _ in 0..<50_000 {
            let before = net.population.gE[1]
            net.step()
            if net.population.gE[1] - before * decay > 1e-9 {
                arrivals += 1
                if arrivals > 30 { #expect(abs(net.population.gE[1] / w - 1) < 1e-9) }
            }
        }
        #expect(arrivals > 40)
    }

    /// AST samples at β = 1 follow p* exactly (each level's Gibbs sweep leaves p(z | k)
    /// invariant); the adapted weights spread the visits over the ladder. 2e5 sweeps, K = 5:
    /// ≈ 4e4 kept samples of 32 states, D_KL(sampled ‖ p*) bias ≈ 31/(2·4e4)·τ_int ≈ 1e-3 → bound
    /// 1e-2 (this direction: rare states never visited at β = 1 do not make it infinite).
    @Test func temperingKeepsTargetAndVisitsAllLevels() {
        let m = twoModeMachine()
        var ast = AdaptiveSimulatedTempering(machine: m, visibleCount: 3, levels: 5, minimumBeta: 0.3,
                                            rng: Xoshiro256StarStar(seed: 7, stream: 1))
        var counts = Array(repeating: 0.0, count: m.stateCount)
        for _ in 0..<200_000 {
            ast.sweep()
            if ast.atTargetTemperature { counts[m.index(of: ast.z)] += 1 }
        }
        let exact = BoltzmannDistribution(m).probabilities
        let kl = KullbackLeibler.sampledToTarget(target: exact, counts: counts)
        #expect(kl < 1e-2)
        let total = Double(ast.visits.reduce(0, +))
        for v in ast.visits { #expect(abs(Double(v) / total - 0.2) < 0.06) }
        #expect(ast.acceptedMoves > ast.proposedMoves / 5)
        #expect(abs(AdaptiveSimulatedTempering.energy(m, m.state(index: 0b10110)) - m.energy(index: 0b10110)) < 1e-12)
    }

    /// Rate, trough and peak windows of the sinusoidal background (science.md 2.1).
    @Test func oscillationWindows() {
        let o = OscillatingBackground(amplitudeHz: 2000, frequencyHz: 10)
        #expect(abs(o.excitatoryRate(atMs: 25) - 5000) < 1e-9)   // peak at a quarter period
        #expect(abs(o.excitatoryRate(atMs: 75) - 1000) < 1e-9)   // trough at three quarters
        #expect(o.contains(75, window: .trough(widthMs: 20)) && o.contains(84.9, window: .trough(widthMs: 20)))
        #expect(!o.contains(86, window: .trough(widthMs: 20)) && !o.contains(25, window: .trough(widthMs: 20)))
        #expect(o.contains(175, window: .trough(widthMs: 20)) && o.contains(25, window: .peak(widthMs: 10)))
        #expect(o.excitatoryRateRange == 1000...5000)
        let t = EffectiveTemperature.relative(neuron: .sbsDefault, background: o.background(atMs: 75), reference: .sbsDefault)
        #expect(abs(t - 0.57) < 0.02)  // science.md 3.6 table: T ≈ 0.57 at 1 kHz
        #expect(OscillatingBackground(amplitudeHz: -1, frequencyHz: 0).validate().count == 2)
    }

    /// Switch counting and the batch-means error.
    @Test func switchCounter() {
        var c = ClassSwitchCounter(batchSlots: 10)
        for label in [1, 1, 2, nil, 2, 3, 1, nil, 1, 1] as [Int?] { c.record(label) }
        #expect(c.switches == 3 && c.keptSamples == 8 && c.slots == 10 && c.batches == 1)
        #expect(c.switchesPer1000 == 300)
        let r = RateRatio(numerator: 30, numeratorError: 3, denominator: 10, denominatorError: 1)
        #expect(abs(r.value - 3) < 1e-12 && abs(r.standardError - 3 * (0.02).squareRoot()) < 1e-12)
    }

    /// Occupancy D_KL with the Laplace prior: 0-ish for matching frequencies, large for one class.
    @Test func occupancyDivergence() {
        var o = ClassOccupancy(classCount: 2)
        for _ in 0..<500 { o.add(0); o.add(1) }
        #expect(abs(o.divergence(from: [0.5, 0.5])) < 1e-12)
        var skew = ClassOccupancy(classCount: 2)
        for _ in 0..<998 { skew.add(0) }
        // q = (999/1000, 1/1000): D = ½ ln(0.5/0.999) + ½ ln(0.5/0.001)
        #expect(abs(skew.divergence(from: [0.5, 0.5]) - (0.5 * log(0.5 / 0.999) + 0.5 * log(500))) < 1e-12)
        #expect(ClassOccupancy.frequencies(ofLabels: [0, 1, 1, 1], classCount: 2) == [0.25, 0.75])
    }

    /// Pixels that flip with probability q per sample: C(Δ) = (1 − 2q)^Δ and
    /// τ_int = (1 + ρ)/(1 − ρ) = 9 for q = 0.1. 64 pixels × 2e4 samples: relative error of the
    /// τ_int estimate ≈ √(2(2M+1)/(64 n)) ≈ 3 % → tolerance 10 %.
    @Test func autocorrelationOfAMarkovImage() {
        var rng = Xoshiro256StarStar(seed: 3, stream: 9)
        var a = ImageAutocorrelation(pixelCount: 64, maxLag: 100)
        var image = (0..<64).map { _ in rng.nextUniform() < 0.5 }
        for _ in 0..<20_000 {
            for i in 0..<64 where rng.nextUniform() < 0.1 { image[i].toggle() }
            a.add(image)
        }
        let c = a.correlation
        #expect(abs(c[0] - 1) < 1e-9)
        #expect(abs(c[1] - 0.8) < 0.02 && abs(c[3] - 0.512) < 0.03)
        let tau = a.integratedTime ?? 0
        #expect(abs(tau / 9 - 1) < 0.1)
    }

    /// Free energy of the visible state: e^{−F(v)} ∝ Σ_h e^{−E(v,h)} (checked by enumeration).
    @Test func visibleFreeEnergyMatchesEnumeration() {
        let m = twoModeMachine()
        let p = BoltzmannDistribution(m).probabilities
        var marginal = Array(repeating: 0.0, count: 8)
        for s in 0..<m.stateCount { marginal[s >> 2] += p[s] }
        let f = (0..<8).map { v in m.visibleFreeEnergy(m.state(index: v << 2), visibleCount: 3) }
        let z = f.map { exp(-$0) }.reduce(0, +)
        for v in 0..<8 { #expect(abs(exp(-f[v]) / z - marginal[v]) < 1e-12) }
    }
}
