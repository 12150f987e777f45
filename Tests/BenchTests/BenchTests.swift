import Foundation
import Testing
@testable import Bench
import SpikeCore

@Suite("Benchmark workloads")
struct BenchTests {
    @Test("every catalogued network workload builds and simulates the biological time it claims")
    func workloadsRun() throws {
        for name in BenchCatalog.names where name != BenchCatalog.framesName {
            let w = try #require(try BenchCatalog.network(name, durationScale: name == "scale-10k" ? 0.001 : 0.01))
            let r = BenchRunner.run(w, repetitions: 2)
            #expect(r.repetitions == 2)
            #expect(r.wallMinS <= r.wallMedianS && r.wallMedianS <= r.wallMaxS)
            #expect(r.spikes > 0, "\(name) produced no spikes")
            #expect(abs(r.realTimeFactor - w.biologicalMs / 1000 / r.wallMedianS) < 1e-9 * r.realTimeFactor)
            #expect(r.peakMemoryMiB > 0)
        }
    }

    @Test("repetitions of a workload give the same spikes (determinism across runs)")
    func repetitionsAgree() {
        let w = NetworkWorkloads.sampling5(durationMs: 2_000)
        let a = w.prepare()(), b = w.prepare()()
        #expect(a == b)
        #expect(a > 0)
    }

    @Test("sampling-5 samples the canonical machine: firing rates near the target marginals")
    func sampling5IsTheCanonicalNetwork() {
        // p_on = rate·τ_ref; 2e4 ms gives ≈ 2000 refractory periods per neuron; the translation
        // uses the dt = 0.01 ms reference calibration at dt = 0.1 ms, so allow 0.1 per marginal.
        let w = NetworkWorkloads.sampling5(durationMs: 20_000)
        let spec = w.peerSpec!
        #expect(spec.count == 5)
        #expect(spec.connections.synapse == "renewing")
        let spikes = Double(w.prepare()())
        let meanPOn = spikes / 5 / 20_000 * LIFParameters.sbsDefault.tauRefrac
        let targetMean = [0.8037, 0.6796, 0.3935, 0.7461, 0.1546].reduce(0, +) / 5
        #expect(abs(meanPOn - targetMean) < 0.1)
    }

    @Test("digits is the dreaming scenario's trained RBM: 174 samplers, synapses only between visible and hidden units")
    func digitsIsTheTrainedDreamingMachine() throws {
        let machine = try BenchCatalog.digitsMachine()
        #expect(machine.visibleCount == 74 && machine.hiddenCount == 100)
        let w = NetworkWorkloads.digits(machine: machine, durationMs: 1_000)
        let spec = try #require(w.peerSpec)
        #expect(spec.count == 174 && w.neurons == 174)
        #expect(spec.connections.kind == "dense" && spec.connections.synapse == "renewing")
        let weights = try #require(spec.connections.weights_uS)
        let visible = 0..<74
        var withinLayer = 0, between = 0
        for i in 0..<174 {
            for j in 0..<174 where weights[i][j] != 0 {
                if visible.contains(i) == visible.contains(j) { withinLayer += 1 } else { between += 1 }
            }
        }
        #expect(withinLayer == 0)
        #expect(between > 74 * 100, "both directions of the trained weights are synapses")
        #expect(spec.v_rest == NetworkWorkloads.referenceTranslation.restingPotentials(machine.boltzmannMachine))
        #expect(w.prepare()() > 0)
    }

    @Test("the peer spec survives JSON and names the fixed-in-degree rule")
    func peerSpecJSON() throws {
        let spec = NetworkWorkloads.scale(count: 1000).peerSpec!
        let data = try JSONEncoder().encode(spec)
        let back = try JSONDecoder().decode(PeerSpec.self, from: data)
        #expect(back == spec)
        #expect(back.connections.kind == "fixed_indegree")
        #expect(back.connections.indegree == 100)
        #expect(back.count == 1000)
    }

    @Test("a peer whose simulator is missing is reported as unavailable, not as a measurement")
    func missingPeer() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("spiketty-peer-test-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "import sys\nprint('Fake is not installed', file=sys.stderr)\nsys.exit(3)\n"
            .write(to: dir.appendingPathComponent("fake.py"), atomically: true, encoding: .utf8)
        let runner = PeerRunner(scriptsDirectory: dir.path)
        let outcome = runner.run(script: "fake.py", spec: NetworkWorkloads.sampling5(durationMs: 10).peerSpec!)
        guard case .unavailable(let why) = outcome else {
            Issue.record("expected unavailable, got \(outcome)")
            return
        }
        #expect(why.contains("not installed"))
    }
}
