/// Vertical bars per category, several side by side (e.g. target vs sampled probability),
/// drawn with eighth blocks, on a linear or log value axis, with category labels below.
///
/// ```swift
/// BarChart(groups: states.map { .init(label: $0.name, values: [$0.target, $0.sampled]) },
///          seriesNames: ["target", "sampled"], valueAxis: Axis("p", scale: .log10))
/// ```
/// Bars shrink to one cell and the gaps vanish when space is short; categories that still do
/// not fit are left out from the right (a `…` says so), and labels that would collide are skipped.
public struct BarChart: Sendable {
    /// One category: its label and one value per series.
    public struct Group: Hashable, Sendable {
        public var label: String
        public var values: [Double]
        public init(label: String, values: [Double]) {
            self.label = label
            self.values = values
        }
    }

    public var groups: [Group]
    /// Legend names, one per value in a group (empty: no legend).
    public var seriesNames: [String]
    /// Colours per series (cycled).
    public var colors: [SeriesColor]
    /// The value axis (title with units, optional bounds, linear or log10).
    public var valueAxis: Axis
    /// Title under the category labels.
    public var categoryTitle: String

    public init(groups: [Group], seriesNames: [String] = [], colors: [SeriesColor] = [.gradient(.train, 0), .gradient(.train, 1)],
                valueAxis: Axis = Axis(), categoryTitle: String = "") {
        self.groups = groups
        self.seriesNames = seriesNames
        self.colors = colors.isEmpty ? [.role(.text)] : colors
        self.valueAxis = valueAxis
        self.categoryTitle = categoryTitle
    }

    /// Draws the chart inside `area` only.
    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let clip = area.intersection(buffer.bounds)
        guard !clip.isEmpty else { return }
        let log = valueAxis.scale == .log10
        let all = groups.flatMap(\.values)
        var range: ClosedRange<Double>
        if let b = valueAxis.bounds, !log || b.lowerBound > 0 {
            range = b
        } else if let data = Ticks.dataRange(all, scale: valueAxis.scale) {
            range = Ticks.niceBounds(log ? data : 0...max(data.upperBound, 0), scale: valueAxis.scale, maxCount: max(2, area.height / 3))
        } else {
            range = log ? 0.1...1 : 0...1
        }
        let tickCount = max(2, (area.height - 3) / 2)
        let ticks = log ? Ticks.logarithmic(range, maxCount: tickCount) : Ticks.linear(range, maxCount: tickCount)
        let legend = seriesNames.enumerated().filter { !$0.element.isEmpty }.map {
            LegendEntry(marker: "█", name: $0.element, color: theme.color(colors[$0.offset % colors.count]))
        }
        let frame = PlotFrame(area: clip, yLabelWidth: ticks.map(\.label.cellWidth).max() ?? 0,
                              wantsTop: !legend.isEmpty || !valueAxis.title.isEmpty, wantsXTitle: !categoryTitle.isEmpty,
                              topRows: PlotFrame.topRows(yTitle: valueAxis.title, legend: legend, width: clip.width))
        let plot = frame.plot
        guard !plot.isEmpty, !groups.isEmpty else { return }
        let lo = Ticks.transform(range.lowerBound, valueAxis.scale) ?? 0
        let hi = Ticks.transform(range.upperBound, valueAxis.scale) ?? 1
        func fraction(_ v: Double) -> Double {
            guard let t = Ticks.transform(v, valueAxis.scale), hi > lo else { return 0 }
            return (t - lo) / (hi - lo)
        }
        let perGroup = max(1, groups.map(\.values.count).max() ?? 1)
        let (barWidth, gap) = Self.fit(groups: groups.count, bars: perGroup, width: plot.width)
        let groupWidth = perGroup * barWidth + gap
        let shown = min(groups.count, (plot.width + gap) / groupWidth)
        let used = shown * groupWidth - gap
        let startX = plot.x + max(0, (plot.width - used) / 2)
        let background = theme.style(.text).background
        var labelTicks: [(column: Int, label: String)] = []
        for (g, group) in groups.prefix(shown).enumerated() {
            let gx = startX + g * groupWidth
            for (b, value) in group.values.enumerated() {
                let style = Style(foreground: theme.color(colors[b % colors.count]), background: background)
                let e = EighthBar.eighths(fraction(value), rows: plot.height)
                for dx in 0..<barWidth {
                    EighthBar.draw(into: &buffer, x: gx + b * barWidth + dx, bottom: plot.maxY - 1, rows: plot.height,
                                   eighths: e, style: style, clip: plot)
                }
            }
            labelTicks.append((gx + (perGroup * barWidth - 1) / 2, group.label))
        }
        frame.drawYAxis(into: &buffer, ticks: ticks.map { t in (frame.row(forFraction: fraction(t.value)), t.label) },
                        theme: theme, clip: clip)
        frame.drawXAxis(into: &buffer, ticks: labelTicks, theme: theme, clip: clip)
        if shown < groups.count {  // say that categories were left out
            buffer.put("…", x: plot.maxX - 1, y: frame.hasXAxis ? plot.maxY + 1 : plot.maxY - 1, style: theme.style(.graphText), clip: clip)
        }
        frame.drawXTitle(into: &buffer, categoryTitle, theme: theme, clip: clip)
        let legendDrawn = frame.drawTop(into: &buffer, yTitle: valueAxis.title, legend: legend, theme: theme, clip: clip)
        PlotAudit.report("BarChart", area: clip, frame: frame, xTitle: categoryTitle, yTitle: valueAxis.title,
                         curves: legend.map(\.name), legendDrawn: legendDrawn)
    }

    /// The widest bars (up to 3 cells) and gap (1 or 0) that fit `groups` groups of `bars` bars.
    static func fit(groups: Int, bars: Int, width: Int) -> (barWidth: Int, gap: Int) {
        for barWidth in stride(from: 3, through: 1, by: -1) {
            for gap in [1, 0] where groups * (bars * barWidth + gap) - gap <= width {
                return (barWidth, gap)
            }
        }
        return (1, 0)
    }
}
