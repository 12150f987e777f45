/// A boxed list of equation lines with live values: `{…}` spans are drawn without their braces
/// in the highlighted (title) style, the rest as plain text.
///
/// ```
/// ╭─ dynamics ─────────────────────────╮
/// │τ du/dt = −u + W r(ū) + e           │
/// │e = 0.013   ‖W‖ = 1.84              │     0.013 and 1.84 highlighted
/// ╰────────────────────────────────────╯
/// ```
/// Build lines with string interpolation: `"e = {\(Numeric.format(e, decimals: 3))}"`. A `{`
/// without a closing `}` is plain text. Lines longer than the inside are cut with `…`; lines
/// beyond the height are dropped. `framed: false` uses the whole area.
public struct EquationPanel: Sendable {
    public var title: String
    public var lines: [String]
    public var framed: Bool
    public var role: Theme.Role

    public init(title: String = "", lines: [String], framed: Bool = true, role: Theme.Role = .box) {
        self.title = title
        self.lines = lines
        self.framed = framed
        self.role = role
    }

    /// A line split into (text, highlighted) runs, braces removed.
    public static func spans(_ line: String) -> [(text: String, highlighted: Bool)] {
        var out: [(text: String, highlighted: Bool)] = []
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            if open > rest.startIndex { out.append((String(rest[..<open]), false)) }
            out.append((String(rest[rest.index(after: open)..<close]), true))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { out.append((String(rest), false)) }
        return out
    }

    /// Draws the panel inside `area` only.
    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let inside = Panel.content(of: area, framed: framed, title: title, role: role, into: &buffer, theme: theme)
        guard !inside.isEmpty else { return }
        let plain = theme.style(.text)
        let value = theme.style(.title)
        for (i, line) in lines.prefix(inside.height).enumerated() {
            let y = inside.y + i
            let runs = Self.spans(line)
            let total = runs.reduce(0) { $0 + $1.text.cellWidth }
            var x = inside.x
            var room = inside.width
            for run in runs where room > 0 {
                // Cut the line at the inside's width, the last cell becoming `…` when cut.
                let text = total > inside.width && run.text.cellWidth >= room ? (run.text + " ").truncated(toCells: room) : run.text
                let n = buffer.put(text, x: x, y: y, style: run.highlighted ? value : plain, clip: inside)
                x += n
                room -= n
            }
        }
    }
}
