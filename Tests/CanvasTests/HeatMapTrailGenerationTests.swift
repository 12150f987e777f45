import Testing
@testable import Canvas

/// The trail cache's shortcut by generation (issue 13): a trail that keeps its generation is
/// extended without comparing its points, and the picture equals a fresh drawing; a trail
/// replaced by another of the same length (or a longer one that does not start with the old
/// points) under a new generation, or without one, is drawn afresh, never taken for an extension.
@Suite struct HeatMapTrailGenerationTests {
    let theme = Theme.defaultTheme.reduced(to: .palette256)

    func map(_ points: [(x: Double, y: Double)], generation: UInt64?) -> HeatMap {
        HeatMap(columns: 41, rows: 21, values: LandscapeFixtures.values, xRange: -2...2, yRange: -1.5...1.5, xTitle: "x",
                yTitle: "y", trails: [HeatMap.Trail(name: "path", points: points, generation: generation)])
    }

    func draw(_ m: HeatMap, cache: HeatMapTrailCache?) -> CellBuffer {
        var b = CellBuffer(width: 70, height: 22)
        m.render(into: &b, area: b.bounds, theme: theme, fieldCache: nil, trailCache: cache)
        return b
    }

    static let euclidean = LandscapeFixtures.descent(from: (1.8, 1.2), rate: 0.05, steps: 60, natural: false)
    static let natural = LandscapeFixtures.descent(from: (-1.8, 1.2), rate: 0.05, steps: 60, natural: true)

    @Test func sameGenerationExtendsAndDrawsAsFresh() {
        let cache = HeatMapTrailCache()
        for n in stride(from: 2, through: 60, by: 4) {
            let m = map(Array(Self.euclidean.prefix(n)), generation: 7)
            #expect(draw(m, cache: cache) == draw(m, cache: nil), "\(n) points")
        }
        #expect(cache.statistics == (extended: 14, redrawn: 1))
    }

    @Test func replacedTrailOfTheSameLengthIsRedrawn() {
        let cache = HeatMapTrailCache()
        let first = map(Array(Self.euclidean.prefix(40)), generation: 1)
        #expect(draw(first, cache: cache) == draw(first, cache: nil))
        // Another path, same number of points, new generation: drawn afresh.
        let replaced = map(Array(Self.natural.prefix(40)), generation: 2)
        #expect(draw(replaced, cache: cache) == draw(replaced, cache: nil))
        #expect(cache.statistics == (extended: 0, redrawn: 2))
        // A longer trail under a new generation whose start differs: drawn afresh too.
        var longer = Array(Self.natural.prefix(50))
        longer[0] = (0, 0)
        let other = map(longer, generation: 3)
        #expect(draw(other, cache: cache) == draw(other, cache: nil))
        #expect(cache.statistics == (extended: 0, redrawn: 3))
        // Without a generation the points decide.
        let unknown = map(Array(Self.euclidean.prefix(50)), generation: nil)
        #expect(draw(unknown, cache: cache) == draw(unknown, cache: nil))
        #expect(cache.statistics == (extended: 0, redrawn: 4))
    }

    @Test func extensionTestUsesTheGenerationOrThePoints() {
        let old = Array(Self.euclidean.prefix(30))
        func trail(_ p: [(x: Double, y: Double)], _ g: UInt64?) -> HeatMap.Trail { HeatMap.Trail(name: "t", points: p, generation: g) }
        // Same generation: an extension (and the unchanged trail) without reading the prefix.
        #expect(HeatMapTrailCache.extends(old, 5, to: trail(Array(Self.euclidean.prefix(45)), 5)))
        #expect(HeatMapTrailCache.extends(old, 5, to: trail(old, 5)))
        // Same length, other points: not an extension under a new generation or none.
        let same = Array(Self.natural.prefix(30))
        #expect(!HeatMapTrailCache.extends(old, 5, to: trail(same, 6)))
        #expect(!HeatMapTrailCache.extends(old, nil, to: trail(same, nil)))
        #expect(!HeatMapTrailCache.extends(old, 5, to: trail(same, nil)))
        // Fewer points, or a changed last point, never.
        #expect(!HeatMapTrailCache.extends(old, 5, to: trail(Array(old.prefix(29)), 5)))
        #expect(!HeatMapTrailCache.extends(old, 5, to: trail(same, 5)))
        // A new generation with the same points (say a thinned path that happens to match) is still found by comparing.
        #expect(HeatMapTrailCache.extends(old, 5, to: trail(Array(Self.euclidean.prefix(40)), 9)))
    }
}
