import Testing
@testable import SpikeCore

/// Landscape trails keep their `TrailGeneration` only while they grow by appending (issue 13:
/// the heat map's trail cache trusts it instead of comparing the points): every readout whose
/// trail kept its generation starts with the previous readout's points, bit for bit; thinning,
/// a restart or a new previous path takes a fresh generation, unique in the process.
@Suite struct TrailGenerationTests {
    typealias Points = [(x: Double, y: Double)]

    static func isPrefix(_ a: Points, of b: Points) -> Bool {
        a.count <= b.count && zip(a, b).allSatisfy { $0.x.bitPattern == $1.x.bitPattern && $0.y.bitPattern == $1.y.bitPattern }
    }

    @Test func generationsAreUnique() {
        let values = (0..<1000).map { _ in TrailGeneration.next() }
        #expect(Set(values).count == values.count && !values.contains(0))
    }

    @Test func trainerPathsKeepTheirGenerationOnlyWhileAppended() {
        // A path point every step and room for 16: thinned 2:1 several times.
        var trainer = NaturalGradientTrainer(setup: .figure3DE, learners: [("e", .euclidean, nil), ("n", .natural, nil)], seed: 3,
                                             evaluationSeconds: 100, pathSeconds: 0.0005, pathCapacity: 16)
        let other = NaturalGradientTrainer(setup: .figure3DE, learners: [("e", .euclidean, nil)], seed: 3)
        #expect(!trainer.tracks.map(\.pathGeneration).contains(other.tracks[0].pathGeneration))
        #expect(Set(trainer.tracks.map(\.pathGeneration)).count == 2)
        var kept = 0, renewed = 0
        for _ in 0..<200 {
            let before = trainer.tracks
            trainer.advance(steps: 1)
            for (old, new) in zip(before, trainer.tracks) {
                if old.pathGeneration == new.pathGeneration {
                    #expect(Self.isPrefix(old.path, of: new.path))
                    kept += 1
                } else {
                    #expect(!Self.isPrefix(old.path, of: new.path))
                    renewed += 1
                }
            }
        }
        #expect(kept > 300 && renewed >= 4, "kept \(kept), renewed \(renewed)")
    }

    @Test func naturalGradientReadoutCarriesTheGenerations() {
        let e = NaturalGradientExperiment(config: NaturalGradientConfig())
        e.advance(by: 2000)
        let a = e.readout().landscapes[0]
        e.advance(by: 2000)
        let b = e.readout().landscapes[0]
        #expect(a.trailGenerations.count == a.trails.count && b.trailGenerations.count == b.trails.count)
        for k in a.trails.indices where a.trailGeneration(k) == b.trailGeneration(k) {
            #expect(Self.isPrefix(a.trails[k].points, of: b.trails[k].points))
        }
    }

    @Test func whichWayIsDownRenewsOnRestart() throws {
        let e = WhichWayIsDownExperiment(config: WhichWayIsDownConfig(seed: 1, gridColumns: 6, gridRows: 5))
        func paths(_ l: Landscape) -> [String: (Points, UInt64?)] {
            Dictionary(uniqueKeysWithValues: l.trails.indices.map { (l.trails[$0].name, (l.trails[$0].points, l.trailGeneration($0))) })
        }
        e.advance(by: 5 * e.stepMs)
        let first = paths(e.readout().landscapes[0])
        e.advance(by: 5 * e.stepMs)
        let second = paths(e.readout().landscapes[0])
        for name in ["euclidean", "natural"] {
            #expect(first[name]!.1 == second[name]!.1)
            #expect(Self.isPrefix(first[name]!.0, of: second[name]!.0) && second[name]!.0.count > first[name]!.0.count)
        }
        // The arrows are replaced at every readout.
        #expect(first["arrow natural"]!.1 != second["arrow natural"]!.1)
        try e.setParameter("attenuation", to: 0.5)
        e.advance(by: 5 * e.stepMs)
        let third = paths(e.readout().landscapes[0])
        for name in ["euclidean", "natural"] { #expect(third[name]!.1 != second[name]!.1) }
        let previous = try #require(third["euclidean, previous α"])
        #expect(previous.1 != nil && previous.1 != second["euclidean"]!.1)
    }
}
