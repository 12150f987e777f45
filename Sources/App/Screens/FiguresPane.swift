import Canvas
import Foundation
import SpikeCore

/// The pane every screen has: the scenario's documented figures, the live parameters
/// (the chosen one marked ▸) and, when there is room, the explanation paragraph. The parameters
/// keep their rows however many figures there are (the figures are cut instead); when even they
/// do not fit, the rows around the chosen one are shown.
struct FiguresPane {
    /// Its title, with the parameter keys (the high-conductance screen's own figures pane uses it too).
    static let title = "figures · ↑↓ ←→ 0-9 R: parameters"
    /// Figure names to show first (the kind's documented ones); others follow if room is left.
    var primary: [String]
    /// How many extra rows to keep for the explanation before showing undocumented figures.
    var explanationRows = 4

    func render(_ readout: Readout, context: ScreenContext, focused: Bool, into buffer: inout CellBuffer, area: Rect) {
        let inside = max(0, area.height - 2)
        let parameters = ParameterRows.rows(context)
        // The parameter rows and the blank line above them come first; figures get the rest.
        let reserved = parameters.isEmpty ? 0 : min(inside, parameters.count + 1)
        let figureRoom = inside - reserved
        // By name through a dictionary (the first figure of each name, as `first(where:)`
        // finds): a linear search per name compared thousands of strings per frame.
        var firstIndex: [String: Int] = [:]
        for (i, f) in readout.figures.enumerated() where firstIndex[f.name] == nil { firstIndex[f.name] = i }
        let first = primary.compactMap { name in firstIndex[name].map { readout.figures[$0] } }
        let primaryNames = Set(primary)
        let extras = readout.figures.filter { !primaryNames.contains($0.name) }
        let spare = figureRoom - first.count - explanationRows
        let shown = first.prefix(figureRoom) + extras.prefix(max(0, spare))
        var rows = shown.map { (key: $0.label, value: String(format6: $0.value)) }
        if !parameters.isEmpty {
            if figureRoom > 0 { rows.append((key: "", value: "")) }
            rows += ParameterRows.window(parameters, chosen: context.selectedParameter, fitting: figureRoom > 0 ? reserved - 1 : reserved)
        }
        TextPanel(title: Self.title, text: context.scenario.explanation, rows: rows, role: focused ? .hotkey : .box)
            .render(into: &buffer, area: area, theme: context.theme)
    }
}

/// Conversions from readout values to widget inputs shared by the screens.
enum PlotData {
    /// At most `maxPoints` points of a trace (every k-th sample), as (x, y) with x in the
    /// trace's own units (ms for time traces).
    static func points(_ trace: Trace, maxPoints: Int) -> [(x: Double, y: Double)] {
        let n = trace.values.count
        let stride = max(1, (n + max(1, maxPoints) - 1) / max(1, maxPoints))
        return Swift.stride(from: 0, to: n, by: stride).map { i in
            (x: trace.startMs + Double(i) * trace.intervalMs, y: trace.values[i])
        }
    }

    /// A series' points as (x, y), dropping non-finite values (and, for log axes, non-positive ones).
    static func points(_ series: Series, positiveOnly: Bool = false) -> [(x: Double, y: Double)] {
        series.points.compactMap { p in
            guard p.timeMs.isFinite, p.value.isFinite, !positiveOnly || (p.value > 0 && p.timeMs > 0) else { return nil }
            return (x: p.timeMs, y: p.value)
        }
    }
}
