import Testing
@testable import SpikeCore

/// The engine's non-finite checks name the variable and the neuron (issue 12).
@Suite struct NumericalGuardTests {
    @Test func networkNamesTheNonFiniteMembranePotential() {
        var net = Network(parameters: LIFParameters.sbsDefault, count: 5, stepMs: 0.1, seed: 1)
        net.advance(steps: 10)
        #expect(net.nonFiniteState() == nil)
        net.setMembranePotential(.nan, neuron: 3)
        let found = net.nonFiniteState()
        #expect(found?.0 == "membrane potential v (mV) of neuron[3]")
        #expect(found?.1.isNaN == true)
    }

    @Test func networkNamesTheNonFiniteConductance() {
        var net = Network(parameters: LIFParameters.sbsDefault, count: 4, stepMs: 0.1, seed: 1)
        net.setConductances(excitatory: .infinity, inhibitory: 0, neuron: 2)
        #expect(net.nonFiniteState()?.0 == "excitatory conductance gE (µS) of neuron[2]")
    }

    @Test func readoutNamesTheSpikeTime() {
        var r = Readout(timeMs: 10)
        #expect(r.firstNonFinite() == nil)
        r.raster = Raster(neuronCount: 2, startMs: 0, endMs: 10, spikeTimesMs: [1, .infinity], spikeNeurons: [0, 1])
        #expect(r.firstNonFinite()?.0 == "spike time (ms)[1]")
        // Gaps in series are NaN by design and not a fault.
        r.raster = nil
        r.series = [Series(name: "loss", points: [(0, .nan)])]
        #expect(r.firstNonFinite() == nil)
    }
}
