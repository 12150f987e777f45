import Canvas

/// Where the last frame put what the mouse can point at: the panes, the plots with a time
/// axis and the rows of spike rasters. Screens fill it while they draw (`ScreenContext.hits`);
/// the app looks clicks and wheel turns up in it (`MouseMap`). A reference, so that screens,
/// which get their context by value, all write to the one map of the frame.
public final class ScreenHits {
    /// Panes as drawn, in drawing order (a later one is on top).
    public private(set) var panes: [(pane: Int, area: Rect)] = []
    /// Plots whose x axis is time (the wheel zooms them).
    public private(set) var timePlots: [Rect] = []
    /// Raster plots and the neuron shown in each of their cell rows.
    public private(set) var rasters: [(plot: Rect, neurons: [Int?])] = []
    /// The membrane-trace overlay of a clicked neuron, when shown (a click on it closes it).
    public var probeOverlay: Rect?

    public init() {}

    /// Records that pane `index` was drawn in `area`.
    public func pane(_ index: Int, _ area: Rect) { panes.append((index, area)) }

    /// Records a plot with a time axis in `area` (its whole pane area is fine).
    public func timePlot(_ area: Rect) { if !area.isEmpty { timePlots.append(area) } }

    /// Records a raster drawn in `area` (and that its area has a time axis).
    public func raster(_ raster: SpikeRaster, area: Rect) {
        let rows = raster.rowNeurons(in: area)
        if !rows.plot.isEmpty { rasters.append(rows) }
        timePlot(area)
    }

    /// The pane under cell (x, y), if any.
    public func pane(atX x: Int, y: Int) -> Int? {
        panes.last { $0.area.contains(x: x, y: y) }?.pane
    }

    /// Whether (x, y) is over a plot with a time axis.
    public func isTimePlot(x: Int, y: Int) -> Bool {
        timePlots.contains { $0.contains(x: x, y: y) }
    }

    /// The raster neuron whose row is under (x, y), if any.
    public func neuron(atX x: Int, y: Int) -> Int? {
        guard let r = rasters.last(where: { $0.plot.contains(x: x, y: y) }) else { return nil }
        return r.neurons[y - r.plot.y]
    }
}

extension Rect {
    /// Whether cell (x, y) lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }
}
