/// The 2^N states of N binary units (a small Boltzmann machine) on a Gray-code grid, coloured by
/// energy, with the current state as a cursor and a fading trail of recent states.
///
/// ```
///        00    01    11    10        ← low bits (column headers, Gray order)
///  00   0000  0001  0011  0010
///  01   0100  0101 [0111] 0110       ← cursor: reverse + bold
///  11   1100  1101  1111  1110
///  10   1000  1001  1011  1010
/// ```
/// A widget of its own (not a HeatMap mode): a state grid is discrete, needs whole cells per
/// state, labels, a cursor and a trail by state, none of which fit a continuous field.
///
/// **Layout.** `GrayCode.Layout(bitCount:)`: rows = Gray code of the high `N/2` bits, columns =
/// Gray code of the low bits, so horizontally and vertically neighbouring cells differ in one
/// unit. `energies[s]` is the energy of state `s` (bit k of `s` = unit k); the widget places it.
/// Each state gets `floor(width / columns)` × `floor(height / rows)` cells (after the headers),
/// the grid centred. When a state's cell is at least N + 2 columns wide its N-bit label (most
/// significant bit first, or `labels[s]`) is written in it, in black or white for contrast.
/// Row and column headers (the high and low bits) are drawn when there is room.
/// When rows don't fit at one text row per state but do at half a row, the grid switches to
/// half blocks (two states per cell vertically, no labels or headers), the cursor and trail
/// then drawn as `◆` / `•` glyphs in their cell.
///
/// **Colours.** Energy → `t = (E − lo)/(hi − lo)` over `valueRange` (fixed) or the data's
/// min/max, through the theme gradient (`.energy` by default: low energy = gradient start).
/// Labels are black or white, whichever contrasts with the cell. Trail cells (oldest first in
/// `trail`, the cursor state excluded) get a `•` (left of the label, or centred) in a colour
/// fading from the title colour (newest) towards the dim colour (oldest), bold for the newest
/// half (dim attribute for the older half without colours); at
/// `.none`/`.ansi16` the cell fill is a shade glyph ` ░▒▓█` by t (under the label and marks) and
/// the cursor stays reverse + bold.
public struct StateGrid: Sendable {
    /// N, the number of units (0...12 are drawn; 2^12 states is the most a terminal can show).
    public var bitCount: Int
    /// Energy per state, indexed by state (`2^N` values; missing or NaN states are left blank).
    public var energies: [Double]
    public var gradient: GradientName
    /// Fixed energy bounds for the colours; nil: the data's min/max.
    public var valueRange: ClosedRange<Double>?
    /// The current state (reverse + bold), if any.
    public var cursor: Int?
    /// Recent states, oldest first (repeats allowed; the newest visit of a state wins).
    public var trail: [Int]
    /// Per-state labels instead of the bit strings (nil: bit strings).
    public var labels: [String]?
    /// Write labels in the cells when they fit.
    public var showLabels: Bool
    /// Row/column headers (high/low bits) when there is room.
    public var showHeaders: Bool

    public init(bitCount: Int, energies: [Double], gradient: GradientName = .energy, valueRange: ClosedRange<Double>? = nil,
                cursor: Int? = nil, trail: [Int] = [], labels: [String]? = nil, showLabels: Bool = true, showHeaders: Bool = true) {
        self.bitCount = bitCount
        self.energies = energies
        self.gradient = gradient
        self.valueRange = valueRange
        self.cursor = cursor
        self.trail = trail
        self.labels = labels
        self.showLabels = showLabels
        self.showHeaders = showHeaders
    }

    /// The Gray-code layout used for `bitCount` (clamped to 0...12).
    public var layout: GrayCode.Layout { GrayCode.Layout(bitCount: min(max(0, bitCount), 12)) }

    /// The value bounds used for colours.
    public var effectiveValueRange: ClosedRange<Double> {
        if let r = valueRange, r.lowerBound.isFinite, r.upperBound.isFinite, r.upperBound > r.lowerBound { return r }
        let count = layout.stateCount
        guard let data = Ticks.dataRange(Array(energies.prefix(count)), scale: .linear) else { return 0...1 }
        return data.upperBound > data.lowerBound ? data : (data.lowerBound - 0.5)...(data.upperBound + 0.5)
    }

    /// The label of state `s`.
    public func label(_ s: Int) -> String {
        if let labels, s >= 0, s < labels.count { return labels[s] }
        return GrayCode.binary(s, bits: layout.bitCount)
    }

    /// Geometry of one rendering: where state cells go.
    public struct Geometry: Hashable, Sendable {
        /// Whether states are half a text row tall (two per cell vertically).
        public var halfBlocks: Bool
        /// Top-left cell of the grid.
        public var originX: Int
        public var originY: Int
        /// Cells per state: columns, and text rows (0 in half-block mode).
        public var cellWidth: Int
        public var cellHeight: Int
        /// Where the headers go (nil: none).
        public var columnHeaderY: Int?
        public var rowHeaderX: Int?
    }

    /// Where the grid goes inside `area` (nil when not even the half-block grid fits).
    public func geometry(in area: Rect) -> Geometry? {
        let l = layout
        guard !area.isEmpty else { return nil }
        // Try with headers first, then without.
        let rowHeaderWidth = l.rowBits + 1
        for headers in (showHeaders && l.bitCount > 0 ? [true, false] : [false]) {
            let top = headers ? 1 : 0
            let left = headers ? rowHeaderWidth : 0
            let w = (area.width - left) / l.columns
            let h = (area.height - top) / l.rows
            guard w >= max(1, headers ? l.columnBits : 1) else { continue }
            if h >= 1 {
                let gridW = w * l.columns + left, gridH = h * l.rows + top
                let x0 = area.x + (area.width - gridW) / 2 + left
                let y0 = area.y + (area.height - gridH) / 2 + top
                return Geometry(halfBlocks: false, originX: x0, originY: y0, cellWidth: w, cellHeight: h,
                                columnHeaderY: headers ? y0 - 1 : nil, rowHeaderX: headers ? x0 - left : nil)
            }
        }
        // Half blocks: two states per text row, no headers.
        let w = area.width / l.columns
        guard w >= 1, 2 * area.height >= l.rows else { return nil }
        let gridH = (l.rows + 1) / 2
        return Geometry(halfBlocks: true, originX: area.x + (area.width - w * l.columns) / 2,
                        originY: area.y + (area.height - gridH) / 2, cellWidth: w, cellHeight: 0,
                        columnHeaderY: nil, rowHeaderX: nil)
    }

    /// Draws the grid inside `area` only.
    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let clip = area.intersection(buffer.bounds)
        guard !clip.isEmpty, bitCount >= 0, bitCount <= 12, let g = geometry(in: area) else { return }
        let l = layout
        let range = effectiveValueRange
        let grad = theme.gradient(gradient)
        let background = theme.style(.text).background
        let shaded = theme.depth <= .ansi16
        func t(_ s: Int) -> Double? {
            guard s >= 0, s < energies.count, energies[s].isFinite else { return nil }
            return min(1, max(0, (energies[s] - range.lowerBound) / (range.upperBound - range.lowerBound)))
        }
        // Recency rank of each state in the trail: 0 = newest.
        var age: [Int: Int] = [:]
        for (i, s) in trail.reversed().enumerated() where age[s] == nil && s != cursor { age[s] = i }
        let fade = Gradient(start: theme.style(.title).foreground, end: theme.style(.dim).foreground)
        func trailStyle(_ rank: Int, background bg: Color) -> Style {
            let f = trail.count > 1 ? Double(rank) / Double(trail.count - 1) : 0
            // Fade from the title colour to 60 % of the way to the dim colour, so old marks stay visible.
            let color = ColorReduction.reduce(fade.color(at: 0.6 * f), to: theme.depth)
            var attributes: Attributes = f <= 0.5 ? .bold : []
            if theme.depth == .none, f > 0.5 { attributes = .dim }
            return Style(foreground: color, background: bg, attributes: attributes)
        }
        if g.halfBlocks {
            var canvas = HalfBlockCanvas(width: g.cellWidth * l.columns, height: (l.rows + 1) / 2)
            for r in 0..<l.rows {
                for c in 0..<l.columns {
                    guard let s = l.state(row: r, column: c), let v = t(s) else { continue }
                    for dx in 0..<g.cellWidth { canvas.set(x: c * g.cellWidth + dx, y: r, intensity: v, gradient: grad) }
                }
            }
            canvas.render(into: &buffer, area: Rect(x: g.originX, y: g.originY, width: canvas.width, height: canvas.height)
                .intersection(clip), depth: theme.depth)
            func mark(_ s: Int, _ glyph: Unicode.Scalar, _ style: (Color) -> Style) {
                guard let p = l.position(of: s) else { return }
                let x = g.originX + p.column * g.cellWidth + (g.cellWidth - 1) / 2
                let y = g.originY + p.row / 2
                let bg = shaded ? background : (t(s).map { grad.color(at: $0) } ?? background)
                buffer.put(glyph, x: x, y: y, style: style(bg), clip: clip)
            }
            for (s, rank) in age.sorted(by: { $0.value > $1.value }) { mark(s, "•") { trailStyle(rank, background: $0) } }
            if let cursor {
                mark(cursor, "◆") { Style(foreground: theme.style(.title).foreground, background: $0, attributes: .bold) }
            }
            return
        }
        let text = theme.style(.graphText)
        if let y = g.columnHeaderY {
            for c in 0..<l.columns {
                let h = l.columnLabel(c)
                buffer.put(h, x: g.originX + c * g.cellWidth + (g.cellWidth - h.cellWidth) / 2, y: y, style: text, clip: clip)
            }
        }
        if let x = g.rowHeaderX {
            for r in 0..<l.rows {
                buffer.put(l.rowLabel(r), x: x, y: g.originY + r * g.cellHeight + (g.cellHeight - 1) / 2, style: text, clip: clip)
            }
        }
        for r in 0..<l.rows {
            for c in 0..<l.columns {
                guard let s = l.state(row: r, column: c) else { continue }
                let x0 = g.originX + c * g.cellWidth, y0 = g.originY + r * g.cellHeight
                let v = t(s)
                let fill: Cell
                if let v {
                    fill = shaded
                        ? Cell(Glyphs.shade(v), style: Style(foreground: theme.depth == .none ? .default : grad.color(at: v), background: background))
                        : Cell(" ", style: Style(background: grad.color(at: v)))
                } else {
                    fill = Cell(" ", style: theme.style(.text))
                }
                let bg = fill.style.background
                let ink: Color = shaded || v == nil ? theme.style(.text).foreground
                    : (HalfBlockCanvas.luminance(grad.color(at: v!)) > 0.5 ? .rgb(0, 0, 0) : .rgb(255, 255, 255))
                var labelStyle = Style(foreground: ColorReduction.reduce(ink, to: theme.depth), background: bg)
                var markStyle: Style?
                if let rank = age[s] { markStyle = trailStyle(rank, background: bg) }
                let isCursor = s == cursor
                if isCursor { labelStyle.attributes = [.reverse, .bold] }
                let name = label(s)
                let midY = y0 + (g.cellHeight - 1) / 2
                let hasLabel = showLabels && g.cellWidth >= name.cellWidth + 2 && !name.isEmpty
                for y in y0..<(y0 + g.cellHeight) {
                    for x in x0..<(x0 + g.cellWidth) {
                        var cell = fill
                        if isCursor { cell.style = Style(foreground: labelStyle.foreground, background: bg, attributes: [.reverse, .bold]) }
                        buffer.put(isCursor && !shaded ? " " : cell.character, x: x, y: y, style: cell.style, clip: clip)
                    }
                }
                if hasLabel {
                    let lx = x0 + (g.cellWidth - name.cellWidth) / 2
                    buffer.put(name, x: lx, y: midY, style: labelStyle, clip: clip)
                    if let markStyle, !isCursor { buffer.put("•", x: lx - 1, y: midY, style: markStyle, clip: clip) }
                } else if let markStyle, !isCursor {
                    buffer.put("•", x: x0 + (g.cellWidth - 1) / 2, y: midY, style: markStyle, clip: clip)
                } else if isCursor, g.cellWidth >= 1 {
                    buffer.put("◆", x: x0 + (g.cellWidth - 1) / 2, y: midY, style: labelStyle, clip: clip)
                }
            }
        }
    }
}
