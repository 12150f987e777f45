import Canvas
import Foundation
import SpikeCore

/// The screen of `lif-sampling` (science.md 1.13; slide "Sampling-based Bayesian computation"):
/// raster with the refractory "on" windows as z-state bars, membrane traces, p*(z) against the
/// sampled p(z) over all 2^N states, D_KL(t) on log-log axes with the reference sampler, the
/// energy landscape on a Gray-code grid with the current state and its trail, figures.
///
/// Layouts: from 100x30 five panes; from 60x16 raster, KL and figures; from 40x12 the raster.
struct LIFSamplingScreen: Screen {
    enum Pane: Int, CaseIterable { case raster, divergence, distribution, landscape, figures }

    var paneCount: Int { Pane.allCases.count }
    var minimumSize: (width: Int, height: Int) { (40, 12) }
    var primary: [String]

    func render(_ readout: Readout, context: ScreenContext, into buffer: inout CellBuffer, area: Rect) {
        let focused = Pane(rawValue: context.focusedPane) ?? .raster
        if context.zoomed {
            draw(focused, readout, context, &buffer, area)
            return
        }
        if area.width >= 98 && area.height >= 26 {
            let rows = area.rows([4, 3, 3])
            let top = rows[0].columns([11, 9]), bottom = rows[2].columns([1, 1])
            draw(.raster, readout, context, &buffer, top[0])
            draw(.divergence, readout, context, &buffer, top[1])
            draw(.distribution, readout, context, &buffer, rows[1])
            draw(.landscape, readout, context, &buffer, bottom[0])
            draw(.figures, readout, context, &buffer, bottom[1])
        } else if area.width >= 60 && area.height >= 14 {
            let rows = area.rows([1, 1])
            let top = rows[0].columns([1, 1])
            draw(.raster, readout, context, &buffer, top[0])
            draw(.divergence, readout, context, &buffer, top[1])
            draw(.figures, readout, context, &buffer, rows[1])
        } else {
            draw(.raster, readout, context, &buffer, area)
        }
    }

    private func panel(_ title: String, _ pane: Pane, _ context: ScreenContext, right: String = "",
                       role: Theme.Role = .box) -> Panel {
        Panel(title: title, rightTitle: right, role: context.focusedPane == pane.rawValue ? .hotkey : role)
    }

    private func draw(_ pane: Pane, _ readout: Readout, _ context: ScreenContext, _ buffer: inout CellBuffer, _ area: Rect) {
        context.hits.pane(pane.rawValue, area)
        let theme = context.theme
        switch pane {
        case .raster:
            let inner = panel("samplers: spikes, z = 1 while refractory", pane, context, role: .rasterBox)
                .render(into: &buffer, area: area, theme: theme)
            guard let r = readout.raster else { return }
            // Traces under the raster when the pane is tall enough for both.
            let split = inner.height >= 14 && !readout.traces.isEmpty
            let parts = split ? inner.rows([3, 2]) : [inner]
            let raster = r.widget(context, timeAxisTitle: "time (ms)", neuronAxisTitle: "unit")
            raster.render(into: &buffer, area: parts[0], theme: theme)
            context.hits.raster(raster, area: parts[0])
            if split {
                let series = readout.traces.prefix(3).enumerated().map { i, t in
                    LinePlot.Series(name: t.label, points: context.zoomedTime(PlotData.points(t, maxPoints: parts[1].width * 2 * Int(context.timeZoom))),
                                    color: .gradient(.spike, Double(i) / 2))
                }
                let threshold = readout.traces.first?.reference
                LinePlot(series: Array(series), xAxis: Axis("time (ms)"), yAxis: Axis("V (mV)"),
                         references: threshold.map { [LinePlot.ReferenceLine(y: $0, name: "threshold")] } ?? [])
                    .render(into: &buffer, area: parts[1], theme: theme)
                context.hits.timePlot(parts[1])
            }
        case .divergence:
            let dkl = readout.figure("dkl_target_sampled").map { " " + FixedDecimal.format($0, decimals: 4) + " " } ?? ""
            let inner = panel("D_KL(p*‖p) vs sampled time", pane, context, right: dkl).render(into: &buffer, area: area, theme: theme)
            var series: [LinePlot.Series] = []
            for (name, label, color) in [("dkl_target_sampled", "LIF", SeriesColor.gradient(.train, 0)),
                                         ("dkl_reference", "reference (1 update per τ_ref)", .gradient(.train, 1))] {
                if let s = readout.series.first(where: { $0.name == name }) {
                    series.append(LinePlot.Series(name: label, points: PlotData.points(s, positiveOnly: true), color: color))
                }
            }
            LinePlot(series: series, xAxis: Axis("sampled time (ms)", scale: .log10), yAxis: Axis("D_KL (nats)", scale: .log10))
                .render(into: &buffer, area: inner, theme: theme)
        case .distribution:
            guard let d = readout.distributions.first, d.values.count >= 2 else {
                panel("distribution", pane, context).render(into: &buffer, area: area, theme: theme)
                return
            }
            let inner = panel(d.label + (context.logScale ? " · log (l)" : " · linear (l)"), pane, context)
                .render(into: &buffer, area: area, theme: theme)
            let groups = d.categories.enumerated().map { i, label in
                BarChart.Group(label: label, values: d.values.map { i < $0.count ? $0[i] : .nan })
            }
            let axis = context.logScale ? Axis("p", bounds: 1e-3...1, scale: .log10) : Axis("p")
            BarChart(groups: groups, seriesNames: d.seriesNames, valueAxis: axis, categoryTitle: "state z0…z\(max(0, (d.categories.first?.count ?? 1) - 1))")
                .render(into: &buffer, area: inner, theme: theme)
        case .landscape:
            let inner = panel("energy landscape, state and trail", pane, context).render(into: &buffer, area: area, theme: theme)
            guard let l = readout.landscapes.first else { return }
            if let grid = stateGrid(readout, l) {
                grid.render(into: &buffer, area: inner, theme: theme)
            } else {
                HeatMap(columns: l.columns, rows: l.rows, values: l.values, xRange: l.xRange, yRange: l.yRange,
                        xTitle: l.xLabel, yTitle: l.yLabel, resampling: .nearest,
                        trails: l.trails.map { HeatMap.Trail(name: $0.name, points: $0.points, connected: false) },
                        cursor: l.cursor, scale: .minMax, showAxes: inner.height >= 8)
                    .render(into: &buffer, area: inner, theme: theme)
            }
        case .figures:
            FiguresPane(primary: primary).render(readout, context: context, focused: context.focusedPane == pane.rawValue,
                                                 into: &buffer, area: area)
        }
    }

    /// The landscape as a grid of labelled states (StateGrid), built from the target
    /// distribution (E = −ln p*, up to the constant ln Z) and the landscape's cursor and trail,
    /// which are cells of the engine's Gray-code grid. Canvas numbers a state by bit k = unit k,
    /// the engine by z0 as the most significant bit; the labels keep the engine's z0…z(N−1).
    private func stateGrid(_ readout: Readout, _ l: Landscape) -> StateGrid? {
        guard let d = readout.distributions.first, let n = d.categories.first?.count, (1...12).contains(n),
              d.categories.count == 1 << n, let target = d.values.first, target.count == 1 << n else { return nil }
        let engineGrid = GrayCodeGrid(unitCount: n)
        guard engineGrid.columns == l.columns, engineGrid.rows == l.rows else { return nil }
        let canvasState = d.categories.map { label in
            label.enumerated().reduce(0) { s, bit in bit.element == "1" ? s | (1 << bit.offset) : s }
        }
        var energies = [Double](repeating: .nan, count: 1 << n), labels = [String](repeating: "", count: 1 << n)
        for i in 0..<(1 << n) {
            energies[canvasState[i]] = target[i] > 0 ? -Foundation.log(target[i]) : .nan
            labels[canvasState[i]] = d.categories[i]
        }
        func state(at p: (x: Double, y: Double)) -> Int? {
            let column = Int(p.x.rounded()), row = l.rows - 1 - Int(p.y.rounded())
            guard (0..<l.columns).contains(column), (0..<l.rows).contains(row) else { return nil }
            return canvasState[engineGrid.state(column: column, row: row)]
        }
        return StateGrid(bitCount: n, energies: energies, cursor: l.cursor.flatMap(state(at:)),
                         trail: l.trails.first?.points.compactMap(state(at:)) ?? [], labels: labels,
                         showHeaders: false)   // its headers are in Canvas bit order, the labels in z0…z(N−1)
    }
}
