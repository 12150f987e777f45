import Canvas
import SpikeCore

/// The mouse wheel's time zoom (UI only, per screen, `AppState.timeZoom`): time axes show the
/// most recent 1/timeZoom of what the experiment keeps, so a fast raster can be read spike
/// by spike. The experiment's own window is the widest view.
extension ScreenContext {
    /// The part of a time window shown at the current zoom: its last 1/timeZoom.
    func zoomedWindow(start: Double, end: Double) -> (start: Double, end: Double) {
        guard timeZoom > 1, end > start else { return (start, end) }
        return (end - (end - start) / timeZoom, end)
    }

    /// The points within the last 1/timeZoom of their own time (x) extent.
    func zoomedTime(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        guard timeZoom > 1, let first = points.first(where: { $0.x.isFinite })?.x,
              let last = points.last(where: { $0.x.isFinite })?.x, last > first else { return points }
        let start = zoomedWindow(start: first, end: last).start
        return points.filter { $0.x >= start }
    }
}

extension Raster {
    /// The raster widget for this readout at the context's time zoom, in seconds (`unit` 1000)
    /// or ms (`unit` 1); with the on-windows when `onWindows`.
    func widget(_ context: ScreenContext, unit: Double = 1, timeAxisTitle: String, onWindows: Bool = true,
                neuronAxisTitle: String = "neuron") -> SpikeRaster {
        let window = context.zoomedWindow(start: startMs, end: max(endMs, startMs + 1))
        // The readout's arrays as they are (the widget divides each time as it draws: no copy of
        // thousands of spikes per frame).
        let onWindow = onWindows ? onWindowMs.map { $0 / unit } : nil
        var raster: SpikeRaster
        if let s = stackedStates {
            // Sampled states are handed over as they are (the widget sets their dots directly).
            raster = SpikeRaster(neuronCount: neuronCount, timeStart: window.start / unit, timeEnd: window.end / unit,
                                 states: .init(lanes: s.lanes, unitCount: s.unitCount, timeEnd: s.timeMs, spacing: s.spacingMs),
                                 dividedBy: unit, timeAxisTitle: timeAxisTitle, onWindow: onWindow)
        } else {
            let spikes = self.spikes
            raster = SpikeRaster(neuronCount: neuronCount, timeStart: window.start / unit, timeEnd: window.end / unit,
                                 spikeTimes: spikes.times, dividedBy: unit, spikeNeurons: spikes.neurons,
                                 timeAxisTitle: timeAxisTitle, onWindow: onWindow)
        }
        raster.neuronAxisTitle = neuronAxisTitle
        // Scrolls by whole cells, a strip chart (see `alignsToCells`).
        raster.alignsToCells = true
        return raster
    }
}
