import Testing
@testable import SpikeCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Neuron 0 fires regularly (E_l above threshold), neuron 1 is a silent free probe.
func preAndPostNetwork(weight: Double, model: SynapseModel, delayMs: Double, tauRefrac: Double = 10) -> Network {
    var p = LIFParameters.sbsDefault
    p.tauRefrac = tauRefrac
    var net = Network(parameters: p, count: 2, stepMs: 0.01, seed: 1)
    net.setRestingPotential(-40, neuron: 0)
    net.setThresholdEnabled(false, neuron: 1)
    var w = DenseWeights(preCount: 2, postCount: 2)
    w[0, 1] = weight
    net.addProjection(weights: w, model: model, delayMs: delayMs)
    return net
}

@Suite("Synapses (science.md 1.8, 1.9, 3.1)")
struct SynapseTests {
    /// A spike at time index s arrives at the beginning of step s + D: the post conductance is
    /// still 0 at time index s + D and equals w (undecayed) after that step.
    @Test(arguments: [0.0, 0.01, 0.1, 0.37, 2.5])
    func delayRingDeliversAfterExactlyD(delayMs: Double) {
        var net = preAndPostNetwork(weight: 0.002, model: .static, delayMs: delayMs)
        let d = Int64((delayMs / 0.01).rounded())
        var s: Int64 = 0
        while s == 0 {
            net.step()
            if net.lastStepSpikes.contains(0) { s = net.stepIndex }
        }
        while net.stepIndex < s + d {
            #expect(net.population.gE[1] == 0)
            net.step()
        }
        #expect(net.population.gE[1] == 0)
        net.step()
        #expect(net.population.gE[1] == 0.002)
        #expect(net.population.gI[1] == 0)
    }

    @Test func negativeWeightActsOnInhibitoryReceptor() {
        var net = preAndPostNetwork(weight: -0.003, model: .static, delayMs: 0.1)
        net.advance(steps: 300)
        #expect(net.population.gE[1] == 0)
        #expect(net.population.gI[1] > 0)
        var w = DenseWeights(signed: [[0, -0.003], [0.5, 0]])
        #expect(w[0, 1] == -0.003 && w.inhibitory[1] == 0.003 && w.excitatory[1] == 0 && w[1, 0] == 0.5)
        w[0, 1] = 0.25
        #expect(w.excitatory[1] == 0.25 && w.inhibitory[1] == 0)
    }

    @Test func staticSynapsesAdd() {
        // τ_ref 0.5 ms → pre spikes every ≈ 0.5 ms, much faster than τ_syn: conductance piles up.
        var net = preAndPostNetwork(weight: 0.001, model: .static, delayMs: 0.1, tauRefrac: 0.5)
        net.advance(steps: 2000)
        #expect(net.population.gE[1] > 0.005)
    }

    /// Renewing synapse (U = 1, τ_rec = τ_syn, sbs initial state): after every arrival the
    /// conductance is exactly w, whatever the inter-spike interval (science.md 1.8 proof).
    @Test func renewingSynapseResetsConductanceToW() {
        // Unit level, random intervals, exact exponentials.
        var g = Xoshiro256StarStar(seed: 3, stream: 0)
        var state = TsodyksMarkramState.sbsInitial
        var conductance = 0.0
        var step: Int64 = 0
        let w = 0.004, tau = 10.0, dt = 0.01
        for _ in 0..<200 {
            let gap = Int64(1 + g.nextExponential(rate: 1.0 / 800))  // steps, mean ≈ 8 ms
            step += gap
            conductance *= exp(-Double(gap) * dt / tau)
            conductance += w * state.spike(atStep: step, stepMs: dt, U: 1, tauRec: tau, tauFac: 0)
            #expect(abs(conductance - w) < 1e-15)
        }
        // In a network (conductance decays step by step through the ring).
        var net = preAndPostNetwork(weight: w, model: .renewing(tauSyn: 10), delayMs: 0.1, tauRefrac: 3)
        var arrivals = 0
        var pending: [Int64] = []
        for _ in 0..<100_000 {
            net.step()
            if net.lastStepSpikes.contains(0) { pending.append(net.stepIndex + 10) }
            if let first = pending.first, net.stepIndex == first + 1 {
                pending.removeFirst()
                arrivals += 1
                #expect(abs(net.population.gE[1] / w - 1) < 1e-12)
            }
        }
        #expect(arrivals > 50)
    }

    /// Depressing TM synapse, U = 0.22, τ_rec = 50 ms, regular 100 Hz: first amplitude U·w,
    /// then toward U·x_ss·w = 0.110 w with x_ss = (1 − e^{−0.2})/(1 − 0.78 e^{−0.2}) (science.md 3.1).
    @Test func tsodyksMarkramApproachesSteadyState() {
        var state = TsodyksMarkramState.sbsInitial
        var amplitudes: [Double] = []
        for i in 0..<60 {
            amplitudes.append(state.spike(atStep: Int64(i) * 1000, stepMs: 0.01, U: 0.22, tauRec: 50, tauFac: 0))
        }
        let e = exp(-0.2)
        let steady = 0.22 * (1 - e) / (1 - 0.78 * e)
        #expect(abs(amplitudes[0] - 0.22) < 1e-15)
        #expect(abs(amplitudes[59] - steady) < 1e-12)
        #expect((steady * 1000).rounded() / 1000 == 0.110)
        #expect(zip(amplitudes.dropFirst(), amplitudes).allSatisfy { $0 < $1 })  // monotone depression
        // Same through a network: the delivered increments are w·u·x.
        var net = preAndPostNetwork(weight: 0.01, model: .tsodyksMarkram(U: 0.22, tauRec: 50, tauFac: 0),
                                    delayMs: 0.1)
        net.setRestingPotential(-20, neuron: 0)  // fires right after each refractory period: 10.01 ms
        net.advance(steps: 200_000)
        let x = net.projections[0].plasticity[0]
        let period = 10.01
        let ee = exp(-period / 50)
        let xss = (1 - ee) / (1 - 0.78 * ee)
        #expect(abs(x.x - xss) < 1e-9 && x.u == 0.22)
    }

    @Test func facilitationUsesTauFac() {
        var state = TsodyksMarkramState(x: 1, u: 0.1)
        let a = state.spike(atStep: 0, stepMs: 0.1, U: 0.1, tauRec: 100, tauFac: 500)
        let b = state.spike(atStep: 100, stepMs: 0.1, U: 0.1, tauRec: 100, tauFac: 500)
        // Second spike after 10 ms: u = U + U(1 − U)e^{−10/500} > U (facilitated).
        #expect(abs(a - 0.1) < 1e-15)
        #expect(state.u > 0.1 && abs(state.u - (0.1 + 0.1 * 0.9 * exp(-10.0 / 500))) < 1e-15)
        #expect(b == state.u * state.x)
    }

    @Test func synapseModelValidation() {
        #expect(SynapseModel.static.validate().isEmpty)
        #expect(SynapseModel.renewing(tauSyn: 10) == .tsodyksMarkram(U: 1, tauRec: 10, tauFac: 0))
        #expect(SynapseModel.tsodyksMarkram(U: 1.5, tauRec: 0, tauFac: -1).validate().count == 3)
    }

    /// Growing the ring for a longer delay keeps increments already scheduled.
    @Test func ringGrowthKeepsPendingIncrements() {
        var net = Network(parameters: .sbsDefault, count: 2, stepMs: 0.01, seed: 1)
        net.addProjection(weights: DenseWeights(preCount: 2, postCount: 2), model: .static, delayMs: 0.05)
        net.advance(steps: 3)
        net.scheduleConductance(0.7, excitatory: true, neuron: 1, arrivalStep: net.stepIndex + 4)
        net.addProjection(weights: DenseWeights(preCount: 2, postCount: 2), model: .static, delayMs: 1)
        #expect(net.ring.slotCount == 101)
        net.advance(steps: 4)
        #expect(net.population.gE[1] == 0)
        net.step()
        #expect(net.population.gE[1] == 0.7)
    }
}
