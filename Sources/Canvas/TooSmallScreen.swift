/// btop's "terminal too small" screen: what the size is, what is needed, centred.
///
/// ```
///  Terminal size too small:
///   Width = 60 Height = 20
/// Needed: Width = 80 Height = 24
/// ```
/// The current size is the area's size; each current number is drawn in the `bad` style when
/// it is below what is needed and in the `good` style otherwise. The whole area is cleared.
public struct TooSmallScreen: Sendable {
    public var neededWidth: Int
    public var neededHeight: Int

    public init(neededWidth: Int, neededHeight: Int) {
        self.neededWidth = neededWidth
        self.neededHeight = neededHeight
    }

    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let clip = area.intersection(buffer.bounds)
        guard !clip.isEmpty else { return }
        let text = theme.style(.text)
        buffer.fill(clip, with: Cell(" ", style: text))
        let w = "\(area.width)"
        let h = "\(area.height)"
        let sizeLine = "Width = \(w) Height = \(h)"
        let lines = ["Terminal size too small:", sizeLine, "Needed: Width = \(neededWidth) Height = \(neededHeight)"]
        let top = clip.y + max(0, (clip.height - lines.count) / 2)
        func startX(_ s: String) -> Int { clip.x + max(0, (clip.width - s.cellWidth) / 2) }
        buffer.put(lines[0], x: startX(lines[0]), y: top, style: theme.style(.title), clip: clip)
        var x = startX(sizeLine)
        x += buffer.put("Width = ", x: x, y: top + 1, style: text, clip: clip)
        x += buffer.put(w, x: x, y: top + 1, style: theme.style(area.width < neededWidth ? .bad : .good), clip: clip)
        x += buffer.put(" Height = ", x: x, y: top + 1, style: text, clip: clip)
        buffer.put(h, x: x, y: top + 1, style: theme.style(area.height < neededHeight ? .bad : .good), clip: clip)
        buffer.put(lines[2], x: startX(lines[2]), y: top + 2, style: text, clip: clip)
    }
}
