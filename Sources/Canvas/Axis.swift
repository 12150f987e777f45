/// How values map onto a plot axis.
public enum AxisScale: Hashable, Sendable {
    case linear
    /// Base-10 logarithmic; values ≤ 0 are not drawn; ticks at powers of ten (`1e3`).
    case log10
}

/// One plot axis: its title (with units) and optional fixed bounds.
public struct Axis: Hashable, Sendable {
    /// Label shown next to the axis, with units: `"time (s)"`.
    public var title: String
    /// Fixed data bounds; nil fits the data (rounded out to ticks on linear axes).
    public var bounds: ClosedRange<Double>?
    public var scale: AxisScale

    public init(_ title: String = "", bounds: ClosedRange<Double>? = nil, scale: AxisScale = .linear) {
        self.title = title
        self.bounds = bounds
        self.scale = scale
    }
}

/// A tick: its position in data units and its label.
public struct Tick: Hashable, Sendable {
    public var value: Double
    public var label: String
}

/// Tick placement and value transforms shared by the plotting widgets.
public enum Ticks {
    /// "Nice" linear ticks (1, 2, 5 × 10^k) covering `range`, at most about `maxCount`.
    public static func linear(_ range: ClosedRange<Double>, maxCount: Int) -> [Tick] {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite, maxCount >= 1 else {
            return [Tick(value: range.lowerBound, label: Numeric.label(range.lowerBound, decimals: 0))]
        }
        let step = niceStep(span / Double(max(1, maxCount - 1)))
        let decimals = Numeric.decimals(forStep: step)
        let first = (range.lowerBound / step - 1e-9).rounded(.up)
        let last = (range.upperBound / step + 1e-9).rounded(.down)
        guard last >= first, last - first < 1000 else { return [] }
        return stride(from: first, through: last, by: 1).map { k in
            let v = k * step
            return Tick(value: v, label: Numeric.label(abs(v) < step * 1e-9 ? 0 : v, decimals: decimals))
        }
    }

    /// Ticks at the powers of ten inside `range` (data units, range > 0), thinned to `maxCount`.
    public static func logarithmic(_ range: ClosedRange<Double>, maxCount: Int) -> [Tick] {
        guard range.lowerBound > 0, maxCount >= 1 else { return [] }
        let lo = Int(Numeric.log10(range.lowerBound).rounded(.up))
        let hi = Int(Numeric.log10(range.upperBound).rounded(.down))
        guard hi >= lo, hi - lo < 700 else { return [] }
        let every = max(1, (hi - lo + maxCount) / maxCount)
        return stride(from: lo, through: hi, by: every).map { e in
            Tick(value: Numeric.pow10(e), label: powerLabel(e))
        }
    }

    /// `1`, `10`, `100`, `1e3`, `0.1`, `0.01`, `1e-3`.
    public static func powerLabel(_ exponent: Int) -> String {
        switch exponent {
        case 0...2: return "1" + String(repeating: "0", count: exponent)
        case -2 ... -1: return "0." + String(repeating: "0", count: -exponent - 1) + "1"
        default: return "1e\(exponent)"
        }
    }

    /// The smallest of 1, 2, 5 × 10^k that is ≥ `raw`.
    public static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let e = Int(Numeric.log10(raw).rounded(.down))
        let base = Numeric.pow10(e)
        for m in [1.0, 2.0, 5.0, 10.0] where m * base >= raw * (1 - 1e-9) { return m * base }
        return 10 * base
    }

    /// Bounds rounded outward to a nice step (linear) or to powers of ten (log).
    public static func niceBounds(_ range: ClosedRange<Double>, scale: AxisScale, maxCount: Int) -> ClosedRange<Double> {
        switch scale {
        case .log10:
            let lo = Numeric.pow10(Int(Numeric.log10(range.lowerBound).rounded(.down)))
            let hi = Numeric.pow10(Int(Numeric.log10(range.upperBound).rounded(.up)))
            return lo < hi ? lo...hi : lo...(lo * 10)
        case .linear:
            var r = range
            if r.upperBound == r.lowerBound {
                let pad = r.lowerBound == 0 ? 1 : abs(r.lowerBound) * 0.1
                r = (r.lowerBound - pad)...(r.upperBound + pad)
            }
            let step = niceStep((r.upperBound - r.lowerBound) / Double(max(1, maxCount - 1)))
            return ((r.lowerBound / step + 1e-9).rounded(.down) * step)...((r.upperBound / step - 1e-9).rounded(.up) * step)
        }
    }

    /// The value as drawn on an axis of `scale` (log10 for log axes; nil when not drawable).
    public static func transform(_ v: Double, _ scale: AxisScale) -> Double? {
        guard v.isFinite else { return nil }
        switch scale {
        case .linear: return v
        case .log10: return v > 0 ? Numeric.log10(v) : nil
        }
    }

    /// Data bounds of `values` for `scale` (positive values only for log), nil when none.
    public static func dataRange(_ values: [Double], scale: AxisScale) -> ClosedRange<Double>? {
        var lo = Double.infinity
        var hi = -Double.infinity
        for v in values where v.isFinite && (scale == .linear || v > 0) {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        return lo <= hi ? lo...hi : nil
    }
}
