import SpikeCore
import Testing
@testable import App

/// The noise-sources screen's lanes, kept while the readout's figure names and labels stay the
/// same (issue 13), equal their definition across readouts that change names, labels or count.
@Suite struct NoiseSourcesLanesMemoTests {
    static func readout(_ lanes: [(String, String)], extra: Int) -> Readout {
        var figures = lanes.map { Figure(name: "dkl_target_sampled_\($0.0)", value: 1, label: "D_KL(p*‖p) \($0.1)") }
        figures += lanes.map { Figure(name: "dkl_target_sampled_\($0.0)_1e3", value: 2, label: "table") }
        figures += (0..<extra).map { Figure(name: "f\($0)", value: Double($0), label: "figure \($0)") }
        return Readout(timeMs: 0, figures: figures)
    }

    @Test func keptLanesEqualComputedOnes() {
        let sequence: [Readout] = [
            Self.readout([("private", "private Poisson"), ("pool", "Poisson pool")], extra: 3),
            Self.readout([("private", "private Poisson"), ("pool", "Poisson pool")], extra: 3),
            Self.readout([("private", "private Poisson"), ("pool", "Poisson pool 2")], extra: 3),   // a label
            Self.readout([("private", "private Poisson"), ("network", "Poisson pool 2")], extra: 3), // a name
            Self.readout([("private", "private Poisson"), ("network", "Poisson pool 2")], extra: 4), // the count
            Self.readout([("a", "x"), ("b", "y"), ("c", "z")], extra: 0),
            Self.readout([("a", "x"), ("b", "y"), ("c", "z")], extra: 0),
        ]
        for (i, r) in sequence.enumerated() {
            let kept = NoiseSourcesScreen.lanes(r), computed = NoiseSourcesScreen.computedLanes(r.figures)
            #expect(kept.map(\.suffix) == computed.map(\.suffix) && kept.map(\.label) == computed.map(\.label), "readout \(i)")
            #expect(!computed.isEmpty)
        }
    }
}
