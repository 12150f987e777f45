import Synchronization

/// The braille dots of each heat-map trail, remembered between frames and extended when the
/// trail only grew (issue 13: re-drawing every segment of the learning paths every frame was
/// 28 % of natural-gradient's drawing at 200x60).
///
/// Exactness: a trail's dots depend only on its points (in order), whether it is connected,
/// the plot size and the world bounds; appending points only adds the segments from the old
/// last point on, the same `set` calls an uncached draw makes after the old ones. Trails are
/// merged in trail order (`BrailleCanvas.merge`), so a cell shared by several trails gets the
/// later trail's colour, as when they are drawn one after the other on one canvas. Anything
/// else (a point of the old prefix changed, fewer points, other bounds or size) redraws that
/// trail from scratch.
///
/// Whether the trail only grew: when it carries the `generation` it had last time, its
/// producer says so and the points are not compared (issue 13: natural-gradient's five trails of
/// up to 4 000 points were 320 kB compared every frame); only the old last point is checked, a
/// cheap guard. Without a generation, or with another one, the old points are compared with
/// the new ones' start, bit for bit.
///
/// A few trails are kept (least recently used dropped). Thread-safe; drawing runs outside the lock.
public final class HeatMapTrailCache: Sendable {
    /// What a trail's dots are drawn for (besides its points).
    struct Key: Equatable, Sendable {
        var slot: Int          // the trail's index in its map
        var name: String
        var connected: Bool
        var width: Int
        var height: Int
        var xBounds: [UInt64]  // bit patterns of the world bounds
        var yBounds: [UInt64]
    }

    struct Entry: Sendable {
        var key: Key
        var points: [(x: Double, y: Double)]
        var generation: UInt64?
        var canvas: BrailleCanvas
        /// The last point drawn (nil after a non-finite one): where appended segments start.
        var previous: (x: Double, y: Double)?
    }

    /// The process-wide cache `HeatMap.render` uses.
    public static let shared = HeatMapTrailCache()

    public let capacity: Int
    private let entries = Mutex<[Entry]>([])
    private let counts = Mutex<(extended: Int, redrawn: Int)>((0, 0))

    public init(capacity: Int = 16) {
        self.capacity = max(1, capacity)
    }

    /// The dots of one trail on a `width × height` canvas with these bounds (in the default
    /// colour: the caller merges them in the trail's; every dot is one an uncached draw sets).
    func canvas(slot: Int, trail: HeatMap.Trail, width: Int, height: Int, xBounds: ClosedRange<Double>,
                yBounds: ClosedRange<Double>) -> BrailleCanvas {
        let key = Key(slot: slot, name: trail.name, connected: trail.connected, width: width, height: height,
                      xBounds: [xBounds.lowerBound.bitPattern, xBounds.upperBound.bitPattern],
                      yBounds: [yBounds.lowerBound.bitPattern, yBounds.upperBound.bitPattern])
        // Taken out of the list, so its canvas is uniquely referenced and extended in place.
        var entry: Entry! = entries.withLock { list in
            guard let i = list.firstIndex(where: { $0.key == key }) else { return nil }
            return list.remove(at: i)
        }
        var start = 0
        if entry != nil, Self.extends(entry.points, entry.generation, to: trail) {
            start = entry.points.count
            entry.points = trail.points
            entry.generation = trail.generation
            counts.withLock { $0.extended += 1 }
        } else {
            entry = Entry(key: key, points: trail.points, generation: trail.generation,
                          canvas: BrailleCanvas(width: width, height: height, xBounds: xBounds, yBounds: yBounds), previous: nil)
            counts.withLock { $0.redrawn += 1 }
        }
        // From the old last point on: a line from the previous finite point, else a dot; a
        // non-finite point breaks the line (`BrailleCanvas.polyline`).
        trail.points.withUnsafeBufferPointer { points in
            entry.previous = entry.canvas.polyline(after: entry.previous, count: points.count - start,
                                                   connected: trail.connected, color: .default) { i in
                let p = points[start + i]
                return p.x.isFinite && p.y.isFinite ? p : nil
            }
        }
        let result = entry.canvas
        entries.withLock { list in
            list.insert(entry, at: 0)
            if list.count > capacity { list.removeLast(list.count - capacity) }
        }
        return result
    }

    /// Whether `trail` is the points drawn before (`old`, of generation `generation`) with
    /// points appended (or none): by its generation when it has the same one, else by
    /// comparing the points.
    static func extends(_ old: [(x: Double, y: Double)], _ generation: UInt64?, to trail: HeatMap.Trail) -> Bool {
        guard old.count <= trail.points.count else { return false }
        if let g = trail.generation, g == generation {
            guard let last = old.last else { return true }
            let now = trail.points[old.count - 1]
            return last.x.bitPattern == now.x.bitPattern && last.y.bitPattern == now.y.bitPattern
        }
        return isPrefix(old, of: trail.points)
    }

    /// Whether `a` is the start of `b`, bit for bit.
    ///
    /// The coordinates are compared as 64-bit words without stopping at the first difference
    /// (a loop the compiler vectorises: the trails are thousands of points, compared every frame).
    static func isPrefix(_ a: [(x: Double, y: Double)], of b: [(x: Double, y: Double)]) -> Bool {
        guard a.count <= b.count else { return false }
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                guard let baseA = pa.baseAddress, let baseB = pb.baseAddress else { return true }
                if baseA == baseB { return true }   // the same storage
                precondition(MemoryLayout<(x: Double, y: Double)>.stride == 2 * MemoryLayout<UInt64>.stride)
                let words = a.count * 2
                return UnsafeRawPointer(baseA).withMemoryRebound(to: UInt64.self, capacity: words) { wa in
                    UnsafeRawPointer(baseB).withMemoryRebound(to: UInt64.self, capacity: words) { wb in
                        var difference: UInt64 = 0
                        for i in 0..<words { difference |= wa[i] ^ wb[i] }
                        return difference == 0
                    }
                }
            }
        }
    }

    /// Trails extended from a remembered prefix (or found unchanged) and trails drawn afresh,
    /// since creation or the last `removeAll()`.
    public var statistics: (extended: Int, redrawn: Int) { counts.withLock { $0 } }

    public func removeAll() {
        entries.withLock { $0.removeAll() }
        counts.withLock { $0 = (0, 0) }
    }
}
