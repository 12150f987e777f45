/// The world → dot mapping of a `BrailleCanvas` (ratatui's `Painter::get_point`, see
/// BrailleCanvas), one definition for the canvas's own methods and for `polyline`, so both map
/// every point bit for bit alike.
struct DotMapping {
    let xBounds: ClosedRange<Double>
    let yBounds: ClosedRange<Double>
    let dotWidth: Int
    let dotHeight: Int

    /// The fractional dot position of a world point (may lie outside the grid; nil when not finite).
    func unclampedDot(x: Double, y: Double) -> (x: Double, y: Double)? {
        guard x.isFinite, y.isFinite else { return nil }
        let xs = xBounds.upperBound - xBounds.lowerBound
        let ys = yBounds.upperBound - yBounds.lowerBound
        let px = xs > 0 ? (x - xBounds.lowerBound) * Double(dotWidth - 1) / xs : 0
        let py = ys > 0 ? (yBounds.upperBound - y) * Double(dotHeight - 1) / ys : Double(dotHeight - 1)
        return (px, py)
    }

    /// The dot for a world point, or nil when it lies outside the bounds (or is not finite).
    func dot(x: Double, y: Double) -> (x: Int, y: Int)? {
        guard xBounds.contains(x), yBounds.contains(y), dotWidth > 0, dotHeight > 0,
              let p = unclampedDot(x: x, y: y) else { return nil }
        let px = min(max(0, p.x.rounded()), Double(dotWidth - 1))
        let py = min(max(0, p.y.rounded()), Double(dotHeight - 1))
        return (Int(px), Int(py))
    }

    /// The end dots of the segment between two fractional dot positions, clipped to the grid
    /// (Liang–Barsky, `BrailleCanvas.clip`) and rounded; nil when nothing of it is visible.
    func clippedDots(_ p: (x: Double, y: Double), _ q: (x: Double, y: Double)) -> ((x: Int, y: Int), (x: Int, y: Int))? {
        guard dotWidth > 0, dotHeight > 0,
              let clipped = BrailleCanvas.clip(p, q, maxX: Double(dotWidth) - 0.5, maxY: Double(dotHeight) - 0.5)
        else { return nil }
        return ((Int(clipped.0.x.rounded()), Int(clipped.0.y.rounded())), (Int(clipped.1.x.rounded()), Int(clipped.1.y.rounded())))
    }

    /// `clippedDots(p, q)`, with a shortcut for segments inside the grid: when both ends lie in
    /// [−0.5, dotWidth − 0.5] × [−0.5, dotHeight − 0.5], Liang–Barsky keeps t0 = 0 and t1 = 1
    /// (every ratio it forms is ≤ 0 or ≥ 1, as floating-point subtraction and division are
    /// monotonic), so the ends are `p + 0·d` and `p + 1·d` clamped, computed here the same way,
    /// and rounded half away from zero without a libm call (`roundedSmall`). Tested against
    /// `clippedDots` (BrailleCanvasPolylineTests).
    func segmentDots(_ p: (x: Double, y: Double), _ q: (x: Double, y: Double)) -> ((x: Int, y: Int), (x: Int, y: Int))? {
        let maxX = Double(dotWidth) - 0.5, maxY = Double(dotHeight) - 0.5
        guard dotWidth > 0, dotHeight > 0, p.x >= -0.5, p.x <= maxX, p.y >= -0.5, p.y <= maxY,
              q.x >= -0.5, q.x <= maxX, q.y >= -0.5, q.y <= maxY
        else { return clippedDots(p, q) }
        let dx = q.x - p.x, dy = q.y - p.y
        let t0 = 0.0, t1 = 1.0
        let a = (x: min(max(p.x + t0 * dx, -0.5), maxX), y: min(max(p.y + t0 * dy, -0.5), maxY))
        let b = (x: min(max(p.x + t1 * dx, -0.5), maxX), y: min(max(p.y + t1 * dy, -0.5), maxY))
        return ((Self.roundedSmall(a.x), Self.roundedSmall(a.y)), (Self.roundedSmall(b.x), Self.roundedSmall(b.y)))
    }

    /// `Int(x.rounded())` (half away from zero) for |x| < 2⁵¹: the truncation and the exact
    /// remainder `x − trunc(x)` decide it.
    @inline(__always)
    static func roundedSmall(_ x: Double) -> Int {
        let i = Int(x)
        let f = x - Double(i)
        return f >= 0.5 ? i + 1 : (f <= -0.5 ? i - 1 : i)
    }
}

extension BrailleCanvas {
    /// Draws the points `point(0)`, …, `point(count − 1)` in order, as a plot or a trail does one
    /// by one: each point joined to the one before by `line(from:to:color:)` when `connected`
    /// and there is one before, else `point(x:y:color:)`; a nil point breaks the line. `start`
    /// is the point before the first (nil: none). Returns the last point (nil after a break),
    /// where a continuation starts.
    ///
    /// The same dots and colours as those calls (issue 13: lines are most of a plot's drawing),
    /// with less work: each point is mapped to dots once instead of once per segment end, the
    /// canvas storage is opened once per call instead of once per segment, segments inside
    /// the grid skip the general clipping (`DotMapping.segmentDots`), and a segment that
    /// lies in the dot the previous one ended in (set in `color`, nothing set since) is not
    /// redrawn. Tests compare it with the calls one by one (BrailleCanvasPolylineTests).
    @discardableResult
    mutating func polyline(after start: (x: Double, y: Double)?, count: Int, connected: Bool, color: Color,
                           point: (Int) -> (x: Double, y: Double)?) -> (x: Double, y: Double)? {
        let map = mapping, dw = dotWidth, dh = dotHeight
        var previous = start
        var previousDot = start.flatMap { map.unclampedDot(x: $0.x, y: $0.y) }
        // The dot set last by this call (in `color`), nil when unknown.
        var lastSet: (x: Int, y: Int)?
        withDotWriter { dots in
            for i in 0..<max(0, count) {
                guard let p = point(i) else {
                    previous = nil
                    previousDot = nil
                    continue
                }
                let pDot = map.unclampedDot(x: p.x, y: p.y)
                if connected, previous != nil {
                    if let q = previousDot, let pDot, let (a, b) = map.segmentDots(q, pDot) {
                        if a == b, let l = lastSet, l == a {
                            // One dot, already on and in this colour.
                        } else {
                            Self.bresenham(from: a, to: b, color: color, dots: dots)
                            lastSet = b.x >= 0 && b.y >= 0 && b.x < dw && b.y < dh ? b : nil
                        }
                    }
                } else if let d = map.dot(x: p.x, y: p.y) {
                    Self.bresenham(from: d, to: d, color: color, dots: dots)
                    lastSet = d
                }
                previous = p
                previousDot = pDot
            }
        }
        return previous
    }

    /// Calls `body(cellIndex, mask, colour)` for every cell with dots, row by row (index
    /// `y · width + x`).
    func forEachDottedCell(_ body: (Int, UInt8, Color) -> Void) {
        masks.withUnsafeBufferPointer { m in
            colors.withUnsafeBufferPointer { c in
                for i in 0..<m.count where m[i] != 0 { body(i, m[i], c[i]) }
            }
        }
    }
}
