import Testing
@testable import SpikeCore

/// `WhichWayIsDownExperiment.readout` keeps the arrows and costs of the current weights
/// between frames; after the weights or α change it must show the new ones: the cached
/// experiment's readouts equal those of a twin that never read out in between.
@Suite struct WhichWayIsDownReadoutCacheTests {
    static func arrowsAndCosts(_ r: Readout) -> [Double] {
        let arrows = r.landscapes[0].trails.filter { $0.name.hasPrefix("arrow") }.flatMap { $0.points.flatMap { [$0.x, $0.y] } }
        return arrows + ["cost_natural_nats_per_s", "cost_euclidean_nats_per_s", "arrow_angle_deg"].map { r.figure($0) ?? .nan }
    }

    @Test func readoutFollowsSteppingAndAttenuationChanges() throws {
        let config = WhichWayIsDownConfig(seed: 1, gridColumns: 6, gridRows: 5)
        let cached = WhichWayIsDownExperiment(config: config)
        var previous = Self.arrowsAndCosts(cached.readout())
        var changes = 0
        for step in 0..<12 {
            // Half a flow step: every other advance moves the weights.
            cached.advance(by: cached.stepMs / 2)
            if step == 7 { try cached.setParameter("attenuation", to: 0.5) }
            _ = cached.readout()                      // a second readout of the same state uses the cache
            let now = Self.arrowsAndCosts(cached.readout())
            let twin = WhichWayIsDownExperiment(config: config)
            for s in 0...step {
                twin.advance(by: twin.stepMs / 2)
                if s == 7 { try twin.setParameter("attenuation", to: 0.5) }
            }
            #expect(now == Self.arrowsAndCosts(twin.readout()), "advance \(step): stale arrows or costs")
            if now != previous { changes += 1 }
            previous = now
        }
        #expect(changes >= 6, "the weights moved in only \(changes) of 12 advances")
    }
}
