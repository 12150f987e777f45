/// D_KL(p* ‖ p) of a growing histogram recorded at the sampled times of a `LogTimeGrid`
/// (science.md 1.10; points that are +∞, i.e. not all states visited yet, are left out).
public struct KLSeries: Sendable {
    public let grid: LogTimeGrid
    public private(set) var points: [(timeMs: Double, value: Double)] = []
    private var next = 0

    public init(grid: LogTimeGrid) { self.grid = grid }

    /// Records every grid point the histogram has passed (sampled time `sampledMs`).
    public mutating func update(sampledMs: Double, target: [Double], counts: [Double]) {
        var value: Double? = nil
        while grid.value(at: next) <= sampledMs + 1e-9 {
            let t = grid.value(at: next)
            next += 1
            if value == nil { value = KullbackLeibler.targetToSampled(target: target, counts: counts) }
            if let v = value, v.isFinite { points.append((timeMs: t, value: v)) }
        }
    }
}
