/// The htop-style key hint line at the bottom: `q Quit  ? Help  space Pause  +/- Speed`.
///
/// Keys are drawn in the hotkey style, labels in the text style, items separated by two spaces.
/// Items that do not fit are dropped from the right (whole items, never half a label).
public struct KeyBar: Sendable {
    public var items: [(key: String, label: String)]

    public init(items: [(key: String, label: String)]) {
        self.items = items
    }

    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let clip = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height)).intersection(buffer.bounds)
        guard !clip.isEmpty else { return }
        buffer.fill(clip, with: Cell(" ", style: theme.style(.text)))
        var x = clip.x
        for (i, item) in items.enumerated() {
            let width = item.key.cellWidth + 1 + item.label.cellWidth
            let start = x + (i == 0 ? 0 : 2)
            guard start + width <= clip.maxX else { break }
            buffer.put(item.key, x: start, y: clip.y, style: theme.style(.hotkey), clip: clip)
            buffer.put(item.label, x: start + item.key.cellWidth + 1, y: clip.y, style: theme.style(.text), clip: clip)
            x = start + width
        }
    }
}
