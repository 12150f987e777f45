import Testing
@testable import SpikeCore

/// The threaded step loop (`StepPartition`, issue 13) must compute exactly what one thread
/// computes: same spikes in the same order, same state, bit for bit, for every thread count.
@Suite("Threaded step loop")
struct ThreadedStepTests {
    /// 1600 neurons (up to four parts of ≥ 400), fixed in-degree 100 static synapses plus a sparse
    /// Tsodyks–Markram projection (per-presynaptic state updated in spike order) and a membrane
    /// recorder; the sbs Poisson background; dt = 0.1 ms.
    static func network(threads: Int) -> Network {
        let n = 1600
        var net = Network(parameters: .sbsDefault, count: n, stepMs: 0.1, seed: 21, background: .sbsDefault)
        for k in stride(from: 0, to: n, by: 7) { net.setRestingPotential(-52 + Double(k % 5), neuron: k) }
        net.addProjection(sparse: FixedInDegree.weights(count: n, inDegree: 100, weight: 0.002, seed: 4),
                          model: .static, delayMs: 0.1)
        net.addProjection(sparse: FixedInDegree.weights(count: n, inDegree: 10, weight: 0.003, seed: 5),
                          model: .tsodyksMarkram(U: 0.5, tauRec: 20, tauFac: 5), delayMs: 0.3)
        net.addMembraneRecorder(neurons: [0, 799, 1599], intervalSteps: 3, capacity: 1000)
        net.setThreads(threads)
        return net
    }

    struct Run: Equatable {
        var spikes: [Int64] = []
        var v: [Double] = [], gE: [Double] = [], gI: [Double] = [], refractory: [Int32] = []
        var recorded: [Double] = []
    }

    /// Advances in calls of different lengths (the 1-step call is too short to start threads,
    /// so threaded and one-thread calls alternate) and records every spike as step·2^16 + neuron.
    static func run(threads: Int) -> Run {
        var net = network(threads: threads)
        var out = Run()
        for steps in [700, 1, 1299, 333] {
            net.advance(steps: steps) { obs in
                for k in obs.spiked { out.spikes.append(obs.stepIndex << 16 | Int64(k)) }
            }
        }
        out.v = net.population.v
        out.gE = net.population.gE
        out.gI = net.population.gI
        out.refractory = net.population.refractorySteps
        out.recorded = net.membraneRecorders[0].samples(ofTrace: 1)
        return out
    }

    @Test("2, 3 and 4 threads give the same spikes and state as one thread, bit for bit")
    func threadCountDoesNotChangeTheResult() {
        let single = Self.run(threads: 1)
        #expect(single.spikes.count > 5_000, "too few spikes to compare: \(single.spikes.count)")
        #expect(single.spikes == single.spikes.sorted(), "spikes out of step/neuron order")
        for threads in [2, 3, 4] {
            let threaded = Self.run(threads: threads)
            let firstDifference = single.spikes.indices.first { $0 >= threaded.spikes.count || threaded.spikes[$0] != single.spikes[$0] }
            let sameSpikes = threaded.spikes == single.spikes, sameState = threaded == single
            #expect(sameSpikes, "\(threads) threads: \(threaded.spikes.count) spikes vs \(single.spikes.count), first difference at \(firstDifference.map(String.init) ?? "the end")")
            #expect(sameState, "\(threads) threads: the state differs")
        }
    }

    @Test("the loop really splits: parts of at least 400 neurons, small networks and short calls stay on one thread")
    func workersAreChosenBySize() {
        #expect(Self.network(threads: 3).stepWorkers(steps: 700) == 3)
        #expect(Self.network(threads: 4).stepWorkers(steps: 700) == 4)
        #expect(Self.network(threads: 8).stepWorkers(steps: 700) == 4)
        #expect(Self.network(threads: 2).stepWorkers(steps: 700) == 2)
        #expect(Self.network(threads: 1).stepWorkers(steps: 700) == 1)
        #expect(Self.network(threads: 2).stepWorkers(steps: 1) == 1)
        var small = Network(parameters: .sbsDefault, count: 5, stepMs: 0.1, seed: 1, background: .sbsDefault)
        small.setThreads(2)
        #expect(small.stepWorkers(steps: 1_000_000) == 1)
    }
}
