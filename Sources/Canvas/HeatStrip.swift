/// A matrix as a strip of half-block colours, e.g. hidden-unit activity over time: one row per
/// unit, one cell column per time step, the newest column at the right edge.
///
/// ```
/// h0 ▀▀▀▀██▀▀▀▀▀▀▀▀▀     labelled: one cell row per unit (full blocks)
/// h1 ▀▀▀▀▀▀▀▀██▀▀▀▀▀
/// ```
/// Values map through the theme gradient (`.pixel` grey ramp by default) with a fixed
/// `valueRange` (default 0...1, so activity colours are comparable between frames; nil: the
/// data's min/max). With `rowLabels` and at least one text row per unit, each unit gets a whole
/// cell row (full blocks) and its label on the left; otherwise two units share a cell row (top
/// half = even unit, bottom half = odd unit) and units are spread over the pixel rows (several
/// pixel rows per unit when there is room, nearest unit when there are more units than pixel
/// rows). When there are more columns than cells the oldest are dropped; fewer are right-aligned.
/// At `.none`/`.ansi16`, shade glyphs ` ░▒▓█` by the mean of the cell's values. NaN = blank.
/// (A separate widget rather than a `HeatMap`: rows are discrete units and time is anchored
/// at the right, neither of which a resampled field does.)
public struct HeatStrip: Sendable {
    /// Number of rows (units).
    public var rowCount: Int
    /// Number of columns (time steps).
    public var columnCount: Int
    /// `rowCount × columnCount` values, row-major: `values[r * columnCount + c]`.
    public var values: [Double]
    public var gradient: GradientName
    public var valueRange: ClosedRange<Double>?
    /// One label per row (e.g. `"h0"`), shown when every unit gets its own cell row.
    public var rowLabels: [String]?

    public init(rowCount: Int, columnCount: Int, values: [Double], gradient: GradientName = .pixel,
                valueRange: ClosedRange<Double>? = 0...1, rowLabels: [String]? = nil) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.values = values
        self.gradient = gradient
        self.valueRange = valueRange
        self.rowLabels = rowLabels
    }

    /// A strip from time steps: `columns[k]` holds every unit's value at step k, oldest first
    /// (the shape of a ring buffer of activity vectors). Short vectors are padded with NaN.
    public init(columns: [[Double]], gradient: GradientName = .pixel, valueRange: ClosedRange<Double>? = 0...1,
                rowLabels: [String]? = nil) {
        let rows = columns.map(\.count).max() ?? 0
        var values = [Double](repeating: .nan, count: rows * columns.count)
        for (c, column) in columns.enumerated() {
            for (r, v) in column.enumerated() { values[r * columns.count + c] = v }
        }
        self.init(rowCount: rows, columnCount: columns.count, values: values, gradient: gradient, valueRange: valueRange,
                  rowLabels: rowLabels)
    }

    public var effectiveValueRange: ClosedRange<Double> {
        if let r = valueRange, r.lowerBound.isFinite, r.upperBound.isFinite, r.upperBound > r.lowerBound { return r }
        guard let data = Ticks.dataRange(values, scale: .linear) else { return 0...1 }
        return data.upperBound > data.lowerBound ? data : (data.lowerBound - 0.5)...(data.upperBound + 0.5)
    }

    /// The value at (row, column), NaN outside or missing.
    public func value(row: Int, column: Int) -> Double {
        guard row >= 0, row < rowCount, column >= 0, column < columnCount, row * columnCount + column < values.count else { return .nan }
        return values[row * columnCount + column]
    }

    /// Draws the strip inside `area` only.
    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        render(into: &buffer, area: area, theme: theme, direct: true)
    }

    /// `render(into:area:theme:)`; with `direct` false, colour depths of 256 colours and more
    /// also go through a `HalfBlockCanvas` (the reference the direct cells are tested against).
    func render(into buffer: inout CellBuffer, area: Rect, theme: Theme, direct: Bool) {
        let clip = area.intersection(buffer.bounds)
        guard !clip.isEmpty, rowCount > 0, columnCount > 0 else { return }
        var plot = clip
        var labelled = false
        if let rowLabels, !rowLabels.isEmpty, clip.height >= rowCount {
            let labelWidth = min(rowLabels.map(\.cellWidth).max() ?? 0, 8)
            if labelWidth > 0, clip.width >= labelWidth + 1 + 4 {
                labelled = true
                let text = theme.style(.graphText)
                for r in 0..<rowCount {
                    let name = r < rowLabels.count ? rowLabels[r].truncated(toCells: labelWidth) : ""
                    buffer.put(name.leftPadded(toCells: labelWidth), x: clip.x, y: clip.y + rowY(r, height: clip.height) / 2,
                               style: text, clip: clip)
                }
                plot = clip.splitLeft(labelWidth + 1).1
            }
        }
        let range = effectiveValueRange
        let grad = theme.gradient(gradient)
        let pixelRows = 2 * plot.height
        // Which unit each pixel row shows (nil: none).
        var unitOfPixel = [Int?](repeating: nil, count: pixelRows)
        if labelled {
            for r in 0..<rowCount {
                let y = rowY(r, height: plot.height)
                if y + 1 < pixelRows { unitOfPixel[y] = r; unitOfPixel[y + 1] = r }
            }
        } else if rowCount <= pixelRows {
            let per = pixelRows / rowCount
            for p in 0..<min(pixelRows, per * rowCount) { unitOfPixel[p] = p / per }
        } else {
            for p in 0..<pixelRows { unitOfPixel[p] = p * rowCount / pixelRows }
        }
        let shown = min(columnCount, plot.width)
        let x0 = plot.maxX - shown
        if direct && theme.depth > .ansi16 {
            drawCells(into: &buffer, area: Rect(x: x0, y: plot.y, width: shown, height: plot.height).intersection(plot),
                      shown: shown, unitOfPixel: unitOfPixel, range: range, gradient: grad, depth: theme.depth)
            return
        }
        var canvas = HalfBlockCanvas(width: shown, height: plot.height)
        for k in 0..<shown {
            let column = columnCount - shown + k
            for p in 0..<pixelRows {
                guard let unit = unitOfPixel[p] else { continue }
                let v = value(row: unit, column: column)
                guard v.isFinite else { continue }
                canvas.set(x: k, y: p, intensity: (v - range.lowerBound) / (range.upperBound - range.lowerBound), gradient: grad)
            }
        }
        if theme.depth == .ansi16 {
            // Shades, coloured through the (reduced) gradient.
            for cy in 0..<plot.height {
                for k in 0..<shown {
                    let px = [canvas.pixel(x: k, y: 2 * cy), canvas.pixel(x: k, y: 2 * cy + 1)].compactMap { $0 }
                    guard !px.isEmpty else { continue }
                    let m = px.map(\.intensity).reduce(0, +) / Double(px.count)
                    buffer.put(Glyphs.shade(m), x: x0 + k, y: plot.y + cy,
                               style: Style(foreground: grad.color(at: m), background: theme.style(.text).background), clip: plot)
                }
            }
        } else {
            canvas.render(into: &buffer, area: Rect(x: x0, y: plot.y, width: shown, height: plot.height).intersection(plot),
                          depth: theme.depth)
        }
    }

    /// The cells of the last `shown` columns, each unit's value through `gradient` as a
    /// half-block pixel, written straight into the buffer: exactly what the `HalfBlockCanvas`
    /// path draws at `depth` > `.ansi16` (pixels of non-finite values and of rows without a
    /// unit unset, so the cell below shows through), without the canvas's optional pixels and
    /// per-cell closure (issue 13: the least-action strip is ~5 000 pixels a frame). Tested
    /// against the canvas in HeatStripDirectTests.
    private func drawCells(into buffer: inout CellBuffer, area: Rect, shown: Int, unitOfPixel: [Int?], range: ClosedRange<Double>,
                           gradient: Gradient, depth: ColorDepth) {
        // The canvas's cells (shown × pixel rows / 2) that land inside `area` and the buffer.
        let x0 = max(area.x, 0), x1 = min(area.x + min(shown, area.width), buffer.width)
        let y0 = max(area.y, 0), y1 = min(area.y + min(unitOfPixel.count / 2, area.height), buffer.height)
        guard x1 > x0, y1 > y0, shown > 0 else { return }
        let steps = gradient.steps
        // Each step's colour reduced to `depth`, on first use.
        var reducedSteps = [Color](repeating: .default, count: steps.count)
        var reducedKnown = [Bool](repeating: false, count: steps.count)
        var lastBackground: (color: Color, reduced: Color)?
        let lo = range.lowerBound, span = range.upperBound - range.lowerBound
        let firstColumn = columnCount - shown
        let width = buffer.width, columns = columnCount, valueCount = values.count
        values.withUnsafeBufferPointer { values in
            buffer.cells.withUnsafeMutableBufferPointer { cells in
                // The gradient step of a unit's pixel in column k (−1: unset), as
                // HalfBlockCanvas.set(x:y:intensity:gradient:) colours it (`value(row:column:)`'s reads).
                func step(_ unit: Int?, _ k: Int) -> Int {
                    guard let unit else { return -1 }
                    let index = unit * columns + firstColumn + k
                    guard index < valueCount else { return -1 }
                    let v = values[index]
                    guard v.isFinite else { return -1 }
                    let intensity = (v - lo) / span
                    let i = intensity.isFinite ? min(1, max(0, intensity)) : 0
                    return Int((i * 100).rounded())
                }
                func reduced(_ step: Int) -> Color {
                    if reducedKnown[step] { return reducedSteps[step] }
                    let c = ColorReduction.reduce(steps[step], to: depth)
                    reducedSteps[step] = c
                    reducedKnown[step] = true
                    return c
                }
                func background(_ index: Int) -> Color {
                    let color = cells[index].style.background
                    if let last = lastBackground, last.color == color { return last.reduced }
                    let r = ColorReduction.reduce(color, to: depth)
                    lastBackground = (color, r)
                    return r
                }
                for y in y0..<y1 {
                    let cy = y - area.y
                    let topUnit = unitOfPixel[2 * cy], bottomUnit = unitOfPixel[2 * cy + 1]
                    if topUnit == nil && bottomUnit == nil { continue }
                    for x in x0..<x1 {
                        let k = x - area.x
                        let t = step(topUnit, k), b = step(bottomUnit, k)
                        let index = y * width + x
                        if t >= 0 && b >= 0 {
                            if t == b || steps[t] == steps[b] {
                                cells[index] = Cell(Glyphs.fullBlock, style: Style(foreground: reduced(t), background: background(index)))
                            } else {
                                cells[index] = Cell(Glyphs.upperHalf, style: Style(foreground: reduced(t), background: reduced(b)))
                            }
                        } else if t >= 0 {
                            cells[index] = Cell(Glyphs.upperHalf, style: Style(foreground: reduced(t), background: background(index)))
                        } else if b >= 0 {
                            cells[index] = Cell(Glyphs.lowerHalf, style: Style(foreground: reduced(b), background: background(index)))
                        }
                    }
                }
            }
        }
    }

    /// The top pixel row of unit `r` when each unit has its own cell row(s): units spread evenly.
    private func rowY(_ r: Int, height: Int) -> Int {
        2 * (r * (height / max(1, rowCount)))
    }
}
