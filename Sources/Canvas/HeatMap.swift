/// A 2-D scalar field (an energy or cost landscape) as a heat map, with optional contour lines,
/// trails, arrows and a cursor on top, axes with ticks and a colour bar (shared/terminal.md 5.6).
///
/// ```
/// w₂                       ⣀ euclid ⣀ natural
///  2┤▀▀▀▀▀▀▀▀▀▀⢀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  ▀ 4.0
///  0┤▀▀▀▀▀⠔⠊⠉▀▀▀⢀⡠⠤●▀▀▀▀▀▀▀⢀⠤⠒⠊⠉⠉▀▀  ▀
/// -2┤▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  ▀ 0.0
///   └┬───────────────┬──────────────┬
///   -2               0              2
///                                  w₁
/// ```
///
/// **The field.** `values` holds `columns × rows` samples, row-major, row 0 at the top (y max),
/// column 0 at the left (x min). Samples sit evenly over the data ranges, ends included:
/// sample (i, j) is at `x = x0 + i·(x1 − x0)/(columns − 1)`, `y = y1 − j·(y1 − y0)/(rows − 1)`
/// (numpy's `linspace`; `HeatMap.grid(…)` builds such a grid from a function). The field is
/// resampled to the screen, nearest or bilinear, at the same positions `BrailleCanvas` maps
/// world points to, so trails, contours and colours line up. NaN samples are left blank.
///
/// **Colours.** A value maps to `t = (v − lo)/(hi − lo)` with `valueRange` (fixed, so colours
/// don't flicker from frame to frame) or the data's min/max, and `t` through the theme gradient
/// (`.energy` by default: low energy blue, high pink). Each cell shows two vertical samples as a
/// half block (`▀`, fg = upper, bg = lower).
///
/// **Overlays and the one-fg-per-cell limit.** A half-block cell already uses both of its
/// colours, so anything drawn over the map (contour dots, trail dots, markers) takes over the
/// whole cell: the cell becomes a braille (or marker) glyph with fg = the overlay colour and
/// bg = the gradient colour of the **mean of the cell's two samples** (the heat map at 1 × 1
/// resolution, as in terminal.md 5.6). Precedence, top first: cursor, arrow heads, newest trail
/// points `●`, trail dots, contour dots, heat map. A cell with both trail and contour dots
/// shows the trail's dots only.
///
/// **Contours.** A braille dot (2 × 4 per cell) is on when, for some level L, the field minus L
/// changes sign between the dot and its right or lower neighbour (terminal.md 5.6), all dots
/// in one colour: `contourColor`, or by default (nil) a darker shade of the map colour beneath
/// each cell, so iso-lines read like engraved lines and never look like a (bright) trail.
///
/// **Depths.** At `.none` and `.ansi16` (read from `theme.depth`) the map falls back to shade
/// glyphs ` ░▒▓█` by the cell's mean value (coloured through the reduced gradient at `.ansi16`);
/// contours, trails and markers still draw over them.
public struct HeatMap: Sendable {
    /// How the field is sampled between grid points.
    public enum Resampling: Hashable, Sendable {
        /// The nearest grid sample (blocky; right for small discrete grids).
        case nearest
        /// Bilinear interpolation of the four surrounding samples (smooth).
        case bilinear
    }

    /// Which iso-lines to draw.
    public enum Contours: Hashable, Sendable {
        case none
        /// `k` levels evenly inside the value range: `lo + i·(hi − lo)/(k + 1)`, i = 1…k.
        case count(Int)
        /// Explicit levels in data units.
        case levels([Double])
    }

    /// How the value → colour mapping is shown.
    public enum ScaleDisplay: Hashable, Sendable {
        case none
        /// A vertical colour bar at the right with the max at the top and the min at the bottom
        /// (min/max labels in the top row instead when the plot is too narrow).
        case colorBar
        /// Two legend entries in the top row: the min and max colours with their values.
        case minMax
    }

    /// A named path in data coordinates, oldest point first; the newest is marked with `●`.
    public struct Trail: Sendable {
        public var name: String
        public var points: [(x: Double, y: Double)]
        /// nil: the n-th trail takes the n-th of `HeatMap.defaultTrailColors`.
        public var color: SeriesColor?
        /// Join consecutive points with lines (a NaN point breaks the line); false: dots only.
        public var connected: Bool
        /// Mark the newest point with `●` (bold).
        public var marksNewest: Bool
        /// Identity of the points' history (nil: not known): while it stays the same between
        /// frames, the points only grew at the end, so `HeatMapTrailCache` extends its drawing
        /// without comparing them (SpikeCore's `Landscape.trailGenerations`).
        public var generation: UInt64?

        public init(name: String, points: [(x: Double, y: Double)], color: SeriesColor? = nil, connected: Bool = true,
                    marksNewest: Bool = true, generation: UInt64? = nil) {
            self.name = name
            self.points = points
            self.color = color
            self.connected = connected
            self.marksNewest = marksNewest
            self.generation = generation
        }
    }

    /// A direction vector drawn from a point: a short braille line with an arrow head
    /// (`→↗↑↖←↙↓↘`, by the on-screen angle) at the tip `(x + dx, y + dy)`.
    public struct Arrow: Sendable {
        public var x: Double
        public var y: Double
        /// The vector in data units (scale it yourself to the length you want to see).
        public var dx: Double
        public var dy: Double
        public var color: SeriesColor
        /// Shown in the legend (with marker `→`) when not empty.
        public var name: String

        public init(x: Double, y: Double, dx: Double, dy: Double, color: SeriesColor = .role(.title), name: String = "") {
            self.x = x
            self.y = y
            self.dx = dx
            self.dy = dy
            self.color = color
            self.name = name
        }
    }

    /// Colours for trails without their own: bright text, then the `train` gradient's ends, then
    /// the middle of the `spike` gradient.
    public static let defaultTrailColors: [SeriesColor] = [
        .role(.title), .gradient(.train, 0), .gradient(.train, 1), .gradient(.spike, 0.5),
    ]

    /// Grid width (samples per row).
    public var columns: Int
    /// Grid height (number of rows).
    public var rows: Int
    /// `columns × rows` samples, row-major, row 0 = top = y max.
    public var values: [Double]
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    /// Axis titles with units (empty: none).
    public var xTitle: String
    public var yTitle: String
    public var gradient: GradientName
    /// Fixed value bounds for the colours and contour levels; nil: the data's min/max.
    public var valueRange: ClosedRange<Double>?
    public var resampling: Resampling
    public var contours: Contours
    /// Colour of the contour dots; nil: the cell's mean map colour darkened (the dim role
    /// without colours).
    public var contourColor: SeriesColor?
    public var trails: [Trail]
    /// A marker (`cursorGlyph`, bold) at a point, e.g. the current state.
    public var cursor: (x: Double, y: Double)?
    public var cursorGlyph: Unicode.Scalar
    public var cursorColor: SeriesColor
    public var arrows: [Arrow]
    public var scale: ScaleDisplay
    /// Ticks and axis lines when there is room.
    public var showAxes: Bool
    /// Trail (and named arrow) legend in the top row.
    public var showLegend: Bool

    public init(columns: Int, rows: Int, values: [Double], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                xTitle: String = "", yTitle: String = "", gradient: GradientName = .energy,
                valueRange: ClosedRange<Double>? = nil, resampling: Resampling = .bilinear, contours: Contours = .none,
                contourColor: SeriesColor? = nil, trails: [Trail] = [], cursor: (x: Double, y: Double)? = nil,
                cursorGlyph: Unicode.Scalar = "◆", cursorColor: SeriesColor = .role(.hotkey), arrows: [Arrow] = [],
                scale: ScaleDisplay = .colorBar, showAxes: Bool = true, showLegend: Bool = true) {
        self.columns = columns
        self.rows = rows
        self.values = values
        self.xRange = xRange
        self.yRange = yRange
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.gradient = gradient
        self.valueRange = valueRange
        self.resampling = resampling
        self.contours = contours
        self.contourColor = contourColor
        self.trails = trails
        self.cursor = cursor
        self.cursorGlyph = cursorGlyph
        self.cursorColor = cursorColor
        self.arrows = arrows
        self.scale = scale
        self.showAxes = showAxes
        self.showLegend = showLegend
    }

    /// Samples `f(x, y)` on a `columns × rows` grid over the ranges in `HeatMap`'s layout
    /// (row-major, row 0 at y max, ends included).
    public static func grid(columns: Int, rows: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                            _ f: (Double, Double) -> Double) -> [Double] {
        guard columns > 0, rows > 0 else { return [] }
        var out: [Double] = []
        out.reserveCapacity(columns * rows)
        let dx = columns > 1 ? (xRange.upperBound - xRange.lowerBound) / Double(columns - 1) : 0
        let dy = rows > 1 ? (yRange.upperBound - yRange.lowerBound) / Double(rows - 1) : 0
        for j in 0..<rows {
            let y = yRange.upperBound - Double(j) * dy
            for i in 0..<columns { out.append(f(xRange.lowerBound + Double(i) * dx, y)) }
        }
        return out
    }

    // MARK: Pure helpers (tested directly)

    /// The value bounds used for colours: `valueRange`, else the finite data min/max (a flat
    /// field gets ±0.5 around its value; no data gives 0...1).
    public var effectiveValueRange: ClosedRange<Double> {
        if let r = valueRange, r.lowerBound.isFinite, r.upperBound.isFinite, r.upperBound > r.lowerBound { return r }
        guard let data = Ticks.dataRange(values, scale: .linear) else { return 0...1 }
        return data.upperBound > data.lowerBound ? data : (data.lowerBound - 0.5)...(data.upperBound + 0.5)
    }

    /// The contour levels in data units.
    public var contourLevels: [Double] {
        switch contours {
        case .none: return []
        case .levels(let l): return l.filter(\.isFinite)
        case .count(let k):
            guard k > 0 else { return [] }
            let r = effectiveValueRange
            return (1...min(k, 64)).map { r.lowerBound + Double($0) * (r.upperBound - r.lowerBound) / Double(min(k, 64) + 1) }
        }
    }

    /// The field at fractional position (fx from the left, fy from the top, both 0...1).
    public func value(fx: Double, fy: Double) -> Double {
        guard columns > 0, rows > 0, values.count >= columns * rows, fx.isFinite, fy.isFinite else { return .nan }
        let u = min(1, max(0, fx)) * Double(columns - 1)
        let v = min(1, max(0, fy)) * Double(rows - 1)
        switch resampling {
        case .nearest:
            return values[Int(v.rounded()) * columns + Int(u.rounded())]
        case .bilinear:
            let i0 = min(Int(u), columns - 1), j0 = min(Int(v), rows - 1)
            let i1 = min(i0 + 1, columns - 1), j1 = min(j0 + 1, rows - 1)
            let a = u - Double(i0), b = v - Double(j0)
            // Corners with weight 0 are skipped, so a NaN neighbour only spreads where it counts.
            // (Unrolled: this runs for every dot of the contour grid, so no temporary array.)
            let w00 = (1 - a) * (1 - b), w10 = a * (1 - b), w01 = (1 - a) * b, w11 = a * b
            var sum = 0.0
            if w00 > 0 { sum += w00 * values[j0 * columns + i0] }
            if w10 > 0 { sum += w10 * values[j0 * columns + i1] }
            if w01 > 0 { sum += w01 * values[j1 * columns + i0] }
            if w11 > 0 { sum += w11 * values[j1 * columns + i1] }
            return sum
        }
    }

    /// The braille dots (in a `width × height`-cell grid) that lie on a contour: dot (px, py)
    /// is on when `value − L` changes sign between it and its right or lower neighbour for some
    /// level L (≥ L on one side, < L on the other; NaN never crosses).
    public func contourDots(width: Int, height: Int, levels: [Double]) -> BrailleCanvas {
        var canvas = BrailleCanvas(width: width, height: height)
        guard !levels.isEmpty, width > 0, height > 0 else { return canvas }
        let w = canvas.dotWidth, h = canvas.dotHeight
        var field = [Double](repeating: .nan, count: w * h)
        for py in 0..<h {
            for px in 0..<w {
                field[py * w + px] = value(fx: w > 1 ? Double(px) / Double(w - 1) : 0.5, fy: Double(py) / Double(h - 1))
            }
        }
        func crosses(_ a: Double, _ b: Double) -> Bool {
            guard a.isFinite, b.isFinite else { return false }
            for level in levels where (a >= level) != (b >= level) { return true }
            return false
        }
        for py in 0..<h {
            for px in 0..<w {
                let here = field[py * w + px]
                if (px + 1 < w && crosses(here, field[py * w + px + 1])) || (py + 1 < h && crosses(here, field[(py + 1) * w + px])) {
                    canvas.set(dotX: px, dotY: py)
                }
            }
        }
        return canvas
    }

    /// The arrow-head glyph for a direction (x right, **y up**), by octant: within ±22.5° of
    /// east `→`, then `↗ ↑ ↖ ← ↙ ↓ ↘` anticlockwise; a zero or non-finite vector gives `·`.
    public static func arrowGlyph(dx: Double, dy: Double) -> Unicode.Scalar {
        guard dx.isFinite, dy.isFinite, dx != 0 || dy != 0 else { return "·" }
        let ax = abs(dx), ay = abs(dy)
        let tan22 = 0.414_213_562_373_095_1  // tan 22.5°
        if ay <= ax * tan22 { return dx > 0 ? "→" : "←" }
        if ax <= ay * tan22 { return dy > 0 ? "↑" : "↓" }
        switch (dx > 0, dy > 0) {
        case (true, true): return "↗"
        case (false, true): return "↖"
        case (false, false): return "↙"
        case (true, false): return "↘"
        }
    }

    // MARK: Rendering

    /// Draws the map inside `area` only; small areas drop the top row, titles, axes and colour bar.
    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        render(into: &buffer, area: area, theme: theme, fieldCache: .shared)
    }

    /// `render(into:area:theme:)` with the caches of field layers and of trail dots to use
    /// (nil: compute them afresh).
    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme, fieldCache: HeatMapFieldCache?,
                       trailCache: HeatMapTrailCache? = .shared) {
        let clip = area.intersection(buffer.bounds)
        guard !clip.isEmpty else { return }
        let vr = effectiveValueRange
        let grad = theme.gradient(gradient)
        let legend = legendEntries(theme)
        let valueDecimals = Numeric.decimals(forStep: Ticks.niceStep((vr.upperBound - vr.lowerBound) / 100))
        let loLabel = Numeric.label(vr.lowerBound, decimals: valueDecimals)
        let hiLabel = Numeric.label(vr.upperBound, decimals: valueDecimals)
        // A colour bar needs: 1 gap + 1 bar + 1 space + the labels, and a plot of ≥ 12 columns left.
        let barWidth = 3 + max(loLabel.cellWidth, hiLabel.cellWidth)
        let wantsBar = scale == .colorBar && clip.width - barWidth >= 12 && clip.height >= 3
        var minMaxEntries: [LegendEntry] = []
        if scale == .minMax || (scale == .colorBar && !wantsBar) {
            let shaded = theme.depth <= .ansi16
            minMaxEntries = [
                LegendEntry(marker: shaded ? "░" : "█", name: loLabel, color: shaded ? .default : grad.color(at: 0)),
                LegendEntry(marker: "█", name: hiLabel, color: shaded ? .default : grad.color(at: 1)),
            ]
        }
        let body = wantsBar ? clip.splitLeft(clip.width - barWidth).0 : clip
        let yTicks = showAxes ? Ticks.linear(yRange, maxCount: max(2, (area.height - 3) / 2)) : []
        let allLegend = legend + minMaxEntries
        let frame = PlotFrame(area: body, yLabelWidth: yTicks.map(\.label.cellWidth).max() ?? 0,
                              wantsTop: !allLegend.isEmpty || !yTitle.isEmpty, wantsXAxis: showAxes,
                              wantsXTitle: showAxes && !xTitle.isEmpty)
        let plot = frame.plot
        guard !plot.isEmpty else { return }
        // The field and its contours depend only on the samples, the sizes and the colours, not
        // on the trails: computed once and reused while those stay the same (HeatMapFieldCache).
        let compute = { fieldLayer(width: plot.width, height: plot.height, range: vr, gradient: grad, theme: theme) }
        let field = fieldCache?.layer(for: fieldKey(plot: plot, range: vr, gradient: grad, theme: theme), compute: compute)
            ?? compute()
        field.draw(into: &buffer, at: plot)
        drawOverlays(into: &buffer, plot: plot, mean: field.mean, theme: theme, trailCache: trailCache)
        if wantsBar {
            drawColorBar(into: &buffer, x: plot.maxX + 1, plot: plot, clip: clip, labels: (loLabel, hiLabel),
                         gradient: grad, theme: theme)
        }
        if showAxes {
            let span = { (r: ClosedRange<Double>, v: Double) -> Double in
                r.upperBound > r.lowerBound ? (v - r.lowerBound) / (r.upperBound - r.lowerBound) : 0
            }
            frame.drawYAxis(into: &buffer, ticks: yTicks.map { (frame.row(forFraction: span(yRange, $0.value)), $0.label) },
                            theme: theme, clip: clip)
            let xTicks = Ticks.linear(xRange, maxCount: max(2, plot.width / 8))
            frame.drawXAxis(into: &buffer, ticks: xTicks.map { (frame.column(forFraction: span(xRange, $0.value)), $0.label) },
                            theme: theme, clip: clip)
            frame.drawXTitle(into: &buffer, xTitle, theme: theme, clip: clip)
        }
        frame.drawTop(into: &buffer, yTitle: yTitle, legend: allLegend, theme: theme, clip: clip)
    }

    /// Normalised value for colouring (NaN stays NaN).
    func fraction(_ v: Double, _ r: ClosedRange<Double>) -> Double {
        guard v.isFinite else { return .nan }
        return min(1, max(0, (v - r.lowerBound) / (r.upperBound - r.lowerBound)))
    }
}
