/// Histograms of ideal against realised weights (units of W) for the hardware-sampling screen.
enum WeightHistogram {
    /// `sets` binned with `width` over their common finite range, one series each.
    static func distribution(_ sets: [[Double]], width: Double, label: String, seriesNames: [String]) -> Distribution {
        let all = sets.flatMap { $0 }.filter(\.isFinite)
        let lo = ((all.min() ?? -1) / width).rounded(.down), hi = ((all.max() ?? 1) / width).rounded(.down)
        let bins = max(1, Int(hi - lo) + 1)
        let counts = sets.map { set -> [Double] in
            var c = Array(repeating: 0.0, count: bins)
            for x in set where x.isFinite { c[min(bins - 1, max(0, Int((x / width).rounded(.down) - lo)))] += 1 }
            return c
        }
        let labels = (0..<bins).map { String(format2: (lo + Double($0) + 0.5) * width) }
        return Distribution(label: label, categories: labels, seriesNames: seriesNames, values: counts)
    }

    /// A round bin width (1, 2 or 5 × 10^k) giving about `bins` bins over `values`.
    static func niceWidth(_ values: [Double], bins: Int) -> Double {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), hi > lo else { return 0.1 }
        let raw = (hi - lo) / Double(max(1, bins))
        var decade = 1.0
        while decade > raw { decade /= 10 }
        while decade * 10 <= raw { decade *= 10 }
        return [1.0, 2, 5, 10].map { $0 * decade }.first { $0 >= raw } ?? 10 * decade
    }
}
