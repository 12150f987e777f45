/// A one-row (or taller) history of values in eighth blocks, newest at the right.
///
/// Values map from 0 to `maxValue` (the largest value when nil); with more values than
/// columns only the newest fit. Cells are coloured along `gradient` by their value.
public struct Sparkline: Sendable {
    public var values: [Double]
    public var maxValue: Double?
    public var gradient: GradientName

    public init(values: [Double], maxValue: Double? = nil, gradient: GradientName = .spike) {
        self.values = values
        self.maxValue = maxValue
        self.gradient = gradient
    }

    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let clip = area.intersection(buffer.bounds)
        guard !clip.isEmpty else { return }
        let top = maxValue ?? values.filter(\.isFinite).max() ?? 1
        let scale = top > 0 ? top : 1
        let shown = values.suffix(clip.width)
        let g = theme.gradient(gradient)
        let bg = theme.style(.text).background
        var x = clip.maxX - shown.count
        for v in shown {
            let f = v.isFinite ? min(1, max(0, v / scale)) : 0
            EighthBar.draw(into: &buffer, x: x, bottom: clip.maxY - 1, rows: clip.height,
                           eighths: EighthBar.eighths(f, rows: clip.height),
                           style: Style(foreground: g.color(at: f), background: bg), clip: clip)
            x += 1
        }
    }
}
