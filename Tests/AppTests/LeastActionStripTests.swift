import Canvas
import SpikeCore
import Testing
@testable import App

/// The least-action heat strip in whole bins anchored to absolute time (issue 13): later frames
/// show the same cells moved left by whole columns, each column is the mean of the hidden rates
/// sampled in its bin (checked against rates recorded from the network while it ran), and the
/// strip covers the window.
@Suite struct LeastActionStripTests {
    /// The strip drawn into a fresh buffer, in `area`.
    static func strip(_ readout: Readout, capacity: Int, area: Rect) -> CellBuffer {
        var b = CellBuffer(width: area.maxX + 2, height: area.maxY + 1)
        LeastActionPanels.heatStrip(readout, capacity: capacity, range: -1...1, into: &b, area: area, theme: Theme.builtInDefault)
        return b
    }

    @Test func binsFollowAbsoluteSampleNumbers() {
        // 200 samples into 108 cells: stride 2, 99 columns; only complete bins.
        let even = StripBins(samples: 200, newestSample: 1000, capacity: 200, width: 108, spacingMs: 0.5)
        #expect(even.stride == 2 && even.count == 99)
        #expect(even.firstBin == 401 && even.firstSample == 1)   // samples 802, 803 of 801...1000
        #expect(even.timeMs(ofColumn: 98) == 499...499.5)        // sample 1000 waits for 1001
        let odd = StripBins(samples: 200, newestSample: 1001, capacity: 200, width: 108, spacingMs: 0.5)
        #expect(odd.count == 99 && odd.firstBin == 402 && odd.firstSample == 2)
        #expect(odd.timeMs(ofColumn: 98) == 500...500.5)
        // While the ring fills (samples 1...n), the strip grows to the left.
        let filling = StripBins(samples: 41, newestSample: 41, capacity: 200, width: 108, spacingMs: 0.5)
        #expect(filling.count == 20 && filling.firstBin == 1 && filling.firstSample == 1)
        // A wide strip shows every sample; a narrow one larger bins.
        let wide = StripBins(samples: 200, newestSample: 777, capacity: 200, width: 250, spacingMs: 0.5)
        #expect(wide.stride == 1 && wide.count == 200 && wide.firstSample == 0)
        let narrow = StripBins(samples: 200, newestSample: 777, capacity: 200, width: 47, spacingMs: 0.5)
        #expect(narrow.stride == 5 && narrow.count == 39 && (narrow.firstBin + narrow.count) * 5 - 1 <= 777)
    }

    @Test func columnsAreBinMeansOfTheRatesAtTheirTimes() throws {
        // 0.5 ms per sample (100 steps of 5 µs), a ring of 20; 3 hidden units.
        let config = LeastActionConfig(hiddenUnits: 3, traceWindowMs: 10, heatColumns: 20)
        let e = LeastActionExperiment(config: config)
        var rates: [Int: [Double]] = [:]   // sample number → rates of the hidden units
        for k in 1...53 {
            e.advance(steps: 100)
            rates[k] = Array(e.network.rate[e.network.neurons(ofLayer: 1)])
        }
        e.advance(steps: 37)
        let t = e.timeMs
        let l = try #require(e.readout().landscapes.first)
        let bins = try #require(StripBins(l, capacity: 20, width: 7))
        #expect(bins.stride == 3 && bins.count == 6)
        #expect(abs(bins.spacingMs - 0.5) < 1e-12)
        let last = bins.timeMs(ofColumn: bins.count - 1)
        #expect(last.upperBound <= t && last.upperBound > t - 3 * 0.5, "newest column ends at \(last.upperBound) ms, now \(t) ms")
        let values = bins.values(l)
        for c in 0..<bins.count {
            let span = bins.timeMs(ofColumn: c)
            let samples = Int((span.lowerBound / 0.5).rounded())...Int((span.upperBound / 0.5).rounded())
            #expect(samples.count == 3)
            for r in 0..<3 {
                let mean = samples.map { rates[$0]![r] }.reduce(0, +) / 3
                #expect(abs(values[r * bins.count + c] - mean) < 1e-12, "column \(c) unit \(r)")
            }
        }
        // The columns cover the window but for less than one bin.
        #expect(Double(bins.count * bins.stride) * 0.5 >= config.traceWindowMs - 3 * 0.5)
    }

    @Test func laterFramesShiftTheSameCellsByWholeColumns() throws {
        let e = LeastActionExperiment(config: LeastActionConfig())   // the scenario's: 200 samples, 0.5 ms apart
        let capacity = 200
        // While the ring fills and once it is full; advances of whole and partial bins.
        for (start, step) in [(21.3, 2.6), (130.0, 3.0), (2.7, 4.1)] {
            e.advance(by: start)
            for area in [Rect(x: 1, y: 1, width: 108, height: 12), Rect(x: 3, y: 2, width: 47, height: 8)] {
                let r1 = e.readout()
                let b1 = Self.strip(r1, capacity: capacity, area: area)
                let l1 = try #require(r1.landscapes.first)
                let bins1 = try #require(StripBins(l1, capacity: capacity, width: area.width))
                e.advance(by: step)
                let r2 = e.readout()
                let b2 = Self.strip(r2, capacity: capacity, area: area)
                let l2 = try #require(r2.landscapes.first)
                let bins2 = try #require(StripBins(l2, capacity: capacity, width: area.width))
                let shift = bins2.firstBin + bins2.count - (bins1.firstBin + bins1.count)
                #expect(shift > 0 && shift < area.width / 4, "moved by \(shift) columns")
                #expect(b1 != b2)
                var same = 0
                for y in area.y..<area.maxY {
                    for x in (area.maxX - bins2.count)..<(area.maxX - shift) where x + shift >= area.maxX - bins1.count {
                        #expect(b2[x, y] == b1[x + shift, y], "(\(x), \(y)) after \(start) + \(step) ms")
                        same += 1
                    }
                }
                #expect(same >= (min(bins1.count, bins2.count) - shift) * area.height)
            }
        }
    }
}
