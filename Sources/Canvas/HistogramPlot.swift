/// A histogram drawn as eighth-block columns, with an optional curve over the same bins
/// (e.g. the theoretical density) drawn in braille on top, and x ticks in data units.
///
/// Bins are given as the lower edge of the first bin, a bin width and one value per bin.
/// Each cell column shows the mean of the bins it covers, so any bin count fits any width.
public struct HistogramPlot: Sendable {
    public var lowerEdge: Double
    public var binWidth: Double
    public var values: [Double]
    /// Optional overlay, one value per bin (drawn through the bin centres).
    public var curve: [Double]?
    public var barColor: SeriesColor
    public var curveColor: SeriesColor
    /// Legend names for the bars and the curve (empty: not in the legend).
    public var barName: String
    public var curveName: String
    /// Title of the x axis (data units).
    public var xAxis: Axis
    /// Title of the y axis; `bounds` fixes the top (the bottom is always 0).
    public var yAxis: Axis

    public init(lowerEdge: Double, binWidth: Double, values: [Double], curve: [Double]? = nil,
                barColor: SeriesColor = .gradient(.spike, 0), curveColor: SeriesColor = .gradient(.spike, 1),
                barName: String = "", curveName: String = "", xAxis: Axis = Axis(), yAxis: Axis = Axis()) {
        self.lowerEdge = lowerEdge
        self.binWidth = binWidth
        self.values = values
        self.curve = curve
        self.barColor = barColor
        self.curveColor = curveColor
        self.barName = barName
        self.curveName = curveName
        self.xAxis = xAxis
        self.yAxis = yAxis
    }

    /// Draws the histogram inside `area` only.
    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let clip = area.intersection(buffer.bounds)
        guard !clip.isEmpty else { return }
        let n = values.count
        let width = binWidth.isFinite && binWidth > 0 ? binWidth : 1
        let x0 = lowerEdge.isFinite ? lowerEdge : 0
        let x1 = x0 + Double(max(1, n)) * width
        let top = yAxis.bounds?.upperBound ?? (values + (curve ?? [])).filter(\.isFinite).max() ?? 1
        let yRange = Ticks.niceBounds(0...max(top, 0), scale: .linear, maxCount: max(2, area.height / 3))
        let yTicks = Ticks.linear(yRange, maxCount: max(2, (area.height - 3) / 2))
        var legend: [LegendEntry] = []
        if !barName.isEmpty { legend.append(LegendEntry(marker: "█", name: barName, color: theme.color(barColor))) }
        if !curveName.isEmpty, curve != nil {
            legend.append(LegendEntry(marker: "⣀", name: curveName, color: theme.color(curveColor)))
        }
        let frame = PlotFrame(area: clip, yLabelWidth: yTicks.map(\.label.cellWidth).max() ?? 0,
                              wantsTop: !legend.isEmpty || !yAxis.title.isEmpty, wantsXTitle: !xAxis.title.isEmpty,
                              topRows: PlotFrame.topRows(yTitle: yAxis.title, legend: legend, width: clip.width))
        let plot = frame.plot
        guard !plot.isEmpty else { return }
        let yMax = yRange.upperBound > 0 ? yRange.upperBound : 1
        let barStyle = Style(foreground: theme.color(barColor), background: theme.style(.text).background)
        if n > 0 {
            for c in 0..<plot.width {
                let first = c * n / plot.width
                let last = max(first, (c + 1) * n / plot.width - 1)
                let covered = values[first...min(last, n - 1)].filter(\.isFinite)
                let mean = covered.isEmpty ? 0 : covered.reduce(0, +) / Double(covered.count)
                EighthBar.draw(into: &buffer, x: plot.x + c, bottom: plot.maxY - 1, rows: plot.height,
                               eighths: EighthBar.eighths(mean / yMax, rows: plot.height), style: barStyle, clip: plot)
            }
        }
        if let curve {
            var canvas = BrailleCanvas(width: plot.width, height: plot.height, xBounds: x0...x1, yBounds: 0...yMax)
            let color = theme.color(curveColor)
            var previous: (x: Double, y: Double)?
            for (i, v) in curve.enumerated() {
                let point = (x: x0 + (Double(i) + 0.5) * width, y: v)
                guard v.isFinite else { previous = nil; continue }
                if let p = previous { canvas.line(from: p, to: point, color: color) } else { canvas.point(x: point.x, y: point.y, color: color) }
                previous = point
            }
            canvas.render(into: &buffer, area: plot, blocksAsBackground: true)
        }
        frame.drawYAxis(into: &buffer, ticks: yTicks.map { (frame.row(forFraction: $0.value / yMax), $0.label) },
                        theme: theme, clip: clip)
        let xTicks = Ticks.linear(x0...x1, maxCount: max(2, plot.width / 8))
        frame.drawXAxis(into: &buffer, ticks: xTicks.map {
            (plot.x + min(plot.width - 1, Int((($0.value - x0) / (x1 - x0) * Double(plot.width)).rounded(.down))), $0.label)
        }, theme: theme, clip: clip)
        frame.drawXTitle(into: &buffer, xAxis.title, theme: theme, clip: clip)
        let legendDrawn = frame.drawTop(into: &buffer, yTitle: yAxis.title, legend: legend, theme: theme, clip: clip)
        PlotAudit.report("HistogramPlot", area: clip, frame: frame, xTitle: xAxis.title, yTitle: yAxis.title,
                         curves: legend.map(\.name), legendDrawn: legendDrawn)
    }
}
