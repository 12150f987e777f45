import Canvas
import Foundation
import SpikeCore

/// The screen of the high-conductance-state scenario (science.md 1.4; slide "Whence
/// stochasticity?"): spike raster, membrane traces against threshold, the free membrane
/// potential's histogram with the theoretical Gaussian, and figures with live parameters.
///
/// Layouts: from 80x24 four panes; from 50x14 raster and figures; from 40x10 the raster alone.
struct HighConductanceScreen: Screen {
    enum Pane: Int, CaseIterable { case raster, histogram, traces, figures }

    var paneCount: Int { Pane.allCases.count }
    var minimumSize: (width: Int, height: Int) { (40, 10) }

    func render(_ readout: Readout, context: ScreenContext, into buffer: inout CellBuffer, area: Rect) {
        let focused = Pane(rawValue: context.focusedPane) ?? .raster
        if context.zoomed {
            draw(focused, readout, context, &buffer, area)
            return
        }
        let full = area.width >= 78 && area.height >= 22
        let medium = area.width >= 50 && area.height >= 12
        if full {
            let rows = area.rows([1, 1])
            let top = rows[0].columns([3, 2]), bottom = rows[1].columns([3, 2])
            draw(.raster, readout, context, &buffer, top[0])
            draw(.histogram, readout, context, &buffer, top[1])
            draw(.traces, readout, context, &buffer, bottom[0])
            draw(.figures, readout, context, &buffer, bottom[1])
        } else if medium {
            let cols = area.columns([3, 2])
            draw(.raster, readout, context, &buffer, cols[0])
            draw(.figures, readout, context, &buffer, cols[1])
        } else {
            draw(.raster, readout, context, &buffer, area)
        }
    }

    private func panel(_ title: String, _ pane: Pane, _ context: ScreenContext, right: String = "") -> Panel {
        let focused = context.focusedPane == pane.rawValue
        return Panel(title: title, rightTitle: right, role: focused ? .hotkey : (pane == .raster ? .rasterBox : .box))
    }

    private func draw(_ pane: Pane, _ readout: Readout, _ context: ScreenContext, _ buffer: inout CellBuffer, _ area: Rect) {
        context.hits.pane(pane.rawValue, area)
        let theme = context.theme
        switch pane {
        case .raster:
            let rate = readout.figure("rate_hz_mean").map { " " + format($0) + " Hz " } ?? ""
            let inner = panel("spike raster", pane, context, right: rate).render(into: &buffer, area: area, theme: theme)
            guard let r = readout.raster else { return }
            let raster = r.widget(context, unit: 1000, timeAxisTitle: "time (s)")
            raster.render(into: &buffer, area: inner, theme: theme)
            context.hits.raster(raster, area: inner)
        case .histogram:
            let sd = readout.figure("membrane_sd_mv").map { " σ " + FixedDecimal.format($0, decimals: 2) + " mV " } ?? ""
            let inner = panel("free membrane potential", pane, context, right: sd).render(into: &buffer, area: area, theme: theme)
            guard let h = readout.histograms.first else { return }
            HistogramPlot(lowerEdge: h.lowerEdge, binWidth: h.binWidth, values: h.density, curve: h.theoryDensity,
                          barName: "measured", curveName: "theory", xAxis: Axis("V (\(h.unit))"), yAxis: Axis("density (1/mV)"))
                .render(into: &buffer, area: inner, theme: theme)
        case .traces:
            let inner = panel("membrane potential vs threshold", pane, context).render(into: &buffer, area: area, theme: theme)
            let colors: [SeriesColor] = [.gradient(.spike, 0), .gradient(.spike, 0.5), .gradient(.train, 0.3), .role(.title)]
            var series: [LinePlot.Series] = []
            var references: [LinePlot.ReferenceLine] = []
            for (i, trace) in readout.traces.enumerated() {
                let points = context.zoomedTime(decimated(trace, maxPoints: max(2, inner.width * 2 * Int(context.timeZoom))))
                series.append(LinePlot.Series(name: trace.label, points: points,
                                              color: trace.reference == nil ? .gradient(.spike, 1) : colors[i % colors.count]))
                if let ref = trace.reference, !references.contains(where: { $0.y == ref }) {
                    references.append(LinePlot.ReferenceLine(y: ref, name: "threshold"))
                }
            }
            LinePlot(series: series, xAxis: Axis("time (ms)"), yAxis: Axis("V (mV)"), references: references)
                .render(into: &buffer, area: inner, theme: theme)
            context.hits.timePlot(inner)
        case .figures:
            // The documented figures first; the others (standard errors, conductances) only
            // when the pane is tall enough to keep the parameters and some explanation.
            let documented = context.scenario.kind.figureNames
            let inside = max(0, area.height - 2)
            let extras = readout.figures.filter { !documented.contains($0.name) }
            let spare = inside - documented.count - ParameterRows.count(context) - 1 - 4
            let shown = readout.figures.filter { documented.contains($0.name) } + extras.prefix(max(0, spare))
            var rows = shown.map { (key: $0.label, value: format($0.value)) }
            rows.append((key: "", value: ""))
            rows += ParameterRows.rows(context)
            TextPanel(title: FiguresPane.title, text: context.scenario.explanation, rows: rows,
                      role: context.focusedPane == pane.rawValue ? .hotkey : .box)
                .render(into: &buffer, area: area, theme: theme)
        }
    }

    /// At most `maxPoints` points of a trace (every k-th sample), in (ms, mV).
    private func decimated(_ trace: Trace, maxPoints: Int) -> [(x: Double, y: Double)] {
        let n = trace.values.count
        let stride = max(1, (n + maxPoints - 1) / maxPoints)
        return Swift.stride(from: 0, to: n, by: stride).map { i in
            (x: trace.startMs + Double(i) * trace.intervalMs, y: trace.values[i])
        }
    }

    private func format(_ d: Double) -> String { String(format6: d) }
}
