import Canvas
import Foundation
import SpikeCore

/// The screen of `hardware-sampling` (science.md 4; slide "Physical stochastic computation
/// without noise"): D_KL(t) of the ideal model, the open-loop chip and the in-the-loop trained
/// chip on log-log axes, the training curve (D_KL per iteration), a histogram of the realised
/// weights against the ideal ones (units of W), and the figures with the chip clock.
///
/// With the digits lane (`[digits] lane = "on"`) the live parameter `show_digits` switches the
/// same four panes to the trained digit RBM on the chip: label accuracy over the test images of
/// the three lanes, the in-the-loop training curve (accuracy per iteration), the histogram of
/// its realised weights, and its figures.
///
/// Layouts: from 88x24 four panes; from 60x14 the first pane and figures; from 40x12 the first pane.
struct HardwareSamplingScreen: Screen {
    enum Pane: Int, CaseIterable { case divergence, training, weights, figures }

    var paneCount: Int { Pane.allCases.count }
    var minimumSize: (width: Int, height: Int) { (40, 12) }
    var primary: [String]

    func render(_ readout: Readout, context: ScreenContext, into buffer: inout CellBuffer, area: Rect) {
        let focused = Pane(rawValue: context.focusedPane) ?? .divergence
        if context.zoomed {
            draw(focused, readout, context, &buffer, area)
            return
        }
        if area.width >= 88 && area.height >= 24 {
            let rows = area.rows([1, 1])
            let top = rows[0].columns([1, 1]), bottom = rows[1].columns([1, 1])
            draw(.divergence, readout, context, &buffer, top[0])
            draw(.training, readout, context, &buffer, top[1])
            draw(.weights, readout, context, &buffer, bottom[0])
            draw(.figures, readout, context, &buffer, bottom[1])
        } else if area.width >= 60 && area.height >= 14 {
            let columns = area.columns([3, 2])
            draw(.divergence, readout, context, &buffer, columns[0])
            draw(.figures, readout, context, &buffer, columns[1])
        } else {
            draw(.divergence, readout, context, &buffer, area)
        }
    }

    private func panel(_ title: String, _ pane: Pane, _ context: ScreenContext, right: String = "") -> Panel {
        Panel(title: title, rightTitle: right, role: context.focusedPane == pane.rawValue ? .hotkey : .box)
    }

    private func draw(_ pane: Pane, _ readout: Readout, _ context: ScreenContext, _ buffer: inout CellBuffer, _ area: Rect) {
        context.hits.pane(pane.rawValue, area)
        let digits = context.parameters.first { $0.key == "show_digits" }.map { $0.value >= 0.5 } ?? false
        let theme = context.theme
        switch pane {
        case .divergence:
            let title = digits ? "digits: label accuracy on held-out images" : "D_KL(p*‖p) vs sampled time"
            let inner = panel(title, pane, context).render(into: &buffer, area: area, theme: theme)
            let series = laneSeries(readout, prefix: digits ? "digits_accuracy_" : "dkl_", positiveOnly: !digits)
            let plot = digits
                ? LinePlot(series: series, xAxis: Axis("test images classified"), yAxis: Axis("accuracy"))
                : LinePlot(series: series, xAxis: Axis("sampled time (ms)", scale: .log10), yAxis: Axis("D_KL (nats)", scale: .log10))
            plot.render(into: &buffer, area: inner, theme: theme)
        case .training:
            let iterations = readout.figure(digits ? "digits_training_iterations" : "training_iterations")
            let title = digits ? "digits in the loop: accuracy per iteration" : "in-the-loop training: D_KL per iteration"
            let inner = panel(title, pane, context, right: iterations.map { " \(Int($0)) iterations " } ?? "")
                .render(into: &buffer, area: area, theme: theme)
            let curve = readout.series.first { $0.name == (digits ? "digits_training_curve" : "training_curve") }
                .map { PlotData.points($0, positiveOnly: !digits) } ?? []
            var references: [LinePlot.ReferenceLine] = []
            if let open = readout.figure(digits ? "digits_accuracy_open_loop" : "dkl_open_loop"), open.isFinite, digits || open > 0 {
                references.append(LinePlot.ReferenceLine(y: open, name: "open loop"))
            }
            let name = digits ? "training images" : "D_KL of iteration"
            LinePlot(series: [LinePlot.Series(name: name, points: curve, color: .gradient(.train, 1))], xAxis: Axis("iteration"),
                     yAxis: digits ? Axis("accuracy") : Axis("D_KL (nats)", scale: .log10), references: references)
                .render(into: &buffer, area: inner, theme: theme)
        case .weights:
            let index = digits ? 1 : 0
            guard readout.distributions.count > index, readout.distributions[index].values.count >= 2 else {
                panel("weights", pane, context).render(into: &buffer, area: area, theme: theme)
                return
            }
            let d = readout.distributions[index]
            let inner = panel(d.label, pane, context).render(into: &buffer, area: area, theme: theme)
            let groups = d.categories.enumerated().map { i, label in
                BarChart.Group(label: label, values: d.values.map { i < $0.count ? $0[i] : .nan })
            }
            BarChart(groups: groups, seriesNames: d.seriesNames, valueAxis: Axis("synapses"), categoryTitle: "W")
                .render(into: &buffer, area: inner, theme: theme)
        case .figures:
            let names = digits ? primary.filter { $0.hasPrefix("digits_") } + ["chip_seed", "speedup", "weight_levels"]
                               : primary.filter { !$0.hasPrefix("digits_") }
            FiguresPane(primary: names).render(readout, context: context, focused: context.focusedPane == pane.rawValue,
                                               into: &buffer, area: area)
        }
    }

    /// The three lanes' series `prefix` + ideal / open_loop / in_the_loop.
    private func laneSeries(_ readout: Readout, prefix: String, positiveOnly: Bool) -> [LinePlot.Series] {
        let lanes = [("ideal", "ideal model"), ("open_loop", "chip, open loop"), ("in_the_loop", "chip, trained in the loop")]
        return lanes.enumerated().compactMap { i, lane in
            readout.series.first { $0.name == prefix + lane.0 }.map {
                LinePlot.Series(name: lane.1, points: PlotData.points($0, positiveOnly: positiveOnly), color: .gradient(.train, Double(i) / 2))
            }
        }
    }
}
