import Canvas
import Foundation
import SpikeCore

/// The screen of the teacher-student scenario (science.md 6.6 screen B): the teacher's and the
/// student's output on an oscilloscope while the input streams; the student's hidden activity;
/// the error to the teacher and the energy (log scale) and the weight distance to the teacher
/// over time; the three slide equations with one neuron's live terms; figures and switches.
///
/// Layouts: from 90x24 everything; from 60x16 oscilloscope, equations and figures; from 40x12
/// the oscilloscope alone.
struct TeacherStudentScreen: Screen {
    typealias Pane = LeastActionPanels.Pane

    var paneCount: Int { Pane.allCases.count }
    var minimumSize: (width: Int, height: Int) { (40, 12) }

    static let primary = ["teacher_error_ratio", "mse_running", "mse_initial", "weight_distance", "energy_running_avg",
                          "feedforward_max_abs_diff", "feedforward_max_abs_diff_no_prospective"]

    func render(_ readout: Readout, context: ScreenContext, into buffer: inout CellBuffer, area: Rect) {
        for (pane, rect) in LeastActionPanels.layout(area, context: context, leftRows: [4, 3, 4]) {
            draw(pane, readout, context, &buffer, rect)
        }
    }

    private func draw(_ pane: Pane, _ readout: Readout, _ context: ScreenContext, _ buffer: inout CellBuffer, _ area: Rect) {
        context.hits.pane(pane.rawValue, area)
        let theme = context.theme
        switch pane {
        case .scope:
            let ratio = readout.figure("teacher_error_ratio").flatMap { $0.isFinite ? " error ÷\(String(format6: $0)) " : nil } ?? ""
            let inner = Panel(title: "teacher and student output", rightTitle: ratio, role: LeastActionPanels.role(pane, context))
                .render(into: &buffer, area: area, theme: theme)
            LeastActionPanels.scope(readout, names: ["teacher", "student"], into: &buffer, area: inner, context: context, bounds: nil,
                                    inSeconds: true)
        case .hidden:
            let units = readout.landscapes.first?.rows ?? 0
            let inner = Panel(title: "student hidden activity r = φ(ŭ), \(units) units", role: LeastActionPanels.role(pane, context))
                .render(into: &buffer, area: area, theme: theme)
            LeastActionPanels.heatStrip(readout, capacity: context.scenario.integer("display", "heatColumns"), range: 0...1,
                                        into: &buffer, area: inner, theme: theme)
        case .curves:
            let inner = Panel(title: "learning while the input streams", role: LeastActionPanels.role(pane, context))
                .render(into: &buffer, area: area, theme: theme)
            var halves = inner.columns([1, 1])
            halves[0].width -= 1   // a blank column between the two plots
            let logSeries = [("mse_running", "MSE", SeriesColor.gradient(.train, 0)), ("energy", "energy E", .gradient(.energy, 0.8))]
                .compactMap { name, label, color in
                    readout.series.first { $0.name == name }.map {
                        LinePlot.Series(name: label, points: context.zoomedTime(Self.seconds(PlotData.points($0, positiveOnly: true))), color: color)
                    }
                }
            LinePlot(series: logSeries, xAxis: Axis("time (s)"), yAxis: Axis("MSE, E (a.u.)", scale: .log10))
                .render(into: &buffer, area: halves[0], theme: theme)
            let distance = readout.series.first { $0.name == "weight_distance" }.map {
                [LinePlot.Series(name: "‖W−W*‖", points: context.zoomedTime(Self.seconds(PlotData.points($0))), color: .gradient(.train, 0.6))]
            } ?? []
            LinePlot(series: distance, xAxis: Axis("time (s)"), yAxis: Axis("distance (a.u.)"))
                .render(into: &buffer, area: halves[1], theme: theme)
            context.hits.timePlot(inner)
        case .equations:
            EquationPanel(title: "slide equations · student unit \(context.scenario.integer("display", "equationNeuron"))", lines: LeastActionPanels.equationLines(readout, rows: area.height - 2),
                          role: LeastActionPanels.role(pane, context))
                .render(into: &buffer, area: area, theme: theme)
        case .figures:
            FiguresPane(primary: Self.primary).render(readout, context: context, focused: context.focusedPane == pane.rawValue,
                                                      into: &buffer, area: area)
        }
    }

    /// Points with x in ms as points with x in s.
    static func seconds(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        points.map { (x: $0.x / 1000, y: $0.y) }
    }
}
