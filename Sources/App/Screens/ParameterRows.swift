import Foundation
import SpikeCore

/// The live-parameter part of a figures pane: one row per tunable parameter (label with unit,
/// value), the chosen one marked ▸ and followed by a detail row with its allowed range and the
/// scenario file's value, or the value being typed.
enum ParameterRows {
    /// Rows for `TextPanel`: (label, value).
    static func rows(_ context: ScreenContext) -> [(key: String, value: String)] {
        var rows: [(key: String, value: String)] = []
        for (i, p) in context.parameters.enumerated() {
            let chosen = i == context.selectedParameter
            let typing = chosen ? context.parameterEntry : nil
            rows.append((key: (chosen ? "▸ " : "  ") + p.label, value: typing.map { $0 + "▏" } ?? String(format6: p.value)))
            guard chosen else { continue }
            if typing != nil {
                rows.append((key: "    Enter sets, Esc cancels", value: range(p)))
            } else {
                let file = context.fileParameterValues[p.key].map { " · file " + compact($0) } ?? ""
                rows.append((key: "    range" + file, value: range(p)))
            }
        }
        return rows
    }

    /// At most `count` consecutive rows of `rows` that include the chosen parameter's row (index
    /// `chosen`: one row per parameter before it) and, if there is room, its detail row.
    static func window(_ rows: [(key: String, value: String)], chosen: Int, fitting count: Int) -> [(key: String, value: String)] {
        guard rows.count > count else { return rows }
        guard count > 0 else { return [] }
        let start = max(0, min(chosen + 2 - count, rows.count - count, chosen))
        return Array(rows[start..<start + count])
    }

    /// How many rows `rows` produces (the chosen parameter has a detail row).
    static func count(_ context: ScreenContext) -> Int {
        context.parameters.isEmpty ? 0 : context.parameters.count + 1
    }

    /// "10 … 20000" (inclusive).
    static func range(_ p: ParameterInfo) -> String {
        compact(p.range.lowerBound) + " … " + compact(p.range.upperBound)
    }

    /// A number in at most 6 significant digits without trailing zeros: 3000, -51.5, 1e+06.
    static func compact(_ d: Double) -> String { SignificantDecimal.format(d, digits: 6) }
}
