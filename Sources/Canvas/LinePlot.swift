/// Several (x, y) series drawn as braille lines or dots, with labelled axes, optional log
/// scales, dashed horizontal reference lines (e.g. a threshold) and a small legend.
///
/// ```swift
/// LinePlot(series: [.init(name: "DKL", points: curve, color: .gradient(.train, 0))],
///          xAxis: Axis("time (ms)", scale: .log10), yAxis: Axis("DKL", scale: .log10),
///          references: [.init(y: 0.01, name: "target")])
///     .render(into: &buffer, area: inner, theme: theme)
/// ```
/// Non-finite points (and non-positive ones on log axes) break a line into pieces. Without
/// fixed bounds the x axis spans the data exactly and the y axis is rounded out to ticks.
public struct LinePlot: Sendable {
    /// One data series.
    public struct Series: Sendable {
        public enum Mode: Hashable, Sendable {
            /// Consecutive points joined by lines.
            case line
            /// Each point a single dot.
            case points
        }

        public var name: String
        public var points: [(x: Double, y: Double)]
        public var color: SeriesColor
        public var mode: Mode

        public init(name: String, points: [(x: Double, y: Double)], color: SeriesColor = .role(.text), mode: Mode = .line) {
            self.name = name
            self.points = points
            self.color = color
            self.mode = mode
        }

        /// A series from parallel arrays (the shorter length wins).
        public init(name: String, xs: [Double], ys: [Double], color: SeriesColor = .role(.text), mode: Mode = .line) {
            self.init(name: name, points: Array(zip(xs, ys)).map { (x: $0.0, y: $0.1) }, color: color, mode: mode)
        }
    }

    /// A dashed horizontal line across the plot at a y value.
    public struct ReferenceLine: Sendable {
        public var y: Double
        /// Shown in the legend when not empty.
        public var name: String
        public var color: SeriesColor

        public init(y: Double, name: String = "", color: SeriesColor = .role(.dim)) {
            self.y = y
            self.name = name
            self.color = color
        }
    }

    public var series: [Series]
    public var xAxis: Axis
    public var yAxis: Axis
    public var references: [ReferenceLine]
    public var showLegend: Bool
    /// Whether each named curve's current (last finite) value is printed at its end, right of
    /// the plot, in the curve's colour (dropped when the area is narrow).
    public var showEndValues: Bool

    public init(series: [Series], xAxis: Axis = Axis(), yAxis: Axis = Axis(), references: [ReferenceLine] = [],
                showLegend: Bool = true, showEndValues: Bool = true) {
        self.series = series
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.references = references
        self.showLegend = showLegend
        self.showEndValues = showEndValues
    }

    /// The last drawable point of each named series, with its value as printed at the curve's end.
    public func endValues() -> [(series: Int, point: (x: Double, y: Double), text: String)] {
        guard showEndValues else { return [] }
        return series.enumerated().compactMap { i, s in
            guard !s.name.isEmpty,
                  let p = s.points.last(where: { Ticks.transform($0.x, xAxis.scale) != nil && Ticks.transform($0.y, yAxis.scale) != nil })
            else { return nil }
            return (i, p, Numeric.compact(p.y))
        }
    }

    /// Draws the plot inside `area` only; small areas drop the legend, titles and axes.
    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let clip = area.intersection(buffer.bounds)
        guard !clip.isEmpty else { return }
        let xRange = bounds(xAxis, data: { dataRange(xAxis.scale, ofX: true, extra: []) }, maxCount: max(2, area.width / 10),
                            nice: false)
        let yRange = bounds(yAxis, data: { dataRange(yAxis.scale, ofX: false, extra: references.map(\.y)) },
                            maxCount: max(2, area.height / 3), nice: true)
        let yTicks = ticks(yAxis.scale, yRange, maxCount: max(2, (area.height - 3) / 2))
        let legend = legendEntries(theme)
        let ends = endValues()
        let frame = PlotFrame(area: clip, yLabelWidth: yTicks.map(\.label.cellWidth).max() ?? 0,
                              wantsTop: !legend.isEmpty || !yAxis.title.isEmpty, wantsXTitle: !xAxis.title.isEmpty,
                              endLabelWidth: ends.map(\.text.cellWidth).max() ?? 0,
                              topRows: PlotFrame.topRows(yTitle: yAxis.title, legend: legend, width: clip.width))
        let plot = frame.plot
        guard !plot.isEmpty else { return }
        let tx = transformed(xRange, xAxis.scale)
        let ty = transformed(yRange, yAxis.scale)
        var canvas = BrailleCanvas(width: plot.width, height: plot.height, xBounds: tx, yBounds: ty)
        for ref in references {
            guard let y = Ticks.transform(ref.y, yAxis.scale), let row = canvas.dot(x: tx.lowerBound, y: y)?.y else { continue }
            let color = theme.color(ref.color)
            for dx in 0..<canvas.dotWidth where dx % 4 < 2 { canvas.set(dotX: dx, dotY: row, color: color) }
        }
        // Each series point by point: a line from the previous drawable point, else a dot
        // (`BrailleCanvas.polyline`); a point not drawable on the axes breaks the line.
        let xScale = xAxis.scale, yScale = yAxis.scale
        for s in series {
            let color = theme.color(s.color)
            s.points.withUnsafeBufferPointer { points in
                canvas.polyline(after: nil, count: points.count, connected: s.mode == .line, color: color) { i in
                    guard let x = Ticks.transform(points[i].x, xScale), let y = Ticks.transform(points[i].y, yScale) else { return nil }
                    return (x, y)
                }
            }
        }
        canvas.render(into: &buffer, area: plot)
        let span = { (r: ClosedRange<Double>, v: Double) -> Double in r.upperBound > r.lowerBound ? (v - r.lowerBound) / (r.upperBound - r.lowerBound) : 0 }
        frame.drawYAxis(into: &buffer, ticks: yTicks.compactMap { t in
            Ticks.transform(t.value, yAxis.scale).map { (frame.row(forFraction: span(ty, $0)), t.label) }
        }, theme: theme, clip: clip)
        let xTicks = ticks(xAxis.scale, xRange, maxCount: max(2, plot.width / 8))
        frame.drawXAxis(into: &buffer, ticks: xTicks.compactMap { t in
            Ticks.transform(t.value, xAxis.scale).map { (frame.column(forFraction: span(tx, $0)), t.label) }
        }, theme: theme, clip: clip)
        frame.drawXTitle(into: &buffer, xAxis.title, theme: theme, clip: clip)
        let legendDrawn = frame.drawTop(into: &buffer, yTitle: yAxis.title, legend: legend, theme: theme, clip: clip)
        let endsDrawn = frame.drawEndLabels(into: &buffer, labels: ends.compactMap { end in
            Ticks.transform(end.point.y, yAxis.scale).map { (frame.row(forFraction: span(ty, $0)), end.text, theme.color(series[end.series].color)) }
        }, theme: theme, clip: clip)
        PlotAudit.report("LinePlot", area: clip, frame: frame, xTitle: xAxis.title, yTitle: yAxis.title,
                         curves: series.filter { !$0.points.isEmpty }.map(\.name), legendDrawn: legendDrawn,
                         endValues: ends.map(\.text), endValuesDrawn: endsDrawn)
    }

    private func legendEntries(_ theme: Theme) -> [LegendEntry] {
        guard showLegend else { return [] }
        let lines = series.filter { !$0.name.isEmpty }.map {
            LegendEntry(marker: $0.mode == .line ? "⣀" : "⠂", name: $0.name, color: theme.color($0.color))
        }
        let refs = references.filter { !$0.name.isEmpty }.map {
            LegendEntry(marker: "⠤", name: $0.name, color: theme.color($0.color))
        }
        return lines + refs
    }

    /// `Ticks.dataRange` of the x (`ofX`) or y coordinates of every series' points, in order, then of `extra`,
    /// read in place (issue 13: no arrays of every x and every y per frame). The same
    /// comparisons in the same order, so the same bounds (signed zeros included).
    func dataRange(_ scale: AxisScale, ofX: Bool, extra: [Double])
        -> ClosedRange<Double>?
    {
        var lo = Double.infinity
        var hi = -Double.infinity
        func include(_ v: Double) {
            if v.isFinite && (scale == .linear || v > 0) {
                lo = min(lo, v)
                hi = max(hi, v)
            }
        }
        for s in series {
            s.points.withUnsafeBufferPointer { points in
                if ofX { for p in points { include(p.x) } } else { for p in points { include(p.y) } }
            }
        }
        for v in extra { include(v) }
        return lo <= hi ? lo...hi : nil
    }

    /// Fixed bounds, else the data range: exact for x (`nice: false`), rounded out to ticks for y.
    private func bounds(_ axis: Axis, data: () -> ClosedRange<Double>?, maxCount: Int, nice: Bool) -> ClosedRange<Double> {
        if let b = axis.bounds, axis.scale == .linear || b.lowerBound > 0 { return b }
        guard let data = data() else { return axis.scale == .log10 ? 1...10 : 0...1 }
        if !nice, data.upperBound > data.lowerBound { return data }
        return Ticks.niceBounds(data, scale: axis.scale, maxCount: maxCount)
    }

    private func ticks(_ scale: AxisScale, _ range: ClosedRange<Double>, maxCount: Int) -> [Tick] {
        scale == .log10 ? Ticks.logarithmic(range, maxCount: maxCount) : Ticks.linear(range, maxCount: maxCount)
    }

    private func transformed(_ range: ClosedRange<Double>, _ scale: AxisScale) -> ClosedRange<Double> {
        guard let lo = Ticks.transform(range.lowerBound, scale), let hi = Ticks.transform(range.upperBound, scale),
              lo <= hi else { return 0...1 }
        return lo...hi
    }
}
