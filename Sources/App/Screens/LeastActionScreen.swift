import Canvas
import Foundation
import SpikeCore

/// The screen of the least-action scenario (science.md 6.6 screen A; slides "Lagrangian
/// mechanics for neuronal networks"): an oscilloscope of the sawtooth target, the network's
/// output and the output of its twin without prospective coding; the hidden activity as a heat
/// strip over the same window; the running error and the energy E(t); the three slide
/// equations with one neuron's live terms; figures and the 0/1 switches.
///
/// Layouts: from 90x24 everything; from 60x16 oscilloscope, equations and figures; from 40x12
/// the oscilloscope alone.
struct LeastActionScreen: Screen {
    typealias Pane = LeastActionPanels.Pane

    var paneCount: Int { Pane.allCases.count }
    var minimumSize: (width: Int, height: Int) { (40, 12) }

    /// The figures shown first in the figures pane.
    static let primary = ["mse_running", "mse_running_no_prospective", "mse_free_prospective", "mse_free_no_prospective", "energy"]

    func render(_ readout: Readout, context: ScreenContext, into buffer: inout CellBuffer, area: Rect) {
        for (pane, rect) in LeastActionPanels.layout(area, context: context, leftRows: [5, 3, 3]) {
            draw(pane, readout, context, &buffer, rect)
        }
    }

    private func draw(_ pane: Pane, _ readout: Readout, _ context: ScreenContext, _ buffer: inout CellBuffer, _ area: Rect) {
        context.hits.pane(pane.rawValue, area)
        let theme = context.theme
        switch pane {
        case .scope:
            let beta = readout.figure("beta") ?? 0
            let phase = beta > 0 ? " nudged β=\(LeastActionPanels.compact(beta)) " : " free β=0 "
            let inner = Panel(title: "oscilloscope: target and output", rightTitle: phase, role: LeastActionPanels.role(pane, context))
                .render(into: &buffer, area: area, theme: theme)
            LeastActionPanels.scope(readout, names: ["target", "output", "no prospective coding"], into: &buffer, area: inner,
                                    context: context, bounds: -1.6...1.6)
        case .hidden:
            let units = readout.landscapes.first?.rows ?? 0
            let inner = Panel(title: "hidden activity r = φ(ŭ), \(units) units", role: LeastActionPanels.role(pane, context))
                .render(into: &buffer, area: area, theme: theme)
            LeastActionPanels.heatStrip(readout, capacity: context.scenario.integer("display", "heatColumns"), range: -1...1,
                                        into: &buffer, area: inner, theme: theme)
        case .curves:
            let inner = Panel(title: "running error and energy E(t)", role: LeastActionPanels.role(pane, context))
                .render(into: &buffer, area: area, theme: theme)
            var halves = inner.columns([1, 1])
            halves[0].width -= 1   // a blank column between the two plots
            let mse = readout.series.filter { $0.name.hasPrefix("mse_running") }.enumerated().map { i, s in
                LinePlot.Series(name: i == 0 ? "MSE" : "w/o prosp.", points: context.zoomedTime(PlotData.points(s)),
                                color: i == 0 ? .gradient(.train, 0) : .role(.bad))
            }
            LinePlot(series: mse, xAxis: Axis("time (ms)"), yAxis: Axis("MSE (a.u.²)")).render(into: &buffer, area: halves[0], theme: theme)
            let energy = readout.series.first { $0.name == "energy" }.map {
                [LinePlot.Series(name: "energy E", points: context.zoomedTime(PlotData.points($0)), color: .gradient(.energy, 0.8))]
            } ?? []
            LinePlot(series: energy, xAxis: Axis("time (ms)"), yAxis: Axis("E (a.u.)")).render(into: &buffer, area: halves[1], theme: theme)
            context.hits.timePlot(inner)
        case .equations:
            EquationPanel(title: "slide equations · hidden unit \(context.scenario.integer("display", "equationNeuron"))", lines: LeastActionPanels.equationLines(readout, rows: area.height - 2),
                          role: LeastActionPanels.role(pane, context))
                .render(into: &buffer, area: area, theme: theme)
        case .figures:
            FiguresPane(primary: Self.primary).render(readout, context: context, focused: context.focusedPane == pane.rawValue,
                                                      into: &buffer, area: area)
        }
    }
}

/// Drawing shared by the least-action and teacher-student screens.
enum LeastActionPanels {
    /// The panes both least-action screens have, in Tab order.
    enum Pane: Int, CaseIterable { case scope, hidden, curves, equations, figures }

    /// Where each pane goes: from 88x22 scope, hidden activity and curves on the left (heights in
    /// proportion `leftRows`) with equations and figures on the right; from 60x14 scope beside
    /// equations and figures; below that the scope alone; zoomed, the focused pane alone.
    /// Outline role of a pane: the focused one highlighted, the activity strip in its own colour.
    static func role(_ pane: Pane, _ context: ScreenContext) -> Theme.Role {
        context.focusedPane == pane.rawValue ? .hotkey : (pane == .hidden ? .energyBox : .box)
    }

    static func layout(_ area: Rect, context: ScreenContext, leftRows: [Double]) -> [(Pane, Rect)] {
        if context.zoomed { return [(Pane(rawValue: context.focusedPane) ?? .scope, area)] }
        if area.width >= 88 && area.height >= 22 {
            let cols = area.columns([11, 9])
            let left = cols[0].rows(leftRows)
            let (top, rest) = cols[1].splitTop(equationsHeight(for: cols[1].height))
            return [(.scope, left[0]), (.hidden, left[1]), (.curves, left[2]), (.equations, top), (.figures, rest)]
        }
        if area.width >= 60 && area.height >= 14 {
            let cols = area.columns([1, 1])
            let (top, rest) = cols[1].splitTop(min(8, cols[1].height / 2))
            return [(.scope, cols[0]), (.equations, top), (.figures, rest)]
        }
        return [(.scope, area)]
    }

    /// Height of the equations panel in a column of `height` rows: all nine lines and the frame
    /// when the column is tall, the six equation lines otherwise.
    static func equationsHeight(for height: Int) -> Int { height >= 26 ? 11 : 8 }

    /// The three slide equations (science.md 6.1) with the live values of one neuron's terms
    /// (figures `eq_*`), headed when there are at least nine rows.
    static func equationLines(_ r: Readout, rows: Int) -> [String] {
        // Left-hand sides plain, right-hand terms in parentheses when negative: "− (-0.03)".
        func lhs(_ name: String) -> String { "{" + compact(r.figure(name) ?? .nan) + "}" }
        func v(_ name: String) -> String {
            let x = r.figure(name) ?? .nan
            return x < 0 ? "({" + compact(x) + "})" : "{" + compact(x) + "}"
        }
        let dynamics = ["τ du/dt = W r − u + e", "\(lhs("eq_tau_du")) = \(v("eq_wr")) − \(v("eq_u")) + \(v("eq_e"))"]
        let errors = ["e = r′ · Wᵀ(ŭ − W r)", "\(lhs("eq_e")) = \(v("eq_r_prime")) · \(v("eq_backprop"))"]
        let plasticity = ["ẇ = η (ŭ − W r) r_pre", "\(lhs("eq_dw_per_ms")) = \(v("eq_eta")) · \(v("eq_e")) · \(v("eq_r_pre"))"]
        if rows >= 9 {
            return ["neuron dynamics:"] + dynamics.map { " " + $0 } + ["error backpropagation:"] + errors.map { " " + $0 }
                + ["Urbanczik–Senn plasticity:"] + plasticity.map { " " + $0 }
        }
        return dynamics + errors + plasticity
    }

    /// A short rendering of a value for the equation lines: three significant digits.
    static func compact(_ x: Double) -> String {
        guard x.isFinite else { return "—" }
        if x == 0 { return "0" }
        return SignificantDecimal.format(x, digits: 3)
    }

    /// The oscilloscope: the readout's traces as lines, named `names` in order, y fixed to `bounds`.
    /// `inSeconds`: the time axis in s instead of ms.
    static func scope(_ readout: Readout, names: [String], into buffer: inout CellBuffer, area: Rect, context: ScreenContext,
                      bounds: ClosedRange<Double>?, inSeconds: Bool = false) {
        let theme = context.theme
        let colors: [SeriesColor] = [.role(.title), .gradient(.train, 0), .role(.bad)]
        let scale = inSeconds ? 0.001 : 1
        let series = readout.traces.prefix(names.count).enumerated().map { i, trace in
            LinePlot.Series(name: names[i], points: context.zoomedTime(PlotData.points(trace, maxPoints: max(2, area.width * 2) * Int(context.timeZoom))
                                .map { (x: $0.x * scale, y: $0.y) }),
                            color: colors[i % colors.count])
        }
        LinePlot(series: series, xAxis: Axis(inSeconds ? "time (s)" : "time (ms)"), yAxis: Axis("ŭ (a.u.)", bounds: bounds))
            .render(into: &buffer, area: area, theme: theme)
        context.hits.timePlot(area)
    }

    /// The first landscape as a heat strip (rows = units, columns = time, the newest at the
    /// right edge): each cell column the mean of a whole bin of samples anchored to absolute
    /// time (`StripBins`: 1 ms per column for least-action at 200x60), so that the strip only
    /// scrolls sideways by whole cells as time advances. `capacity`: the samples a full
    /// landscape holds (scenario key `display.heatColumns`).
    static func heatStrip(_ readout: Readout, capacity: Int, range: ClosedRange<Double>, into buffer: inout CellBuffer, area: Rect,
                          theme: Theme) {
        guard let l = readout.landscapes.first, l.rows > 0, area.width > 0,
              let bins = StripBins(l, capacity: capacity, width: area.width), bins.count > 0 else { return }
        HeatStrip(rowCount: l.rows, columnCount: bins.count, values: bins.values(l), gradient: .energy, valueRange: range)
            .render(into: &buffer, area: area, theme: theme)
    }
}
