import Canvas
import Foundation
import SpikeCore

/// The screen of `activation-function` (science.md 1.5): the calibration sweep point by
/// point — p_on against E_l, the fitted logistic and the theoretical curve, the residuals,
/// the fitted v_p05 and α.
///
/// Layouts: from 80x24 sweep, residuals and figures; from 40x12 the sweep alone.
struct ActivationFunctionScreen: Screen {
    enum Pane: Int, CaseIterable { case sweep, residuals, figures }

    var paneCount: Int { Pane.allCases.count }
    var minimumSize: (width: Int, height: Int) { (40, 12) }
    var primary: [String]

    func render(_ readout: Readout, context: ScreenContext, into buffer: inout CellBuffer, area: Rect) {
        let focused = Pane(rawValue: context.focusedPane) ?? .sweep
        if context.zoomed {
            draw(focused, readout, context, &buffer, area)
        } else if area.width >= 78 && area.height >= 22 {
            let cols = area.columns([3, 2])
            let right = cols[1].rows([2, 3])
            draw(.sweep, readout, context, &buffer, cols[0])
            draw(.residuals, readout, context, &buffer, right[0])
            draw(.figures, readout, context, &buffer, right[1])
        } else {
            draw(.sweep, readout, context, &buffer, area)
        }
    }

    private func trace(_ readout: Readout, _ prefix: String) -> Trace? {
        readout.traces.first { $0.label.hasPrefix(prefix) }
    }

    private func draw(_ pane: Pane, _ readout: Readout, _ context: ScreenContext, _ buffer: inout CellBuffer, _ area: Rect) {
        context.hits.pane(pane.rawValue, area)
        let theme = context.theme
        let role: Theme.Role = context.focusedPane == pane.rawValue ? .hotkey : .box
        switch pane {
        case .sweep:
            let fit = readout.figure("v_p05_mv").flatMap { $0.isFinite ? $0 : nil }
            let right = fit.map { " v_p05 " + FixedDecimal.format($0, decimals: 2) + " mV  α " + FixedDecimal.format(readout.figure("alpha_mv") ?? .nan, decimals: 3) + " mV " } ?? ""
            let inner = Panel(title: "activation function p_on(E_l)", rightTitle: right, role: role)
                .render(into: &buffer, area: area, theme: theme)
            var series: [LinePlot.Series] = []
            if let measured = readout.traces.first {
                series.append(LinePlot.Series(name: measured.label, points: PlotData.points(measured, maxPoints: 10_000)
                    .filter { $0.y.isFinite }, color: .gradient(.spike, 1), mode: .points))
            }
            if let f = trace(readout, "logistic") {
                series.append(LinePlot.Series(name: f.label, points: PlotData.points(f, maxPoints: 1000), color: .gradient(.train, 0)))
            }
            if let t = trace(readout, "theory") {
                series.append(LinePlot.Series(name: t.label, points: PlotData.points(t, maxPoints: 1000), color: .gradient(.train, 1)))
            }
            LinePlot(series: series, xAxis: Axis("resting potential E_l (mV)"), yAxis: Axis("p_on", bounds: 0...1),
                     references: [LinePlot.ReferenceLine(y: 0.5, name: "½")])
                .render(into: &buffer, area: inner, theme: theme)
        case .residuals:
            let inner = Panel(title: "residuals p_on − fit", role: role).render(into: &buffer, area: area, theme: theme)
            guard let r = trace(readout, "residual") else {
                buffer.put("(after the pre-scan)", x: inner.x + 1, y: inner.y, style: theme.style(.dim), maxWidth: inner.width - 1)
                return
            }
            LinePlot(series: [LinePlot.Series(name: "residual", points: PlotData.points(r, maxPoints: 10_000).filter { $0.y.isFinite },
                                              color: .gradient(.spike, 1), mode: .points)],
                     xAxis: Axis("E_l (mV)"), yAxis: Axis("Δp_on"), references: [LinePlot.ReferenceLine(y: 0)])
                .render(into: &buffer, area: inner, theme: theme)
        case .figures:
            FiguresPane(primary: primary).render(readout, context: context, focused: context.focusedPane == pane.rawValue,
                                                 into: &buffer, area: area)
        }
    }
}
