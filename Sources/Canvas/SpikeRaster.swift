/// A spike raster: one braille dot row per neuron (neuron 0 at the top), time running to the
/// right with the newest spikes at the right edge.
///
/// Spikes are given as parallel arrays of times and neuron indices (any time unit, the same as
/// `timeStart`/`timeEnd`). When there are more neurons than dot rows (4 per cell row), neurons
/// are binned: a dot row shows whether any neuron of its bin fired. Cells are coloured along
/// the theme's `spike` gradient by how many of their 8 dots are on (sparse green, dense red in
/// the default theme) unless a fixed `color` is given. The mapping is fixed, not normalised
/// per frame, so colour changes mean activity changes.
///
/// **On-windows (z-state bars).** With `onWindow` set (same unit as the spike times) and at
/// least one cell row per neuron, each neuron's "on" intervals `[t, t + onWindow)` are drawn
/// as a bar of braille dots in the lower half of its cell row (`⣤`, dot-column resolution, in
/// `onWindowColor`, by default the sparse end of the `spike` gradient darkened), and the
/// spikes as a dot in the top dot row of that cell row, on top: a cell holding a spike shows
/// its spike and bar dots in the spike colour. Spikes before the window still draw the part
/// of their bar that reaches into it. With more neurons than cell rows the option is ignored.
/// ```
/// ⢠⣤⣤⣤⣤⠀⠀⠀⣥⣤⣤⣤⠄    neuron 0: spikes with 10 ms on-windows
/// ⠀⠀⠀⣬⣤⣤⣤⡄⠀⠀⠀⠀⠀    neuron 1
/// ```
public struct SpikeRaster: Sendable {
    public var neuronCount: Int
    /// Start of the time window (left edge).
    public var timeStart: Double
    /// End of the time window (right edge, usually "now").
    public var timeEnd: Double
    /// Spike times, parallel to `spikeNeurons`, in `timeDivisor`ths of the window's unit: spike
    /// i lies at `spikeTimes[i] / timeDivisor` (e.g. ms with divisor 1000 on a window in s, so
    /// a readout's thousands of spikes are not copied per frame); spikes outside the window are
    /// skipped.
    public var spikeTimes: [Double]
    /// What the spike times are divided by to get the window's unit (1: the same unit).
    public var timeDivisor: Double = 1
    /// Neuron index (0-based) of each spike; out-of-range indices are skipped.
    public var spikeNeurons: [Int32]
    /// The spikes as sampled states instead (`SpikeRaster+States.swift`); when set, the listed
    /// spikes are ignored.
    public var states: States?
    /// Title of the time axis with units, e.g. `"time (s)"` (empty: no title row).
    public var timeAxisTitle: String
    /// Title of the neuron axis, shown above it when there is room (empty: none).
    public var neuronAxisTitle = "neuron"
    /// Whether to draw neuron and time ticks when there is room.
    public var showAxes: Bool
    /// A fixed dot colour instead of the density gradient.
    public var color: SeriesColor?
    /// Length of each spike's "on" window (z = 1) in time units; nil: no bars.
    public var onWindow: Double?
    /// Colour of the on-window bars; nil: the `spike` gradient's start, darkened.
    public var onWindowColor: SeriesColor?
    /// Whether the window's end is moved up to the next multiple of a cell's time span
    /// (span / plot width), keeping the span: then a spike stays in the same dot columns of its
    /// cell from frame to frame and the picture scrolls by whole cells, like a strip chart,
    /// instead of being binned afresh (no flicker as dots move, and a terminal that can shift
    /// a row's cells gets the scroll cheaply). The window moves at most one cell ahead: the
    /// right edge's unreached part is empty, and the oldest cell's worth leaves that much earlier.
    public var alignsToCells = false

    public init(neuronCount: Int, timeStart: Double, timeEnd: Double, spikeTimes: [Double], spikeNeurons: [Int],
                timeAxisTitle: String = "", showAxes: Bool = true, color: SeriesColor? = nil, onWindow: Double? = nil,
                onWindowColor: SeriesColor? = nil) {
        // (Clamped: an index beyond Int32 stays out of range, as it was.)
        self.init(neuronCount: neuronCount, timeStart: timeStart, timeEnd: timeEnd, spikeTimes: spikeTimes, dividedBy: 1,
                  spikeNeurons: spikeNeurons.map { Int32(clamping: $0) }, timeAxisTitle: timeAxisTitle, showAxes: showAxes,
                  color: color, onWindow: onWindow, onWindowColor: onWindowColor)
    }

    /// A raster of spikes at `spikeTimes[i] / timeDivisor` (window units) of neurons `spikeNeurons[i]`.
    public init(neuronCount: Int, timeStart: Double, timeEnd: Double, spikeTimes: [Double], dividedBy timeDivisor: Double,
                spikeNeurons: [Int32], timeAxisTitle: String = "", showAxes: Bool = true, color: SeriesColor? = nil,
                onWindow: Double? = nil, onWindowColor: SeriesColor? = nil) {
        self.onWindow = onWindow
        self.onWindowColor = onWindowColor
        self.neuronCount = neuronCount
        self.timeStart = timeStart
        self.timeEnd = timeEnd
        self.spikeTimes = spikeTimes
        self.timeDivisor = timeDivisor
        self.spikeNeurons = spikeNeurons
        self.timeAxisTitle = timeAxisTitle
        self.showAxes = showAxes
        self.color = color
    }

    /// A raster of the on-units of `states` (times divided by `timeDivisor`, as listed spikes').
    public init(neuronCount: Int, timeStart: Double, timeEnd: Double, states: States, dividedBy timeDivisor: Double,
                timeAxisTitle: String = "", showAxes: Bool = true, color: SeriesColor? = nil, onWindow: Double? = nil,
                onWindowColor: SeriesColor? = nil) {
        self.init(neuronCount: neuronCount, timeStart: timeStart, timeEnd: timeEnd, spikeTimes: [], dividedBy: timeDivisor,
                  spikeNeurons: [], timeAxisTitle: timeAxisTitle, showAxes: showAxes, color: color, onWindow: onWindow,
                  onWindowColor: onWindowColor)
        self.states = states
    }

    /// Draws the raster inside `area` only.
    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let clip = area.intersection(buffer.bounds)
        guard !clip.isEmpty, neuronCount > 0 else { return }
        let neuronTicks = self.neuronTicks(area)
        let frame = self.frame(clip, ticks: neuronTicks)
        let plot = frame.plot
        guard !plot.isEmpty else { return }
        if alignsToCells, let window = cellAlignedWindow(plotWidth: plot.width) {
            var aligned = self
            (aligned.timeStart, aligned.timeEnd, aligned.alignsToCells) = (window.start, window.end, false)
            aligned.render(into: &buffer, area: area, theme: theme)
            return
        }
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        let span = timeEnd - timeStart
        if let window = onWindow, window.isFinite, window > 0, plot.height >= neuronCount, span > 0 {
            drawOnWindows(into: &buffer, canvas: &canvas, plot: plot, window: window, theme: theme)
        } else {
            drawSpikes(into: &buffer, canvas: &canvas, plot: plot, theme: theme)
        }
        frame.drawYAxis(into: &buffer, ticks: neuronTicks.map {
            (plot.y + dotRow(Int($0.value), dotHeight: canvas.dotHeight) / 4, $0.label)
        }, theme: theme, clip: clip)
        if showAxes, span > 0 {
            let timeTicks = Ticks.linear(timeStart...timeEnd, maxCount: max(2, plot.width / 10))
            frame.drawXAxis(into: &buffer, ticks: timeTicks.compactMap { tick in
                dotColumn(tick.value, dotWidth: canvas.dotWidth).map { (plot.x + $0 / 2, tick.label) }
            }, theme: theme, clip: clip)
        }
        frame.drawXTitle(into: &buffer, timeAxisTitle, theme: theme, clip: clip)
        frame.drawTop(into: &buffer, yTitle: neuronAxisTitle, legend: [], theme: theme, clip: clip)
        PlotAudit.report("SpikeRaster", area: clip, frame: frame, xTitle: timeAxisTitle, yTitle: neuronAxisTitle, curves: [],
                         legendDrawn: [])
    }

    /// The window with its end moved up to the next multiple of span / `plotWidth` (nil when
    /// the window is not a finite, positive span).
    func cellAlignedWindow(plotWidth: Int) -> (start: Double, end: Double)? {
        let span = timeEnd - timeStart, cell = span / Double(plotWidth)
        guard span > 0, span.isFinite, timeEnd.isFinite, plotWidth > 0, cell > 0 else { return nil }
        let end = (timeEnd / cell).rounded(.up) * cell
        return end.isFinite ? (end - span, end) : nil
    }

    private func neuronTicks(_ area: Rect) -> [Tick] {
        showAxes ? Ticks.linear(0...Double(max(0, neuronCount - 1)), maxCount: max(2, area.height / 3)) : []
    }

    /// The layout: the neuron axis gets a `neuron` title in the top row when there is room.
    private func frame(_ clip: Rect, ticks: [Tick]) -> PlotFrame {
        PlotFrame(area: clip, yLabelWidth: ticks.map(\.label.cellWidth).max() ?? 0, wantsTop: showAxes && !neuronAxisTitle.isEmpty,
                  wantsXAxis: showAxes, wantsXTitle: showAxes && !timeAxisTitle.isEmpty)
    }

    /// Which neuron each cell row of the plot shows (the first one whose dot row falls in it;
    /// nil for rows without a neuron), with the plot's cells, when drawn in `area`: what a click
    /// on a row points at.
    public func rowNeurons(in area: Rect) -> (plot: Rect, neurons: [Int?]) {
        let plot = frame(area, ticks: neuronTicks(area)).plot
        guard !plot.isEmpty, neuronCount > 0 else { return (plot, []) }
        let dotHeight = plot.height * 4
        var neurons = [Int?](repeating: nil, count: plot.height)
        for n in (0..<neuronCount).reversed() {
            let row = dotRow(n, dotHeight: dotHeight) / 4
            if row >= 0 && row < plot.height { neurons[row] = n }
        }
        return (plot, neurons)
    }

    /// Spikes as density-coloured dots (the classic raster).
    private func drawSpikes(into buffer: inout CellBuffer, canvas: inout BrailleCanvas, plot: Rect, theme: Theme) {
        if let states {
            setStateDots(states, on: &canvas)
        } else {
            setListedDots(on: &canvas)
        }
        let density = densityColors(theme)
        for cy in 0..<canvas.height {
            for cx in 0..<canvas.width {
                let on = canvas.mask(cellX: cx, cellY: cy).nonzeroBitCount
                guard on > 0 else { continue }
                canvas.setColor(density[on - 1], cellX: cx, cellY: cy)
            }
        }
        canvas.render(into: &buffer, area: plot)
    }

    /// The listed spikes' dots.
    private func setListedDots(on canvas: inout BrailleCanvas) {
        // Spikes come in runs of equal times (a sampled state's units): the column is computed
        // once per run (the same time gives the same column).
        var lastTime = Double.nan, lastColumn: Int? = nil
        let dotWidth = canvas.dotWidth, dotHeight = canvas.dotHeight
        // Each neuron's dot row looked up instead of divided out per spike, when there are at
        // least as many spikes as neurons.
        let rows = neuronCount <= spikeTimes.count ? (0..<neuronCount).map { dotRow($0, dotHeight: dotHeight) } : nil
        canvas.withDotWriter { dots in
            for (raw, n32) in zip(spikeTimes, spikeNeurons) {
                let t = raw / timeDivisor, n = Int(n32)
                guard n >= 0, n < neuronCount else { continue }
                if t.bitPattern != lastTime.bitPattern {
                    lastTime = t
                    lastColumn = dotColumn(t, dotWidth: dotWidth)
                }
                guard let column = lastColumn else { continue }
                dots.set(dotX: column, dotY: rows?[n] ?? dotRow(n, dotHeight: dotHeight))
            }
        }
    }

    /// Spikes on top of their on-window bars, one cell row per neuron (see the type's notes).
    private func drawOnWindows(into buffer: inout CellBuffer, canvas spikes: inout BrailleCanvas, plot: Rect, window: Double,
                               theme: Theme) {
        var bars = BrailleCanvas(width: plot.width, height: plot.height)
        let span = timeEnd - timeStart
        let columns = Double(spikes.dotWidth)
        forEachSpike { t, n in
            guard n >= 0, n < neuronCount, t.isFinite, t <= timeEnd, t + window > timeStart else { return }
            let top = dotRow(n, dotHeight: spikes.dotHeight) / 4 * 4
            if let column = dotColumn(t, dotWidth: spikes.dotWidth) { spikes.set(dotX: column, dotY: top) }
            // Dot columns whose interval [c, c + 1)·span/W meets [t, t + window).
            // (1e-9 absorbs rounding, so 0.1 + 0.2 ends where 0.3 does.)
            let first = max(0, Int(((t - timeStart) / span * columns + 1e-9).rounded(.down)))
            let end = min(spikes.dotWidth, Int(((t + window - timeStart) / span * columns - 1e-9).rounded(.up)))
            guard first < end else { return }
            for c in first..<end {
                bars.set(dotX: c, dotY: top + 2)
                bars.set(dotX: c, dotY: top + 3)
            }
        }
        let gradient = theme.gradient(.spike)
        let density = densityColors(theme)
        let barColor = onWindowColor.map(theme.color)
            ?? HeatMap.darkened(gradient.color(at: 0), by: 0.6, depth: theme.depth) ?? theme.style(.dim).foreground
        for cy in 0..<spikes.height {
            for cx in 0..<spikes.width {
                let spikeMask = spikes.mask(cellX: cx, cellY: cy)
                let barMask = bars.mask(cellX: cx, cellY: cy)
                guard spikeMask | barMask != 0 else { continue }
                let on = spikeMask.nonzeroBitCount
                let fg = on > 0 ? density[on - 1] : barColor
                let attributes: Attributes = on == 0 && theme.depth == .none ? .dim : []
                buffer.modify(x: plot.x + cx, y: plot.y + cy, clip: plot) { cell in
                    cell = Cell(Glyphs.braille(spikeMask | barMask),
                                style: Style(foreground: fg, background: cell.style.background, attributes: attributes))
                }
            }
        }
    }

    /// The colour of a cell with 1…8 spike dots on (index: dots − 1): `color`, or the spike
    /// gradient at (dots − 1)/7, computed once per frame instead of once per cell.
    private func densityColors(_ theme: Theme) -> [Color] {
        if let fixed = color.map(theme.color) { return Array(repeating: fixed, count: 8) }
        let gradient = theme.gradient(.spike)
        return (0..<8).map { gradient.color(at: Double($0) / 7) }
    }

    /// The dot row of neuron `n`: when every neuron has a row, neurons are spread evenly with
    /// `dotHeight / neuronCount` rows each (so a tall pane is filled); otherwise `n`'s bin.
    public func dotRow(_ n: Int, dotHeight: Int) -> Int {
        neuronCount <= dotHeight ? n * (dotHeight / neuronCount) : n * dotHeight / neuronCount
    }

    /// The dot column of time `t` (nil outside the window): `floor((t − start)/(end − start)·W)`,
    /// the window end falling in the last column.
    public func dotColumn(_ t: Double, dotWidth: Int) -> Int? {
        let span = timeEnd - timeStart
        guard t.isFinite, span > 0, t >= timeStart, t <= timeEnd, dotWidth > 0 else { return nil }
        return min(dotWidth - 1, Int(((t - timeStart) / span * Double(dotWidth)).rounded(.down)))
    }
}
