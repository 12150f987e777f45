import SpikeCore

/// Which samples each cell column of the least-action heat strips shows: whole bins of
/// `stride` consecutive samples, anchored to absolute sample numbers (bin m holds samples
/// m·stride ..< (m+1)·stride since the run's start), so that when time advances the columns
/// already on screen move left by whole cells, unchanged, and the terminal writer can scroll
/// them sideways instead of rewriting them (issue 13: resampling by a ratio tied to the window
/// changed about every 7th cell of the strip each frame).
///
/// Where the samples come from (`LeastActionExperiment`, `TeacherStudentExperiment`): a ring of
/// `capacity` columns (scenario key `display.heatColumns`) takes one sample of every hidden
/// unit's rate every `spacingMs` (traceWindow_ms / heatColumns rounded to whole integration
/// steps: 0.5 ms for least-action, 10 ms for teacher-student), the first one after one spacing,
/// so the newest of a landscape read at time t is sample number ⌊t / spacing⌋ taken at that
/// multiple of the spacing. The landscape's x range is (t − (count − 1)·spacing)...t.
///
/// The stride is the smallest that fits a full ring into the strip's width, ⌈capacity / width⌉;
/// each column shows the mean of its bin's samples, i.e. of rates over stride × spacing (at
/// 200x60, 108 cells for 200 samples: stride 2, 1 ms per column for least-action, 20 ms for
/// teacher-student). Only complete bins are shown, at most ⌊(capacity − stride + 1) / stride⌋ of
/// them (as many as a full ring always holds, so the strip does not grow and shrink by a column
/// once full): the last 99 ms of least-action's 100-ms window at stride 2.
struct StripBins: Equatable {
    /// Samples per column.
    var stride: Int
    /// Columns shown, oldest first (the newest at the strip's right edge).
    var count: Int
    /// The landscape column (0 = oldest sample) where column 0's bin starts.
    var firstSample: Int
    /// Absolute number of column 0's bin: its first sample is number firstBin × stride.
    var firstBin: Int
    /// Time between samples, ms.
    var spacingMs: Double

    /// Bins over `samples` landscape columns whose newest is absolute sample `newestSample`,
    /// from a ring of `capacity` samples, in `width` cells.
    init(samples: Int, newestSample: Int, capacity: Int, width: Int, spacingMs: Double) {
        let capacity = max(capacity, samples, 1)
        stride = max(1, (capacity + max(1, width) - 1) / max(1, width))
        let oldest = newestSample - samples + 1
        let lastBin = Self.floorDiv(newestSample + 1, stride) - 1
        let firstAvailable = -Self.floorDiv(-oldest, stride)
        let available = max(0, lastBin - firstAvailable + 1)
        count = min(available, (capacity - stride + 1) / stride)
        firstBin = lastBin - count + 1
        firstSample = firstBin * stride - oldest
        self.spacingMs = spacingMs
    }

    /// Bins of the first landscape of a least-action readout in `width` cells (nil with fewer
    /// than two samples: the spacing is not known yet).
    init?(_ l: Landscape, capacity: Int, width: Int) {
        guard l.columns >= 2, l.values.count >= l.columns * l.rows else { return nil }
        let t = l.xRange.upperBound
        let spacing = (l.xRange.upperBound - l.xRange.lowerBound) / Double(l.columns - 1)
        guard spacing > 0, t.isFinite else { return nil }
        // t / spacing is a whole number of samples plus k / (steps per sample); the tolerance
        // absorbs the rounding of the spacing (relative 1e-16 × t / window), far below 1 / 100.
        let newest = Int((t / spacing + 1e-4).rounded(.down))
        self.init(samples: l.columns, newestSample: newest, capacity: capacity, width: width, spacingMs: spacing)
    }

    /// Times of the first and last sample of column k, ms.
    func timeMs(ofColumn k: Int) -> ClosedRange<Double> {
        let first = (firstBin + k) * stride
        return Double(first) * spacingMs...Double(first + stride - 1) * spacingMs
    }

    /// The strip's values, `l.rows × count` row-major: each the mean of its bin's samples.
    func values(_ l: Landscape) -> [Double] {
        var out = [Double](repeating: .nan, count: l.rows * count)
        guard count > 0 else { return out }
        let n = l.columns, s = stride, first = firstSample
        l.values.withUnsafeBufferPointer { values in
            for r in 0..<l.rows {
                let row = r * n
                for c in 0..<count {
                    let start = row + first + c * s
                    var sum = 0.0
                    for i in 0..<s { sum += values[start + i] }
                    out[r * count + c] = sum / Double(s)
                }
            }
        }
        return out
    }

    /// ⌊a / b⌋ for b > 0.
    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
