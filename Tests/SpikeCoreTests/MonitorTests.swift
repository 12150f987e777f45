import Testing
@testable import SpikeCore

@Suite("Monitors")
struct MonitorTests {
    /// Every fill level and wrap position of a small ring: contents are the last `capacity`
    /// spikes in order, and window queries agree with a brute-force filter.
    @Test func spikeRingAtEveryWrapPosition() {
        let capacity = 7
        for total in 0...(3 * capacity + 1) {
            var ring = SpikeRing(capacity: capacity)
            var all: [(Int64, Int32)] = []
            for i in 0..<total {
                let step = Int64(i / 2) * 3  // two spikes per time index, gaps between indices
                all.append((step, Int32(i % 5)))
                ring.append(step: step, neuron: Int32(i % 5))
            }
            let kept = Array(all.suffix(capacity))
            #expect(ring.count == kept.count)
            #expect(ring.totalRecorded == Int64(total))
            for (i, e) in kept.enumerated() {
                #expect(ring[i].step == e.0 && ring[i].neuron == e.1)
            }
            let maxStep = Int64(total) * 2
            for from in Int64(-1)...maxStep {
                for to in [from, from + 1, from + 4, maxStep + 1] {
                    let got = ring.spikes(fromStep: from, toStep: to)
                    let want = kept.filter { $0.0 >= from && $0.0 < to }
                    #expect(got.steps == want.map(\.0) && got.neurons == want.map(\.1))
                }
            }
        }
    }

    @Test func networkRecordsSpikesWithTimeIndices() {
        var p = drivenParameters
        p.tauRefrac = 1
        var net = Network(parameters: p, count: 2, stepMs: 0.01, seed: 1, spikeCapacity: 4)
        let spikes = spikeSteps(&net, steps: 50_000)
        #expect(spikes.count > 4)
        let stored = net.spikeMonitor.all
        #expect(stored.steps.count == 4)
        // Both neurons are identical and noiseless: each spike time appears twice.
        #expect(stored.steps == Array(spikes.suffix(2)).flatMap { [$0, $0] })
        #expect(stored.neurons == [0, 1, 0, 1])
    }

    @Test func membraneRecorderKeepsRecentSamples() {
        var rec = MembraneRecorder(neurons: [2, 0], intervalSteps: 3, capacity: 5)
        for step in 1...20 as ClosedRange<Int64> {
            rec.record(step: step, v: [Double(step), 0, -Double(step)])
        }
        // Samples at 3, 6, …, 18; the last five kept.
        #expect(rec.count == 5 && rec.firstStep == 6 && rec.lastStep == 18)
        #expect(rec.samples(ofTrace: 0) == [-6, -9, -12, -15, -18])
        #expect(rec.samples(ofTrace: 1) == [6, 9, 12, 15, 18])
        let t = rec.trace(0, label: "n2", stepMs: 0.5, windowSteps: 6, reference: -50)
        #expect(t.values == [-12, -15, -18] && t.startMs == 6 && t.intervalMs == 1.5 && t.reference == -50)
    }

    @Test func histogramAndStatistics() {
        var h = ValueHistogram(lowerEdge: -1, upperEdge: 1, binCount: 4)
        for x in [-1.0, -0.6, -0.5, 0, 0.99, 1, -2] { h.add(x) }
        #expect(h.counts == [2, 1, 1, 1] && h.below == 1 && h.above == 1)
        #expect(h.binCentre(0) == -0.75)
        var a = RunningStatistics(), b = RunningStatistics(), all = RunningStatistics()
        for i in 0..<100 {
            let x = Double(i * i % 17)
            all.add(x)
            if i < 30 { a.add(x) } else { b.add(x) }
        }
        a.merge(b)
        #expect(a.count == 100 && abs(a.mean - all.mean) < 1e-12 && abs(a.variance - all.variance) < 1e-12)
        var bm = BatchMeans(batchLength: 10)
        for i in 0..<95 { bm.add(Double(i % 10)) }
        #expect(bm.completedBatches == 9 && bm.standardErrorOfMean == 0 && abs(bm.mean - 415.0 / 95) < 1e-12)
    }
}
