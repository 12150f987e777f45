import Canvas
import Testing

/// The cached field layer must draw exactly what an uncached render draws, and must be
/// recomputed whenever anything it depends on changes (issue 13, frame target).
@Suite("Heat map field cache")
struct HeatMapFieldCacheTests {
    let theme = Theme.defaultTheme.reduced(to: .palette256)

    func map(_ values: [Double], contours: HeatMap.Contours = .count(5), trail: Bool = true) -> HeatMap {
        let points = LandscapeFixtures.descent(from: (1.8, 1.2), rate: 0.05, steps: 30, natural: false)
        return HeatMap(columns: 41, rows: 21, values: values, xRange: -2...2, yRange: -1.5...1.5, xTitle: "x", yTitle: "y",
                       contours: contours, trails: trail ? [HeatMap.Trail(name: "path", points: points)] : [],
                       cursor: (0.5, 0.2))
    }

    func draw(_ m: HeatMap, cache: HeatMapFieldCache?, width: Int = 70, height: Int = 22, theme: Theme? = nil) -> CellBuffer {
        var b = CellBuffer(width: width, height: height)
        m.render(into: &b, area: b.bounds, theme: theme ?? self.theme, fieldCache: cache)
        return b
    }

    @Test func cachedFramesEqualUncachedOnes() {
        let cache = HeatMapFieldCache()
        let m = map(LandscapeFixtures.values)
        let fresh = draw(m, cache: nil)
        #expect(draw(m, cache: cache) == fresh)
        #expect(draw(m, cache: cache) == fresh)
        #expect(cache.statistics.hits == 1 && cache.statistics.misses == 1)
    }

    @Test func trailsMoveOverAnUnchangedField() {
        // Only the trail changes between frames: the field comes from the cache, the trail is new.
        let cache = HeatMapFieldCache()
        var m = map(LandscapeFixtures.values)
        _ = draw(m, cache: cache)
        m.trails = [HeatMap.Trail(name: "path", points: LandscapeFixtures.descent(from: (-1.5, -1), rate: 0.05, steps: 40,
                                                                                   natural: true))]
        m.cursor = (-1, 0)
        #expect(draw(m, cache: cache) == draw(m, cache: nil))
        #expect(cache.statistics.hits == 1)
    }

    @Test func changedSamplesAreRecomputed() {
        // A live parameter that changes the landscape: the next frame must show the new field.
        let cache = HeatMapFieldCache()
        _ = draw(map(LandscapeFixtures.values), cache: cache)
        let tilted = HeatMap.grid(columns: 41, rows: 21, xRange: -2...2, yRange: -1.5...1.5) { x, y in
            LandscapeFixtures.doubleWell(x, y) - 0.9 * x
        }
        let after = draw(map(tilted), cache: cache)
        #expect(after == draw(map(tilted), cache: nil))
        #expect(after != draw(map(LandscapeFixtures.values), cache: nil))
        #expect(cache.statistics.misses == 2)
        // A single sample nudged by one ulp is a different field too.
        var nudged = tilted
        nudged[300] = nudged[300].nextUp
        _ = draw(map(nudged), cache: cache)
        #expect(cache.statistics.misses == 3)
    }

    @Test func sizeContoursAndThemeAreInTheKey() {
        let cache = HeatMapFieldCache()
        let values = LandscapeFixtures.values
        _ = draw(map(values), cache: cache)
        #expect(draw(map(values), cache: cache, width: 60) == draw(map(values), cache: nil, width: 60))
        #expect(draw(map(values, contours: .count(2)), cache: cache) == draw(map(values, contours: .count(2)), cache: nil))
        let mono = Theme.defaultTheme.reduced(to: .ansi16)
        #expect(draw(map(values), cache: cache, theme: mono) == draw(map(values), cache: nil, theme: mono))
        #expect(cache.statistics.misses == 4 && cache.statistics.hits == 0)
    }

    @Test func nanHolesStillHit() {
        // NaN != NaN, so samples are compared bit for bit; a field with holes is found again.
        let cache = HeatMapFieldCache()
        var values = LandscapeFixtures.values
        for i in stride(from: 0, to: values.count, by: 7) { values[i] = .nan }
        let fresh = draw(map(values), cache: nil)
        #expect(draw(map(values), cache: cache) == fresh)
        #expect(draw(map(values), cache: cache) == fresh)
        #expect(cache.statistics.hits == 1)
    }

    @Test func leastRecentlyUsedLayerIsDropped() {
        let cache = HeatMapFieldCache(capacity: 2)
        let fields = (0..<3).map { k in
            HeatMap.grid(columns: 41, rows: 21, xRange: -2...2, yRange: -1.5...1.5) { x, y in
                LandscapeFixtures.doubleWell(x, y) + 0.3 * Double(k) * y
            }
        }
        for f in fields { _ = draw(map(f), cache: cache) }          // 3 misses; fields[0] dropped
        _ = draw(map(fields[2]), cache: cache)                      // hit
        _ = draw(map(fields[0]), cache: cache)                      // miss again
        #expect(cache.statistics.hits == 1 && cache.statistics.misses == 4)
    }
}
