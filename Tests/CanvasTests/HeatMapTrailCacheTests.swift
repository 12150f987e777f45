import Canvas
import Testing

/// Trails drawn from the trail cache (extended by their new points) must look exactly like
/// trails drawn afresh, frame after frame, also when a trail is replaced, shrinks, crosses
/// another one or the plot changes size (issue 13, frame target).
@Suite("Heat map trail cache")
struct HeatMapTrailCacheTests {
    let theme = Theme.defaultTheme.reduced(to: .palette256)

    func map(_ a: [(x: Double, y: Double)], _ b: [(x: Double, y: Double)], yRange: ClosedRange<Double> = -1.5...1.5) -> HeatMap {
        HeatMap(columns: 41, rows: 21, values: LandscapeFixtures.values, xRange: -2...2, yRange: yRange, xTitle: "x",
                yTitle: "y", trails: [HeatMap.Trail(name: "first", points: a), HeatMap.Trail(name: "second", points: b),
                                      HeatMap.Trail(name: "dots", points: a.suffix(5), connected: false)],
                cursor: (0.5, 0.2))
    }

    func draw(_ m: HeatMap, trails: HeatMapTrailCache?, width: Int = 70, height: Int = 22) -> CellBuffer {
        var b = CellBuffer(width: width, height: height)
        m.render(into: &b, area: b.bounds, theme: theme, fieldCache: nil, trailCache: trails)
        return b
    }

    @Test func growingCrossingTrailsEqualFreshlyDrawnOnes() {
        let cache = HeatMapTrailCache()
        let fullA = LandscapeFixtures.descent(from: (1.8, 1.2), rate: 0.05, steps: 60, natural: false)
        var fullB = LandscapeFixtures.descent(from: (-1.8, 1.2), rate: 0.05, steps: 60, natural: true)
        fullB[30] = (.nan, .nan)   // a break in the second trail
        for n in stride(from: 1, through: 60, by: 3) {
            let m = map(Array(fullA.prefix(n)), Array(fullB.prefix(n)))
            #expect(draw(m, trails: cache) == draw(m, trails: nil), "frame with \(n) points")
        }
        #expect(cache.statistics.extended > 30, "the trails were not extended from the cache: \(cache.statistics)")

        // Replaced (a changed early point), shrunk, other bounds, other size: drawn afresh, same picture.
        var moved = fullA
        moved[2] = (0, 0)
        let cases = [map(moved, fullB), map(Array(fullA.prefix(10)), fullB), map(fullA, fullB, yRange: -1...2)]
        for m in cases { #expect(draw(m, trails: cache) == draw(m, trails: nil)) }
        let last = map(fullA, fullB)
        #expect(draw(last, trails: cache, width: 50, height: 18) == draw(last, trails: nil, width: 50, height: 18))
    }
}
