/// The one-line bar at the top of the screen: left text and right text in the title-bar style.
///
/// `TitleBar(left: "spiketty · high-conductance-state · slide 2/5", right: "t = 12.3 s  ×1.0  PAUSED")`.
/// The right text (time, speed, state) wins when space is short; the left text is cut with `…`.
/// Only the first row of the area is used.
public struct TitleBar: Sendable {
    public var left: String
    public var right: String

    public init(left: String, right: String = "") {
        self.left = left
        self.right = right
    }

    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let clip = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height)).intersection(buffer.bounds)
        guard !clip.isEmpty else { return }
        let style = theme.style(.titleBar)
        buffer.fill(clip, with: Cell(" ", style: style))
        let inner = clip.width - 2  // one space margin each side
        guard inner > 0 else { return }
        let r = right.truncated(toCells: inner)
        let leftRoom = inner - r.cellWidth - (r.isEmpty ? 0 : 2)
        if leftRoom > 0 { buffer.put(left.truncated(toCells: leftRoom), x: clip.x + 1, y: clip.y, style: style, clip: clip) }
        buffer.put(r, x: clip.maxX - 1 - r.cellWidth, y: clip.y, style: style, clip: clip)
    }
}
