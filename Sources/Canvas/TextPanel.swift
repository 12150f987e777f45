/// A boxed block of explanation: a title, a wrapped paragraph and an optional table of
/// figures with right-aligned values.
///
/// ```
/// ╭─ about ─────────────────╮
/// │Neurons sample from a    │
/// │Boltzmann distribution.  │
/// │                         │
/// │DKL                0.0201│
/// │rate (Hz)            61.3│
/// ╰─────────────────────────╯
/// ```
/// When the height is short the table keeps its rows and the paragraph is cut, ending in
/// `…`; without a frame (`framed: false`) the text uses the whole area.
public struct TextPanel: Sendable {
    public var title: String
    public var text: String
    /// Key/value rows (values are usually pre-formatted numbers).
    public var rows: [(key: String, value: String)]
    public var framed: Bool
    public var role: Theme.Role

    public init(title: String = "", text: String = "", rows: [(key: String, value: String)] = [], framed: Bool = true,
                role: Theme.Role = .box) {
        self.title = title
        self.text = text
        self.rows = rows
        self.framed = framed
        self.role = role
    }

    /// Draws the panel inside `area` only.
    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let inside = Panel.content(of: area, framed: framed, title: title, role: role, into: &buffer, theme: theme)
        guard !inside.isEmpty else { return }
        let tableRows = Array(rows.prefix(inside.height))
        let roomForText = inside.height - tableRows.count - (tableRows.isEmpty ? 0 : 1)
        var paragraph = text.isEmpty ? [] : TextWrap.wrapMemoized(text, width: inside.width)
        if paragraph.count > max(0, roomForText) {
            paragraph = Array(paragraph.prefix(max(0, roomForText)))
            if let last = paragraph.popLast() {
                paragraph.append((last + "…").truncated(toCells: inside.width).replacingLastIfCut(with: "…"))
            }
        }
        var y = inside.y
        for line in paragraph {
            buffer.put(line, x: inside.x, y: y, style: theme.style(.text), clip: inside)
            y += 1
        }
        if !paragraph.isEmpty, !tableRows.isEmpty { y += 1 }
        let keyStyle = theme.style(.text)
        let valueStyle = theme.style(.title)
        for row in tableRows where y < inside.maxY {
            let value = row.value.truncated(toCells: inside.width)
            let keyRoom = inside.width - value.cellWidth - 1
            if keyRoom > 0 {
                buffer.put(row.key.truncated(toCells: keyRoom), x: inside.x, y: y, style: keyStyle, clip: inside)
            }
            buffer.put(value, x: inside.maxX - value.cellWidth, y: y, style: valueStyle, clip: inside)
            y += 1
        }
    }
}

extension String {
    /// Ensures a string that ends in `…` only carries one (helper for cut paragraphs).
    fileprivate func replacingLastIfCut(with mark: String) -> String {
        hasSuffix("……") ? String(dropLast()) : self
    }
}
