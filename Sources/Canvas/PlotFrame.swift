/// The layout and axis drawing shared by the plotting widgets (line plot, histogram, bar chart,
/// raster): a top row for the y-axis title and a legend, tick labels on the left, an axis line
/// on the left and bottom, tick labels and the x-axis title below.
///
/// ```
/// rate (Hz)              ⣀ sampled ⠤ target
///  100┤     ⢀⡠⠔⠊
///   50┤  ⡠⠔⠁
///    0┤⠔⠁
///     └┬───────┬───────┬
///      0       5      10
///                 time (s)
/// ```
/// Parts are dropped, in order, when the area is small: the top row, the x title, the
/// x axis, the y axis. The plot then fills the whole area.
public struct PlotFrame: Sendable {
    /// The cells the data is drawn in.
    public var plot: Rect
    /// Where the y tick labels go (left of the axis line), empty when dropped.
    public var yLabels: Rect
    /// The top row (y title and legend), empty when dropped.
    public var top: Rect
    /// Whether the bottom axis line and its tick labels are shown.
    public var hasXAxis: Bool
    /// Whether the x-axis title row is shown.
    public var hasXTitle: Bool

    /// Right of the plot: where the current (last) value of each curve is printed, empty when
    /// not wanted or dropped (the plot keeps at least 12 cells).
    public var endLabels: Rect

    /// Lays out a plot in `area` with y tick labels `yLabelWidth` cells wide and, when
    /// `endLabelWidth > 0`, a column of end values that wide (plus a gap) on the right.
    /// `topRows` 2 gives the legend a second row (when the area is at least 10 rows high).
    public init(area: Rect, yLabelWidth: Int, wantsTop: Bool, wantsXAxis: Bool = true, wantsXTitle: Bool,
                endLabelWidth: Int = 0, topRows: Int = 1) {
        var rest = area
        top = Rect(x: area.x, y: area.y, width: 0, height: 0)
        if wantsTop, rest.height >= 6 {
            let (t, r) = rest.splitTop(topRows >= 2 && rest.height >= 10 ? 2 : 1)
            top = t
            rest = r
        }
        hasXTitle = wantsXTitle && rest.height >= 6
        if hasXTitle { rest = rest.splitBottom(1).0 }
        hasXAxis = wantsXAxis && rest.height >= 4 && rest.width >= 6
        if hasXAxis { rest = rest.splitBottom(2).0 }
        yLabels = Rect(x: rest.x, y: rest.y, width: 0, height: 0)
        if yLabelWidth > 0, rest.width >= yLabelWidth + 1 + 4, rest.height >= 2 {
            yLabels = Rect(x: rest.x, y: rest.y, width: yLabelWidth, height: rest.height)
            rest = rest.splitLeft(yLabelWidth + 1).1
        } else if hasXAxis {
            rest = rest.splitLeft(1).1  // room for the corner
        }
        endLabels = Rect(x: rest.maxX, y: rest.y, width: 0, height: 0)
        if endLabelWidth > 0, rest.width >= endLabelWidth + 1 + 12 {
            endLabels = Rect(x: rest.maxX - endLabelWidth, y: rest.y, width: endLabelWidth, height: rest.height)
            rest.width -= endLabelWidth + 1
        }
        plot = rest
    }

    /// Prints each curve's current value in its colour right of the plot, at the row its last
    /// point is drawn in (moved to the nearest free row when two would share one).
    /// Returns the texts drawn.
    @discardableResult
    public func drawEndLabels(into buffer: inout CellBuffer, labels: [(row: Int, text: String, color: Color)],
                              theme: Theme, clip: Rect) -> [String] {
        guard !endLabels.isEmpty else { return [] }
        var taken = Set<Int>(), drawn: [String] = []
        for label in labels {
            let wanted = min(max(label.row, endLabels.y), endLabels.maxY - 1)
            let candidates = (0..<endLabels.height).flatMap { d in [wanted + d, wanted - d] }
            guard let row = candidates.first(where: { $0 >= endLabels.y && $0 < endLabels.maxY && !taken.contains($0) })
            else { continue }
            taken.insert(row)
            let style = Style(foreground: label.color, background: theme.style(.text).background)
            buffer.put("◂", x: endLabels.x - 1, y: row, style: style, clip: clip)
            buffer.put(label.text.truncated(toCells: endLabels.width), x: endLabels.x, y: row, style: style, clip: clip)
            drawn.append(label.text)
        }
        return drawn
    }

    /// Draws the left axis line with tick marks at `ticks` (row, label) and the labels.
    public func drawYAxis(into buffer: inout CellBuffer, ticks: [(row: Int, label: String)], theme: Theme, clip: Rect) {
        guard !plot.isEmpty else { return }
        let axisX = plot.x - 1
        let axis = theme.style(.divider)
        let text = theme.style(.graphText)
        if yLabels.width > 0 || hasXAxis {
            for y in plot.y..<plot.maxY { buffer.put(Glyphs.Box.vertical, x: axisX, y: y, style: axis, clip: clip) }
        }
        guard yLabels.width > 0 else { return }
        var lastRow = Int.min
        for tick in ticks where tick.row >= plot.y && tick.row < plot.maxY && tick.row != lastRow {
            buffer.put("┤", x: axisX, y: tick.row, style: axis, clip: clip)
            let label = tick.label.truncated(toCells: yLabels.width)
            buffer.put(label.leftPadded(toCells: yLabels.width), x: yLabels.x, y: tick.row, style: text, clip: clip)
            lastRow = tick.row
        }
    }

    /// Draws the bottom axis line with tick marks at `ticks` (column, label) and the labels
    /// centred under them (a label that would touch the previous one is skipped).
    public func drawXAxis(into buffer: inout CellBuffer, ticks: [(column: Int, label: String)], theme: Theme, clip: Rect) {
        guard hasXAxis, !plot.isEmpty else { return }
        let axis = theme.style(.divider)
        let text = theme.style(.graphText)
        let y = plot.maxY
        buffer.put("└", x: plot.x - 1, y: y, style: axis, clip: clip)
        for x in plot.x..<plot.maxX { buffer.put(Glyphs.Box.horizontal, x: x, y: y, style: axis, clip: clip) }
        var nextFree = Int.min
        for tick in ticks where tick.column >= plot.x && tick.column < plot.maxX {
            buffer.put("┬", x: tick.column, y: y, style: axis, clip: clip)
            let w = tick.label.cellWidth
            var start = tick.column - (w - 1) / 2
            start = min(max(start, clip.x), clip.maxX - w)
            guard start >= nextFree, start >= clip.x else { continue }
            buffer.put(tick.label, x: start, y: y + 1, style: text, clip: clip)
            nextFree = start + w + 1
        }
    }

    /// Draws the x title right-aligned under the tick labels.
    public func drawXTitle(into buffer: inout CellBuffer, _ title: String, theme: Theme, clip: Rect) {
        guard hasXTitle, !title.isEmpty else { return }
        let y = plot.maxY + (hasXAxis ? 2 : 0)
        let t = title.truncated(toCells: clip.width)
        buffer.put(t, x: max(clip.x, min(plot.maxX, clip.maxX) - t.cellWidth), y: y, style: theme.style(.graphText), clip: clip)
    }

    /// Draws the y title at the left of the top row and the legend at its right.
    ///
    /// Legend entries are a coloured marker and a name; entries that do not fit are dropped
    /// from the end.
    /// Returns the names of the entries drawn.
    @discardableResult
    public func drawTop(into buffer: inout CellBuffer, yTitle: String, legend: [LegendEntry], theme: Theme, clip: Rect) -> [String] {
        guard !top.isEmpty else { return [] }
        let titleWidth = min(yTitle.cellWidth, top.width)
        buffer.put(yTitle.truncated(toCells: top.width), x: top.x, y: top.y, style: theme.style(.graphText), clip: clip)
        func width(_ e: ArraySlice<LegendEntry>) -> Int { e.reduce(0) { $0 + $1.name.cellWidth + 3 } }
        var drawn: [String] = []
        var rest = legend[...]
        for row in 0..<top.height {
            let room = top.width - (row == 0 ? titleWidth + (titleWidth > 0 ? 1 : 0) : 0)
            var entries = rest
            // Fill the row from the front; the rest goes to the next row (or is dropped).
            while !entries.isEmpty, width(entries) > room { entries.removeLast() }
            var x = top.maxX - width(entries) + 1
            for e in entries {
                buffer.put(e.marker, x: x, y: top.y + row, style: Style(foreground: e.color, background: theme.style(.text).background), clip: clip)
                buffer.put(e.name, x: x + 2, y: top.y + row, style: theme.style(.graphText), clip: clip)
                x += e.name.cellWidth + 3
                drawn.append(e.name)
            }
            rest = rest.dropFirst(entries.count)
            if rest.isEmpty { break }
        }
        return drawn
    }

    /// Rows the top needs for a y title and legend entries in `width` cells: 2 when they do not
    /// fit in one.
    public static func topRows(yTitle: String, legend: [LegendEntry], width: Int) -> Int {
        let needed = yTitle.cellWidth + (yTitle.isEmpty ? 0 : 1) + legend.reduce(0) { $0 + $1.name.cellWidth + 3 }
        return needed > width ? 2 : 1
    }

    /// The row of `plot` that holds a value at `fraction` (0 bottom … 1 top) of the height,
    /// rounded exactly like `BrailleCanvas` maps world y to dots.
    public func row(forFraction fraction: Double) -> Int {
        guard plot.height > 0, fraction.isFinite else { return plot.maxY - 1 }
        let dot = Int(((1 - min(1, max(0, fraction))) * Double(plot.height * 4 - 1)).rounded())
        return plot.y + dot / 4
    }

    /// The column of `plot` that holds a value at `fraction` (0 left … 1 right) of the width.
    public func column(forFraction fraction: Double) -> Int {
        guard plot.width > 0, fraction.isFinite else { return plot.x }
        return plot.x + Int((min(1, max(0, fraction)) * Double(plot.width * 2 - 1)).rounded()) / 2
    }
}

/// One legend entry: a marker glyph in the series colour and the series name.
public struct LegendEntry: Hashable, Sendable {
    public var marker: Unicode.Scalar
    public var name: String
    public var color: Color

    public init(marker: Unicode.Scalar, name: String, color: Color) {
        self.marker = marker
        self.name = name
        self.color = color
    }
}
