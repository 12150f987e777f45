import Testing
@testable import SpikeCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A current-driven neuron well above threshold (V_∞ = −45 mV), no synapses, no noise.
let drivenParameters = LIFParameters(cm: 0.2, tauM: 20, eRevE: 0, eRevI: -100, vThresh: -50, vReset: -65,
                                     vRest: -65, tauSynE: 5, tauSynI: 5, tauRefrac: 2, iOffset: 0.2)

/// Runs a network and returns the time indices of neuron 0's spikes.
func spikeSteps(_ net: inout Network, steps: Int, neuron: Int32 = 0) -> [Int64] {
    var out: [Int64] = []
    for _ in 0..<steps {
        net.step()
        if net.lastStepSpikes.contains(neuron) { out.append(net.stepIndex) }
    }
    return out
}

@Suite("LIF neuron (science.md 1.2, 1.9)")
struct NeuronTests {
    @Test func sbsDefaultsAreTheReferenceConfiguration() {
        let p = LIFParameters.sbsDefault
        #expect(p.cm == 0.2 && p.tauM == 1.0 && p.eRevE == 0 && p.eRevI == -100)
        #expect(p.vThresh == -50 && p.vReset == -50.001 && p.vRest == -50)
        #expect(p.tauSynE == 10 && p.tauSynI == 10 && p.tauRefrac == 10 && p.iOffset == 0)
        #expect(abs(p.gLeak - 0.2) < 1e-15)
        #expect(p.validate().isEmpty)
    }

    @Test func validateReportsProblems() {
        var p = LIFParameters.sbsDefault
        p.tauM = 0
        p.vReset = -40
        p.eRevI = 10
        let problems = p.validate()
        #expect(problems.count == 3)
        #expect(problems.contains { $0.contains("tauM") })
        #expect(problems.contains { $0.contains("vReset") })
        #expect(problems.contains { $0.contains("eRevI") })
    }

    /// Constant current, no noise: inter-spike interval = R + ⌈T_free/dt⌉ steps exactly
    /// (exponential Euler is exact for constant conductance), and the rate agrees with the
    /// continuous-time 1/(τ_ref + τ_m ln((V_∞ − V_reset)/(V_∞ − V_th))) to within one step.
    @Test func constantCurrentFiresAtAnalyticRate() {
        let p = drivenParameters
        let dt = 0.01
        var net = Network(parameters: p, count: 1, stepMs: dt, seed: 1)
        net.setMembranePotential(p.vReset, neuron: 0)
        let spikes = spikeSteps(&net, steps: 200_000)
        let period = LIFConstantInputTheory.periodSteps(p, stepMs: dt)!
        #expect(spikes.count > 50)
        let isis = zip(spikes.dropFirst(), spikes).map { $0 - $1 }
        #expect(isis.allSatisfy { $0 == Int64(period) }, "ISIs \(Set(isis)) vs \(period) steps")
        let continuous = 1000 / LIFConstantInputTheory.rateHz(p)  // ms
        #expect(abs(Double(period) * dt - continuous) <= dt)
        // T_free = 20 ln(20/5) = 27.73 ms, τ_ref = 2 ms → 33.6 Hz.
        #expect(abs(LIFConstantInputTheory.rateHz(p) - 1000 / (2 + 20 * log(4.0))) < 1e-12)
    }

    /// The membrane between spikes follows V_n = V_∞ + (V_0 − V_∞) e^{−n dt/τ_m} (exact solution).
    @Test func freeTrajectoryIsExactSolution() {
        let p = drivenParameters
        var net = Network(parameters: p, count: 1, stepMs: 0.01, seed: 1)
        net.setThresholdEnabled(false, neuron: 0)
        let vInf = LIFConstantInputTheory.vInfinity(p)
        for n in 1...3000 {
            net.step()
            let exact = vInf + (p.vRest - vInf) * exp(-Double(n) * 0.01 / p.tauM)
            if n % 500 == 0 { #expect(abs(net.population.v[0] - exact) < 1e-11) }
        }
    }

    /// Checks that a series form of the exponential-Euler step equals the exp form
    /// V_∞ + (V − V_∞)·e^{−x} to within `ulps` ulp at `points` + 1 values of x in [0, `limit`].
    static func expectSeriesMatchesExp(limit: Double, points: Int, ulps: Double,
                                       step: (_ v: Double, _ drive: Double, _ g: Double, _ dtOverC: Double) -> Double) {
        for i in 0...points {
            let x = limit * Double(i) / Double(points)
            let g = 0.26, dtOverC = x / g, drive = -13.0
            let v = -51.3
            let series = step(v, drive, g, dtOverC)
            let vInf = drive / g
            let reference = vInf + (v - vInf) * exp(-x)
            #expect(abs(series - reference) <= ulps * reference.ulp.magnitude, "x = \(x)")
        }
    }

    /// The division-free series form of the exponential-Euler step equals the exp form to
    /// rounding over its whole range of x = dt g/C_m.
    @Test func exponentialEulerSeriesMatchesExp() {
        Self.expectSeriesMatchesExp(limit: ExponentialEuler.seriesLimit, points: 500, ulps: 4) {
            ExponentialEuler.seriesStep(v: $0, drive: $1, conductance: $2, dtOverC: $3)
        }
    }

    /// The degree-15 series used for 0.25 < x ≤ 0.5 equals the exp form to a few ulp over its
    /// whole range.
    @Test func exponentialEulerWideSeriesMatchesExp() {
        Self.expectSeriesMatchesExp(limit: ExponentialEuler.wideSeriesLimit, points: 1000, ulps: 8) {
            ExponentialEuler.wideSeriesStep(v: $0, drive: $1, conductance: $2, dtOverC: $3)
        }
    }

    /// The degree-11 series used for 0.05 < x ≤ 0.25 (dt = 0.1 ms with the sbs defaults) equals
    /// the exp form to a few ulp over its whole range, and its φ agrees with the degree-15 one to
    /// two ulp (its truncation error, < 1e−17, is below rounding).
    @Test func exponentialEulerMidSeriesMatchesExp() {
        Self.expectSeriesMatchesExp(limit: ExponentialEuler.midSeriesLimit, points: 1000, ulps: 8) {
            ExponentialEuler.midSeriesStep(v: $0, drive: $1, conductance: $2, dtOverC: $3)
        }
        for i in 0...1000 {
            let x = ExponentialEuler.midSeriesLimit * Double(i) / 1000
            let phi = ExponentialEuler.midPhi(x)
            #expect(abs(phi - ExponentialEuler.widePhi(x)) <= 2 * phi.ulp, "x = \(x)")
        }
    }

    @Test func conductancesDecayExponentially() {
        var net = Network(parameters: .sbsDefault, count: 1, stepMs: 0.01, seed: 1)
        net.setThresholdEnabled(false, neuron: 0)
        net.setConductances(excitatory: 0.01, inhibitory: 0.02, neuron: 0)
        net.advance(steps: 1234)
        let factor = exp(-12.34 / 10)
        #expect(abs(net.population.gE[0] / (0.01 * factor) - 1) < 1e-12)
        #expect(abs(net.population.gI[0] / (0.02 * factor) - 1) < 1e-12)
    }

    /// After a spike at time index s the neuron is clamped at V_reset over [t_s, t_s + τ_ref]
    /// and z = 1 exactly for time indices s … s + R − 1 (R = τ_ref/dt), i.e. t − t_spike < τ_ref;
    /// conductances keep decaying meanwhile; then it integrates again.
    @Test func refractoryClampAndZState() {
        var p = drivenParameters
        p.tauRefrac = 0.5
        let dt = 0.01
        let r = 50
        var net = Network(parameters: p, count: 1, stepMs: dt, seed: 1)
        var s: Int64 = 0
        while s == 0 {
            net.step()
            if net.lastStepSpikes.contains(0) { s = net.stepIndex }
        }
        net.setConductances(excitatory: 0.005, inhibitory: 0, neuron: 0)
        #expect(net.z(0) && net.zStates == [true])
        #expect(net.population.v[0] == p.vReset)
        for i in 1..<r {
            net.step()
            #expect(net.stepIndex == s + Int64(i))
            #expect(net.z(0))
            #expect(net.population.v[0] == p.vReset)
        }
        #expect(abs(net.population.gE[0] / (0.005 * exp(-Double(r - 1) * dt / p.tauSynE)) - 1) < 1e-12)
        net.step()  // time index s + R: z = 0, V still V_reset (clamped over [t_s, t_s + τ_ref])
        #expect(!net.z(0))
        #expect(net.population.v[0] == p.vReset)
        net.step()  // integrating again
        #expect(net.population.v[0] > p.vReset)
    }
}

@Suite struct StepBudgetTests {
    /// 30 frames of 1/30 s at dt = 0.1 ms are exactly 10 000 steps, whatever the rounding.
    @Test func fractionsCarryOverAndAddUp() {
        var budget = StepBudget()
        var total = 0
        for _ in 0..<30 { total += budget.steps(for: 1000.0 / 30, stepMs: 0.1) }
        #expect(total == 10_000)
        #expect(budget.steps(for: 0.05, stepMs: 0.1) == 0)
        #expect(budget.steps(for: 0.05, stepMs: 0.1) == 1)
        #expect(budget.steps(for: -1, stepMs: 0.1) == 0)
    }
}
