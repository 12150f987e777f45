import Testing
@testable import Canvas

/// `BrailleCanvas.polyline` (issue 13 fast path: each point mapped once, storage opened once,
/// repeated single-dot segments skipped) sets exactly the dots and colours of the per-point
/// `line(from:to:color:)` / `point(x:y:color:)` calls it replaces, on random paths: dense paths
/// with many segments inside one dot, breaks, points far outside the bounds, enormous values,
/// dot mode, a continuation from a previous point, other colours already on the canvas, and
/// canvases of zero size.
@Suite struct BrailleCanvasPolylineTests {
    static func coordinate(_ g: inout TestRandom, span: Double) -> Double {
        switch g.next() % 16 {
        case 0: return .nan
        case 1: return [Double.infinity, -.infinity, 1e300, -1e300, 0, -0.0][Int(g.next() % 6)]
        case 2, 3: return (g.uniform() * 3 - 1) * span   // often outside the bounds
        default: return g.uniform() * span
        }
    }

    /// The straightforward drawing: one call per point, as LinePlot and the trails drew before.
    static func reference(_ canvas: inout BrailleCanvas, after start: (x: Double, y: Double)?, _ points: [(x: Double, y: Double)?],
                          connected: Bool, color: Color) -> (x: Double, y: Double)? {
        var previous = start
        for p in points {
            guard let p else { previous = nil; continue }
            if connected, let q = previous { canvas.line(from: q, to: p, color: color) } else { canvas.point(x: p.x, y: p.y, color: color) }
            previous = p
        }
        return previous
    }

    @Test func polylineSetsTheDotsOfLineByLineDrawing() {
        var g = TestRandom(seed: 0x9017_11E5)
        for trial in 0..<600 {
            let w = Int(g.next() % 40), h = Int(g.next() % 12)
            let span = [1.0, 10, 1e-3, 1e6][Int(g.next() % 4)]
            let x0 = (g.uniform() - 0.5) * span, y0 = (g.uniform() - 0.5) * span
            let xBounds = x0...(x0 + span * (g.next() % 8 == 0 ? 0 : g.uniform() + 0.01))
            let yBounds = y0...(y0 + span * (g.next() % 8 == 0 ? 0 : g.uniform() + 0.01))
            var start = BrailleCanvas(width: w, height: h, xBounds: xBounds, yBounds: yBounds)
            // Dots in another colour already there.
            for _ in 0..<Int(g.next() % 20) {
                start.set(dotX: Int(g.next() % 90) - 5, dotY: Int(g.next() % 50) - 5, color: .indexed(UInt8(g.next() % 256)))
            }
            let count = Int(g.next() % 400)
            let dense = g.next() % 2 == 0   // many points per dot: steps much smaller than a dot
            var walk = (x: x0 + g.uniform() * span, y: y0 + g.uniform() * span)
            let points: [(x: Double, y: Double)?] = (0..<count).map { _ in
                if g.next() % 25 == 0 { return nil }
                if dense {
                    walk.x += (g.uniform() - 0.3) * span / 400
                    walk.y += (g.uniform() - 0.5) * span / 200
                    return walk
                }
                return (Self.coordinate(&g, span: span) + x0, Self.coordinate(&g, span: span) + y0)
            }
            let previous: (x: Double, y: Double)? = g.next() % 3 == 0 ? (x0 + g.uniform() * span, y0 + g.uniform() * span) : nil
            let connected = g.next() % 5 != 0
            let color = Color.indexed(UInt8(g.next() % 256))
            var fast = start, slow = start
            let endFast = fast.polyline(after: previous, count: points.count, connected: connected, color: color) { points[$0] }
            let endSlow = Self.reference(&slow, after: previous, points, connected: connected, color: color)
            #expect(fast.masks == slow.masks && fast.colors == slow.colors,
                    "trial \(trial): \(w)x\(h), \(count) points, dense \(dense), connected \(connected)")
            #expect(endFast.map { [$0.x.bitPattern, $0.y.bitPattern] } == endSlow.map { [$0.x.bitPattern, $0.y.bitPattern] },
                    "trial \(trial): last point")
        }
    }

    /// The in-grid shortcut of the segment ends equals Liang–Barsky clipping and rounding, for
    /// ends on, just inside and just outside the grid's edges and at half-dot positions.
    @Test func segmentDotsEqualClippedDots() {
        var g = TestRandom(seed: 0x5E6D)
        var inside = 0
        for trial in 0..<20000 {
            let dw = Int(g.next() % 50), dh = Int(g.next() % 30)
            let map = DotMapping(xBounds: 0...1, yBounds: 0...1, dotWidth: dw, dotHeight: dh)
            func coordinate(_ size: Int) -> Double {
                let edges = [-0.5, Double(size) - 0.5, 0, Double(size) - 1, Double(g.next() % UInt64(size + 1)) + 0.5]
                switch g.next() % 6 {
                case 0: return edges[Int(g.next() % 5)]
                case 1: return edges[Int(g.next() % 5)].nextUp
                case 2: return edges[Int(g.next() % 5)].nextDown
                case 3: return g.uniform() * Double(size + 4) - 2
                default: return g.uniform() * (Double(size) + 1) - 0.5
                }
            }
            let p = (x: coordinate(dw), y: coordinate(dh)), q = (x: coordinate(dw), y: coordinate(dh))
            let fast = map.segmentDots(p, q), slow = map.clippedDots(p, q)
            #expect(fast.map { [$0.0.x, $0.0.y, $0.1.x, $0.1.y] } == slow.map { [$0.0.x, $0.0.y, $0.1.x, $0.1.y] },
                    "trial \(trial): \(dw)x\(dh) dots, \(p) → \(q)")
            if [p.x, q.x].allSatisfy({ $0 >= -0.5 && $0 <= Double(dw) - 0.5 }) && [p.y, q.y].allSatisfy({ $0 >= -0.5 && $0 <= Double(dh) - 0.5 }) {
                inside += 1
            }
        }
        #expect(inside > 5000, "the shortcut was taken \(inside) times")
        let halves: [Double] = [0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, 0.49999999999999994, -0.49999999999999994, 1e6 + 0.5, 3.7, -3.7]
        for x in halves + halves.map(\.nextUp) + halves.map(\.nextDown) + (0..<2000).map({ _ in g.uniform() * 400 - 200 }) {
            #expect(DotMapping.roundedSmall(x) == Int(x.rounded()), "\(x)")
        }
    }

    /// Merging a canvas (the trail layer) equals drawing its dots again in the merge colour.
    @Test func mergeEqualsSettingTheOtherCanvassDots() {
        var g = TestRandom(seed: 0x3E26E)
        for trial in 0..<200 {
            let w = Int(g.next() % 30), h = Int(g.next() % 10)
            var base = BrailleCanvas(width: w, height: h), other = BrailleCanvas(width: w, height: h)
            for _ in 0..<Int(g.next() % 60) {
                base.set(dotX: Int(g.next() % 64), dotY: Int(g.next() % 44), color: .indexed(UInt8(g.next() % 256)))
                other.set(dotX: Int(g.next() % 64), dotY: Int(g.next() % 44), color: .indexed(UInt8(g.next() % 256)))
            }
            var merged = base, drawn = base
            merged.merge(other, color: .rgb(1, 2, 3))
            for y in 0..<other.dotHeight {
                for x in 0..<other.dotWidth where other.isSet(dotX: x, dotY: y) { drawn.set(dotX: x, dotY: y, color: .rgb(1, 2, 3)) }
            }
            #expect(merged.masks == drawn.masks && merged.colors == drawn.colors, "trial \(trial)")
            var visited: [Int] = []
            merged.forEachDottedCell { i, mask, color in
                visited.append(i)
                #expect(mask == merged.mask(cellX: i % w, cellY: i / w) && color == merged.color(cellX: i % w, cellY: i / w))
            }
            #expect(visited == merged.masks.indices.filter { merged.masks[$0] != 0 }, "trial \(trial)")
        }
    }
}
