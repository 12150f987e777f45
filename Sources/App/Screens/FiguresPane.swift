import Canvas
import Foundation
import SpikeCore
import Synchronization

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
        let order = FigureOrder.of(readout.figures, primary: primary)
        let first = order.primary.map { readout.figures[$0] }
        let spare = figureRoom - first.count - explanationRows
        let shown = first.prefix(figureRoom) + order.extras.prefix(max(0, spare)).map { readout.figures[$0] }
        var rows = shown.map { (key: $0.label, value: String(format6: $0.value)) }
        if !parameters.isEmpty {
            if figureRoom > 0 { rows.append((key: "", value: "")) }
            rows += ParameterRows.window(parameters, chosen: context.selectedParameter, fitting: figureRoom > 0 ? reserved - 1 : reserved)
        }
        TextPanel(title: Self.title, text: context.scenario.explanation, rows: rows, role: focused ? .hotkey : .box)
            .render(into: &buffer, area: area, theme: context.theme)
    }
}

/// Which figures the pane lists: the first figure of each primary name, in `primary`'s order
/// (as `first(where:)` finds it), and the figures whose names are not primary, in readout order.
/// A readout lists the same names frame after frame, so the answer for the last list of names is
/// kept and reused while the names stay equal (comparing them is cheaper than hashing them anew).
struct FigureOrder: Equatable {
    var primary: [Int]
    var extras: [Int]

    static func of(_ figures: [Figure], primary: [String]) -> FigureOrder {
        last.withLock { last in
            if let l = last, l.primary == primary, l.names.count == figures.count,
               zip(l.names, figures).allSatisfy({ $0 == $1.name }) {
                return l.order
            }
            let order = computed(figures.map(\.name), primary: primary)
            last = (primary, figures.map(\.name), order)
            return order
        }
    }

    /// The definition: by name through a dictionary (a linear search per name compared
    /// thousands of strings per frame).
    static func computed(_ names: [String], primary: [String]) -> FigureOrder {
        var firstIndex: [String: Int] = [:]
        for (i, name) in names.enumerated() where firstIndex[name] == nil { firstIndex[name] = i }
        let primaryNames = Set(primary)
        return FigureOrder(primary: primary.compactMap { firstIndex[$0] },
                           extras: names.indices.filter { !primaryNames.contains(names[$0]) })
    }

    private static let last = Mutex<(primary: [String], names: [String], order: FigureOrder)?>(nil)
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
