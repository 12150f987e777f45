import Foundation
import Testing
@testable import SpikeCore

/// The expected learning flow and the which-way-is-down experiment (science.md 5.1, 5.5).
@Suite struct NaturalGradientFlowTests {
    static func run(_ e: WhichWayIsDownExperiment, seconds: Double) { e.advance(by: seconds * 1000) }

    /// Deterministic (fixed input sample): the expected paths cross N·w_1 = 0 at 0.309 and 0.176
    /// for seed 1; other input samples move them by ≈ ±0.004, so the spiking tolerances apply.
    @Test func expectedPathsCrossNearTheReference() {
        let e = WhichWayIsDownExperiment(config: WhichWayIsDownConfig(seed: 1))
        Self.run(e, seconds: 1800)
        let n = e.naturalCrossing ?? .nan, u = e.euclideanCrossing ?? .nan
        print("expected flow crossing: natural \(n), Euclidean \(u)")
        #expect(abs(n - 0.30) < 0.015)
        #expect(abs(u - 0.175) < 0.01)
        // The Euclidean path is bent (L-shaped): below the straight line from start to target
        // (0.267 at N·w_1 = 0); the natural one above it, near it.
        #expect(u < 0.267 - 0.05 && abs(n - 0.267) < 0.05)
        // Both go downhill.
        let r = e.readout()
        #expect(r.figure("cost_natural_nats_per_s")! < e.flow.costPerSecond(somaticWeights: e.config.setup.initialWeights))
        #expect(r.figure("cost_euclidean_nats_per_s")! < e.flow.costPerSecond(somaticWeights: e.config.setup.initialWeights))
    }

    @Test func attenuationBendsTheEuclideanPathButNotTheNaturalOne() throws {
        let e = WhichWayIsDownExperiment(config: WhichWayIsDownConfig(seed: 1, gridColumns: 8, gridRows: 6))
        Self.run(e, seconds: 1000)
        let natural = e.naturalPath, euclidean = e.euclideanPath
        let crossing = e.naturalCrossing
        try e.setParameter("attenuation", to: 0.5)
        #expect(e.flowSeconds == 0 && e.previousEuclideanPath.count == euclidean.count)
        Self.run(e, seconds: 1000)
        #expect(e.naturalPath.count == natural.count)
        let naturalDiff = zip(natural, e.naturalPath).reduce(0.0) { max($0, abs($1.0.x - $1.1.x), abs($1.0.y - $1.1.y)) }
        let euclideanDiff = zip(euclidean, e.euclideanPath).reduce(0.0) { max($0, abs($1.0.x - $1.1.x), abs($1.0.y - $1.1.y)) }
        #expect(naturalDiff < 1e-12, "natural path moved by \(naturalDiff)")
        #expect(euclideanDiff > 0.05, "Euclidean path moved by only \(euclideanDiff)")
        #expect(e.naturalCrossing == crossing)
        // Synapse 1 learns α² = 1/4 as fast: after 1000 s it has moved less along N·w_1.
        #expect(e.euclideanPath.last!.x < euclidean.last!.x)
        #expect(throws: ParameterError.self) { try e.setParameter("attenuation", to: 50) }
        #expect(throws: ParameterError.self) { try e.setParameter("speed", to: 1) }
    }

    @Test func readoutCarriesTheLandscapeTrailsAndArrows() {
        let e = WhichWayIsDownExperiment(config: WhichWayIsDownConfig(seed: 1, gridColumns: 10, gridRows: 7))
        Self.run(e, seconds: 100)
        let r = e.readout()
        let l = r.landscapes[0]
        #expect(l.values.count == 70 && l.values.allSatisfy { $0.isFinite && $0 >= 0 })
        // The minimum of the grid's cost is at the grid point nearest the target (0.15, 0.15) or next to it.
        let minIndex = l.values.indices.min { l.values[$0] < l.values[$1] }!
        let x = -0.45 + Double(minIndex % 10) * 0.8 / 9, y = 0.65 - Double(minIndex / 10) * 0.7 / 6
        #expect(abs(x - 0.15) < 0.2 && abs(y - 0.15) < 0.2)
        #expect(l.trails.map(\.name) == ["euclidean", "natural", "arrow euclidean", "arrow natural"])
        for arrow in l.trails.suffix(2) {
            let d = (arrow.points[1].x - arrow.points[0].x, arrow.points[1].y - arrow.points[0].y)
            #expect(abs((d.0 * d.0 + d.1 * d.1).squareRoot() - 0.1) < 1e-12)
        }
        #expect(l.cursor!.x == 0.15 && l.cursor!.y == 0.15)
        #expect(r.figure("arrow_angle_deg")! > 5)
    }
}
