import Canvas
import Scenarios

/// The rows `spiketty talk` shows above a slide's figures: the key equation and the start of the
/// explanation, as many rows as the terminal spares beyond what the screen needs.
enum TalkHeader {
    /// Most explanation rows shown (the figures pane shows the rest when it has room).
    static let explanationRows = 3

    /// Draws the header at the top of `area`; returns the area left for the screen, which keeps
    /// at least `keepRows` rows (the header shrinks or disappears first).
    static func draw(_ scenario: Scenario, into buffer: inout CellBuffer, area: Rect, theme: Theme,
                     keepRows: Int) -> Rect {
        let spare = area.height - max(0, keepRows)
        guard spare >= 2, area.width >= 10 else { return area }
        var lines: [(String, Theme.Role)] = []
        if !scenario.equation.isEmpty { lines.append(("  " + scenario.equation, .title)) }
        let wrapped = TextWrap.wrapMemoized(scenario.explanation, width: area.width - 4)
        var shown = Array(wrapped.prefix(min(explanationRows, spare - 1 - lines.count)))
        if shown.count < wrapped.count, let last = shown.last {
            shown[shown.count - 1] = String(last.prefix(max(0, area.width - 6))) + " …"
        }
        lines += shown.map { ("  " + $0, .text) }
        guard !lines.isEmpty else { return area }
        let (top, rest) = area.splitTop(lines.count + 1)
        for (i, line) in lines.enumerated() {
            buffer.put(line.0, x: top.x, y: top.y + i, style: theme.style(line.1), maxWidth: top.width)
        }
        buffer.put(String(repeating: "─", count: top.width), x: top.x, y: top.y + lines.count,
                   style: theme.style(.divider), maxWidth: top.width)
        return rest
    }
}
