import Synchronization

/// The heat map's field and contour cells, remembered between frames (issue 13, the live-app
/// frame target).
///
/// Resampling a landscape to the screen and finding its contours costs a bilinear
/// interpolation per braille dot (about 40 000 at 200x60) every frame, although most maps
/// (the cost landscapes of which-way-is-down and natural-gradient) only change when a live
/// parameter does. `HeatMap.render` asks this cache for the layer; it is recomputed whenever
/// anything it depends on differs (`Key`: the samples bit for bit, the plot size, the value
/// range, the contour levels and every colour), so the picture is always exactly what an
/// uncached render draws. Trails, arrows and the cursor are drawn on top every frame.
///
/// A few layers are kept (least recently used dropped) so screens with several maps hit too.
/// Thread-safe; the computation runs outside the lock.
public final class HeatMapFieldCache: Sendable {
    /// Everything the field layer is computed from.
    public struct Key: Equatable, Sendable {
        var values: [Double]
        var columns: Int
        var rows: Int
        var resampling: HeatMap.Resampling
        var width: Int
        var height: Int
        var range: ClosedRange<Double>
        var levels: [Double]
        var gradient: Gradient
        var depth: ColorDepth
        var background: Color
        var contourColor: Color?
        var dim: Color
        /// Whether the layer's mean backgrounds were computed (overlays or contours read them).
        var withMean: Bool

        /// Samples compare by bit pattern, so NaN holes match themselves.
        public static func == (a: Key, b: Key) -> Bool {
            a.columns == b.columns && a.rows == b.rows && a.width == b.width && a.height == b.height
                && a.resampling == b.resampling && a.depth == b.depth && a.background == b.background
                && a.contourColor == b.contourColor && a.dim == b.dim && a.withMean == b.withMean
                && a.range.lowerBound.bitPattern == b.range.lowerBound.bitPattern
                && a.range.upperBound.bitPattern == b.range.upperBound.bitPattern
                && sameBits(a.levels, b.levels) && sameBits(a.values, b.values) && a.gradient == b.gradient
        }

        private static func sameBits(_ x: [Double], _ y: [Double]) -> Bool {
            guard x.count == y.count else { return false }
            return x.withUnsafeBufferPointer { p in
                y.withUnsafeBufferPointer { q in
                    if p.baseAddress == q.baseAddress { return true }   // the same storage (e.g. a memoised map)
                    for i in 0..<p.count where p[i].bitPattern != q[i].bitPattern { return false }
                    return true
                }
            }
        }
    }

    /// The field cells of a `width × height` plot (nil: nothing drawn there) and, per cell,
    /// the background overlays use (the colour of the cell's mean sample).
    public struct Layer: Sendable {
        public let width: Int
        public let height: Int
        let cells: [Cell?]
        public let mean: [Color]

        init(width: Int, height: Int, cells: [Cell?], mean: [Color]) {
            self.width = width
            self.height = height
            self.cells = cells
            self.mean = mean
        }

        /// Writes the layer's cells with its top-left corner at `plot`'s, clipped to `plot`.
        func draw(into buffer: inout CellBuffer, at plot: Rect) {
            // The layer's columns and rows that land inside `plot` and the buffer (what
            // `put(_:x:y:style:clip:)` per cell keeps), written straight into the storage.
            let bw = buffer.width
            let x0 = max(0, plot.x), x1 = min(plot.x + width, plot.maxX, bw)
            let y0 = max(0, plot.y), y1 = min(plot.y + height, plot.maxY, buffer.height)
            guard x1 > x0, y1 > y0 else { return }
            buffer.cells.withUnsafeMutableBufferPointer { out in
                cells.withUnsafeBufferPointer { layer in
                    for y in y0..<y1 {
                        let from = (y - plot.y) * width - plot.x, to = y * bw
                        for x in x0..<x1 { if let cell = layer[from + x] { out[to + x] = cell } }
                    }
                }
            }
        }
    }

    /// The process-wide cache `HeatMap.render` uses.
    public static let shared = HeatMapFieldCache()

    /// Layers kept at most.
    public let capacity: Int
    private let entries = Mutex<[(key: Key, layer: Layer)]>([])
    private let counts = Mutex<(hits: Int, misses: Int)>((0, 0))

    public init(capacity: Int = 8) {
        self.capacity = max(1, capacity)
    }

    /// The layer for `key`: the remembered one when the key matches, else `compute()`'s
    /// result (remembered).
    public func layer(for key: Key, compute: () -> Layer) -> Layer {
        let found: Layer? = entries.withLock { list in
            guard let i = list.firstIndex(where: { $0.key == key }) else { return nil }
            let entry = list.remove(at: i)
            list.insert(entry, at: 0)
            return entry.layer
        }
        if let found {
            counts.withLock { $0.hits += 1 }
            return found
        }
        let fresh = compute()
        counts.withLock { $0.misses += 1 }
        entries.withLock { list in
            list.insert((key, fresh), at: 0)
            if list.count > capacity { list.removeLast(list.count - capacity) }
        }
        return fresh
    }

    /// Lookups answered from the cache and lookups that computed the layer, since creation
    /// or the last `removeAll()`.
    public var statistics: (hits: Int, misses: Int) { counts.withLock { $0 } }

    /// Forgets every layer and resets the statistics.
    public func removeAll() {
        entries.withLock { $0.removeAll() }
        counts.withLock { $0 = (0, 0) }
    }
}
