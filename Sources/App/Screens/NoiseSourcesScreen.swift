import Canvas
import Foundation
import SpikeCore
import Synchronization

/// The screen of the `noise-sources` scenario (science.md 2.5; slide "Whence stochasticity?"):
/// the states of one network per noise source (raster rows grouped by lane), D_KL(p*‖p) against
/// sampled time for all four lanes, the four input-correlation heat maps, and figures.
///
/// Layouts: from 90x26 four panes; from 50x14 D_KL and figures; below, D_KL alone.
struct NoiseSourcesScreen: Screen {
    enum Pane: Int, CaseIterable { case raster, dkl, correlations, figures }
    var primary: [String]
    var paneCount: Int { Pane.allCases.count }
    var minimumSize: (width: Int, height: Int) { (40, 10) }

    /// The lanes the readout reports, in its order: (figure suffix, label), from the figures
    /// `dkl_target_sampled_<suffix>` (binary: four lanes; spiking: three).
    /// (Kept for the last list of figure names and labels and reused while they stay equal,
    /// as `FigureOrder`: a readout lists the same figures frame after frame.)
    static func lanes(_ readout: Readout) -> [(suffix: String, label: String)] {
        lastLanes.withLock { last in
            let figures = readout.figures
            if let l = last, l.figures.count == figures.count,
               zip(l.figures, figures).allSatisfy({ $0.name == $1.name && $0.label == $1.label }) {
                return l.lanes
            }
            let lanes = computedLanes(figures)
            last = (figures.map { (name: $0.name, label: $0.label) }, lanes)
            return lanes
        }
    }

    private static let lastLanes = Mutex<(figures: [(name: String, label: String)], lanes: [(suffix: String, label: String)])?>(nil)

    /// The definition `lanes` keeps.
    static func computedLanes(_ figures: [Figure]) -> [(suffix: String, label: String)] {
        let prefix = "dkl_target_sampled_", labelPrefix = "D_KL(p*‖p) "
        return figures.compactMap { f in
            guard f.name.hasPrefix(prefix) else { return nil }
            let suffix = String(f.name.dropFirst(prefix.count))
            guard !suffix.utf8.contains(UInt8(ascii: "_")) else { return nil }   // (not Foundation's substring search)
            return (suffix, f.label.hasPrefix(labelPrefix) ? String(f.label.dropFirst(labelPrefix.count)) : suffix)
        }
    }
    static let colors: [SeriesColor] = [.gradient(.train, 0), .gradient(.train, 1), .gradient(.spike, 0.5), .role(.title)]

    func render(_ readout: Readout, context: ScreenContext, into buffer: inout CellBuffer, area: Rect) {
        let focused = Pane(rawValue: context.focusedPane) ?? .raster
        let lanes = Self.lanes(readout)   // once per frame: three panes use them
        let draw = { (pane: Pane, buffer: inout CellBuffer, area: Rect) in self.draw(pane, readout, lanes, context, &buffer, area) }
        if context.zoomed { draw(focused, &buffer, area); return }
        if area.width >= 90 && area.height >= 26 {
            let cols = area.columns([3, 2])
            let left = cols[0].rows([2, 3]), right = cols[1].rows([3, 2])
            draw(.raster, &buffer, left[0])
            draw(.dkl, &buffer, left[1])
            draw(.correlations, &buffer, right[0])
            draw(.figures, &buffer, right[1])
        } else if area.width >= 50 && area.height >= 14 {
            let cols = area.columns([3, 2])
            draw(.dkl, &buffer, cols[0])
            draw(.figures, &buffer, cols[1])
        } else {
            draw(.dkl, &buffer, area)
        }
    }

    private func panel(_ title: String, _ pane: Pane, _ context: ScreenContext, right: String = "") -> Panel {
        Panel(title: title, rightTitle: right, role: context.focusedPane == pane.rawValue ? .hotkey : (pane == .raster ? .rasterBox : .box))
    }

    private func draw(_ pane: Pane, _ readout: Readout, _ lanes: [(suffix: String, label: String)], _ context: ScreenContext,
                      _ buffer: inout CellBuffer, _ area: Rect) {
        context.hits.pane(pane.rawValue, area)
        let theme = context.theme
        switch pane {
        case .raster:
            let names = lanes.map(\.label).joined(separator: " · ")
            let inner = panel("states of one network per source (rows: \(names))", pane, context).render(into: &buffer, area: area, theme: theme)
            guard let r = readout.raster else { return }
            let raster = r.widget(context, unit: 1000, timeAxisTitle: "time (s)", neuronAxisTitle: "unit")
            raster.render(into: &buffer, area: inner, theme: theme)
            context.hits.raster(raster, area: inner)
        case .dkl:
            let inner = panel("D_KL(p*‖p) vs sampled time, mean over networks", pane, context).render(into: &buffer, area: area, theme: theme)
            var series: [LinePlot.Series] = []
            for (i, lane) in lanes.enumerated() {
                if let s = readout.series.first(where: { $0.name == "dkl_target_sampled_\(lane.suffix)" }) {
                    series.append(LinePlot.Series(name: lane.label, points: PlotData.points(s, positiveOnly: true), color: Self.colors[i]))
                }
            }
            LinePlot(series: series, xAxis: Axis("sampled time (ms)", scale: .log10), yAxis: Axis("D_KL (nats)", scale: .log10))
                .render(into: &buffer, area: inner, theme: theme)
        case .correlations:
            let inner = panel("noise-input correlation ρ_kl", pane, context).render(into: &buffer, area: area, theme: theme)
            let maps = readout.landscapes
            guard !maps.isEmpty else { return }
            let rows = inner.rows([1, 1]).flatMap { $0.columns([1, 1]) }
            for (i, l) in maps.prefix(rows.count).enumerated() {
                let cell = rows[i]
                let suffix = i < lanes.count ? lanes[i].suffix : ""
                let mean = readout.figure("input_corr_mean_\(suffix)").map { " " + FixedDecimal.format($0, decimals: 3) } ?? ""
                let title = (i < lanes.count ? lanes[i].label : l.label) + mean
                _ = buffer.put(title, x: cell.x, y: cell.y, style: theme.style(.title), maxWidth: max(0, cell.width - 1))
                let body = Rect(x: cell.x, y: cell.y + 1, width: cell.width, height: max(0, cell.height - 1))
                let values = l.values.map { $0.isFinite ? $0 : 0 }
                HeatMap(columns: l.columns, rows: l.rows, values: values, xRange: l.xRange, yRange: l.yRange,
                        gradient: .energy, valueRange: -0.3...0.3, resampling: .nearest, scale: .none, showAxes: false)
                    .render(into: &buffer, area: body, theme: theme)
            }
        case .figures:
            FiguresPane(primary: primary).render(readout, context: context, focused: context.focusedPane == pane.rawValue,
                                                 into: &buffer, area: area)
        }
    }
}
