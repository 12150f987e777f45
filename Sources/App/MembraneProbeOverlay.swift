import Canvas
import SpikeCore

/// The membrane potential of a clicked raster neuron, in a box over the lower right of the
/// body: V (mV) over time (ms) with the threshold, at the screen's time zoom. Kinds without
/// membrane potentials get a box that says so.
enum MembraneProbeOverlay {
    static func draw(_ app: SpikettyApp, context: ScreenContext, into buffer: inout CellBuffer, body: Rect) {
        guard let neuron = app.state.probedNeuron, body.width >= 24, body.height >= 8 else { return }
        let width = min(body.width, max(40, body.width / 2)), height = min(body.height, max(9, body.height * 2 / 5))
        let area = Rect(x: body.maxX - width, y: body.maxY - height, width: width, height: height)
        context.hits.probeOverlay = area
        let theme = context.theme
        guard let probing = app.experiment as? MembraneProbing else {
            let inner = Panel(title: "neuron \(neuron)", rightTitle: "click or Esc: close", role: .hotkey)
                .render(into: &buffer, area: area, theme: theme)
            TextWrap.wrap("\(app.scenario.kind.rawValue) has no membrane potential to show: its units are not LIF neurons.",
                           width: inner.width).prefix(inner.height).enumerated().forEach { i, line in
                buffer.put(line, x: inner.x, y: inner.y + i, style: theme.style(.text), maxWidth: inner.width)
            }
            return
        }
        let inner = Panel(title: "neuron \(neuron) · membrane potential", rightTitle: "click or Esc: close", role: .hotkey)
            .render(into: &buffer, area: area, theme: theme)
        guard let probe = probing.probedMembrane() else { return }
        let points = context.zoomedTime(PlotData.points(probe.trace, maxPoints: max(2, inner.width * 2)))
        let series = LinePlot.Series(name: probe.trace.label, points: points, color: .gradient(.spike, 0.5))
        LinePlot(series: points.isEmpty ? [] : [series], xAxis: Axis("time (ms)"), yAxis: Axis("V (mV)"),
                 references: probe.trace.reference.map { [LinePlot.ReferenceLine(y: $0, name: "threshold")] } ?? [])
            .render(into: &buffer, area: inner, theme: theme)
    }
}
