/// What the plotting widgets drew, for tests that check every plot says what it shows
/// (axis titles with units, a legend entry per named curve, each curve's end value).
///
/// Off unless a test sets `PlotAudit.current` for the duration of a render
/// (`PlotAudit.$current.withValue(audit) { … }`); the widgets then append one `Entry` each.
/// Meant for one render at a time on one thread (tests), hence `@unchecked Sendable`.
public final class PlotAudit: @unchecked Sendable {
    public struct Entry: Sendable {
        /// `LinePlot`, `HistogramPlot`, `BarChart` or `SpikeRaster`.
        public var widget: String
        public var area: Rect
        /// Axis titles as given, and whether the frame had room to show them.
        public var xTitle: String
        public var yTitle: String
        public var xTitleShown: Bool
        public var yTitleShown: Bool
        /// Names of the curves (series) with data, the legend entries drawn, the end values
        /// wanted (one per named curve with a drawable point) and those drawn.
        public var curves: [String]
        public var legendDrawn: [String]
        public var endValues: [String]
        public var endValuesDrawn: [String]
    }

    @TaskLocal public static var current: PlotAudit?

    public private(set) var entries: [Entry] = []

    public init() {}

    func append(_ entry: Entry) { entries.append(entry) }

    /// Reports a frame-based plot to the current audit, if any.
    static func report(_ widget: String, area: Rect, frame: PlotFrame, xTitle: String, yTitle: String, curves: [String],
                       legendDrawn: [String], endValues: [String] = [], endValuesDrawn: [String] = []) {
        guard let audit = current else { return }
        audit.append(Entry(widget: widget, area: area, xTitle: xTitle, yTitle: yTitle,
                           xTitleShown: frame.hasXTitle && !xTitle.isEmpty, yTitleShown: !frame.top.isEmpty && !yTitle.isEmpty,
                           curves: curves, legendDrawn: legendDrawn, endValues: endValues, endValuesDrawn: endValuesDrawn))
    }
}
