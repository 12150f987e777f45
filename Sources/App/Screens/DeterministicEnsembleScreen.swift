import Canvas
import Foundation
import SpikeCore

/// The screen of the `deterministic-ensemble` scenario (science.md 2.3–2.4; slide "Stochasticity
/// from function"): the distribution of D_KL over the ensemble before training, after training
/// and under private noise (bars over log10 D_KL), the training curve, the input-correlation heat
/// map, and figures (phase, iteration, means).
///
/// Layouts: from 90x26 four panes; from 50x14 distribution and figures; below, figures alone.
struct DeterministicEnsembleScreen: Screen {
    enum Pane: Int, CaseIterable { case distribution, training, correlation, figures }
    var primary: [String]
    var paneCount: Int { Pane.allCases.count }
    var minimumSize: (width: Int, height: Int) { (40, 10) }

    func render(_ readout: Readout, context: ScreenContext, into buffer: inout CellBuffer, area: Rect) {
        let focused = Pane(rawValue: context.focusedPane) ?? .distribution
        if context.zoomed { draw(focused, readout, context, &buffer, area); return }
        if area.width >= 90 && area.height >= 26 {
            let cols = area.columns([3, 2])
            let left = cols[0].rows([3, 2]), right = cols[1].rows([2, 3])
            draw(.distribution, readout, context, &buffer, left[0])
            draw(.training, readout, context, &buffer, left[1])
            draw(.correlation, readout, context, &buffer, right[0])
            draw(.figures, readout, context, &buffer, right[1])
        } else if area.width >= 50 && area.height >= 14 {
            let cols = area.columns([3, 2])
            draw(.distribution, readout, context, &buffer, cols[0])
            draw(.figures, readout, context, &buffer, cols[1])
        } else {
            draw(.figures, readout, context, &buffer, area)
        }
    }

    private func panel(_ title: String, _ pane: Pane, _ context: ScreenContext, right: String = "") -> Panel {
        Panel(title: title, rightTitle: right, role: context.focusedPane == pane.rawValue ? .hotkey : .box)
    }

    private static let phases = ["before", "training", "after", "done"]

    private func draw(_ pane: Pane, _ readout: Readout, _ context: ScreenContext, _ buffer: inout CellBuffer, _ area: Rect) {
        context.hits.pane(pane.rawValue, area)
        let theme = context.theme
        switch pane {
        case .distribution:
            let phase = readout.figure("phase").map { Int($0) } ?? 0
            let inner = panel("D_KL over the ensemble (networks per bin)", pane, context,
                              right: " " + Self.phases[min(max(phase, 0), 3)] + " ").render(into: &buffer, area: area, theme: theme)
            let hs = readout.histograms
            guard let first = hs.first else { return }
            let groups = first.counts.indices.map { i in
                BarChart.Group(label: SignificantDecimal.format(pow(10, first.lowerEdge + (Double(i) + 0.5) * first.binWidth), digits: 2),
                               values: hs.map { i < $0.counts.count ? $0.counts[i] : .nan })
            }
            BarChart(groups: groups, seriesNames: hs.map(\.label),
                     colors: [.gradient(.train, 0), .gradient(.train, 1), .role(.title)],
                     valueAxis: Axis("networks"), categoryTitle: "D_KL (nats, bin centre)")
                .render(into: &buffer, area: inner, theme: theme)
        case .training:
            let iteration = readout.figure("training_iteration").map { " iteration \(Int($0)) " } ?? ""
            let inner = panel("D_KL during training (pooled, per iteration window)", pane, context, right: iteration)
                .render(into: &buffer, area: area, theme: theme)
            guard let s = readout.series.first(where: { $0.name == "dkl_ensemble_training" }) else { return }
            LinePlot(series: [LinePlot.Series(name: "ensemble", points: context.zoomedTime(PlotData.points(s, positiveOnly: true)), color: .gradient(.train, 1))],
                     xAxis: Axis("time (ms)"), yAxis: Axis("D_KL (nats)", scale: .log10))
                .render(into: &buffer, area: inner, theme: theme)
            context.hits.timePlot(inner)
        case .correlation:
            let r = readout.figure("input_corr_mean_ensemble").map { " mean " + FixedDecimal.format($0, decimals: 3) + " " } ?? ""
            let inner = panel("background-input correlation ρ_kl", pane, context, right: r).render(into: &buffer, area: area, theme: theme)
            guard let l = readout.landscapes.first(where: { $0.label == "input correlation" }) else { return }
            HeatMap(columns: l.columns, rows: l.rows, values: l.values.map { $0.isFinite ? $0 : 0 }, xRange: l.xRange, yRange: l.yRange,
                    xTitle: l.xLabel, yTitle: l.yLabel, gradient: .energy, valueRange: -0.3...0.3, resampling: .nearest,
                    scale: .colorBar, showAxes: inner.height >= 8)
                .render(into: &buffer, area: inner, theme: theme)
        case .figures:
            FiguresPane(primary: primary).render(readout, context: context, focused: context.focusedPane == pane.rawValue,
                                                 into: &buffer, area: area)
        }
    }
}
