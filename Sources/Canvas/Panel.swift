/// A rounded box `╭─╮│╰╯` with a title in the top border (and an optional right title),
/// whose inside is where the pane's content goes.
///
/// ```
/// ╭─ raster ──────── 12.3 Hz ─╮
/// │                           │
/// ╰───────────────────────────╯
/// ```
/// The first occurrence of `hotkey` in the title is drawn in the hotkey style (btop's way of
/// showing which key focuses a pane). Areas under 2x2 draw nothing and have no inside.
public struct Panel: Sendable {
    public var title: String
    public var rightTitle: String
    public var hotkey: Character?
    /// The outline's role, e.g. `.rasterBox`.
    public var role: Theme.Role
    /// Whether the inside is cleared to the text style first.
    public var clearsInside: Bool

    public init(title: String = "", rightTitle: String = "", hotkey: Character? = nil, role: Theme.Role = .box,
                clearsInside: Bool = true) {
        self.title = title
        self.rightTitle = rightTitle
        self.hotkey = hotkey
        self.role = role
        self.clearsInside = clearsInside
    }

    /// The inside of a panel drawn in `area` (empty when the area is under 3x3).
    public static func inner(of area: Rect) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        return area.inset(by: 1)
    }

    /// Draws the frame and titles; returns the inside.
    @discardableResult
    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) -> Rect {
        let clip = area.intersection(buffer.bounds)
        let inside = Self.inner(of: area)
        guard area.width >= 2, area.height >= 2, !clip.isEmpty else { return inside }
        let box = theme.style(role)
        if clearsInside { buffer.fill(inside.intersection(clip), with: Cell(" ", style: theme.style(.text))) }
        let (x0, y0, x1, y1) = (area.x, area.y, area.maxX - 1, area.maxY - 1)
        for x in x0 + 1..<x1 {
            buffer.put(Glyphs.Box.horizontal, x: x, y: y0, style: box, clip: clip)
            buffer.put(Glyphs.Box.horizontal, x: x, y: y1, style: box, clip: clip)
        }
        for y in y0 + 1..<y1 {
            buffer.put(Glyphs.Box.vertical, x: x0, y: y, style: box, clip: clip)
            buffer.put(Glyphs.Box.vertical, x: x1, y: y, style: box, clip: clip)
        }
        buffer.put(Glyphs.Box.topLeft, x: x0, y: y0, style: box, clip: clip)
        buffer.put(Glyphs.Box.topRight, x: x1, y: y0, style: box, clip: clip)
        buffer.put(Glyphs.Box.bottomLeft, x: x0, y: y1, style: box, clip: clip)
        buffer.put(Glyphs.Box.bottomRight, x: x1, y: y1, style: box, clip: clip)
        // Titles sit between "╭─ " and " ─╮"; the right title gives way to the left one.
        let room = area.width - 6
        guard room >= 1 else { return inside }
        let left = title.truncated(toCells: room)
        let rightRoom = room - 1 - (left.isEmpty ? 0 : left.cellWidth + 3)
        if !rightTitle.isEmpty, rightRoom >= min(rightTitle.cellWidth, 4) {
            let right = rightTitle.truncated(toCells: rightRoom)
            buffer.put(" \(right) ", x: x1 - 3 - right.cellWidth, y: y0, style: theme.style(.graphText), clip: clip)
        }
        guard !left.isEmpty else { return inside }
        let titleStyle = theme.style(.title)
        buffer.put(" ", x: x0 + 2, y: y0, style: titleStyle, clip: clip)
        var x = x0 + 3
        guard let hotkey else {   // nothing to highlight: the title in one go (same cells)
            x += buffer.put(left, x: x, y: y0, style: titleStyle, clip: clip)
            buffer.put(" ", x: x, y: y0, style: titleStyle, clip: clip)
            return inside
        }
        var highlighted = false
        for ch in left {
            let isHotkey = !highlighted && String(hotkey).lowercased() == String(ch).lowercased()
            if isHotkey { highlighted = true }
            x += buffer.put(String(ch), x: x, y: y0, style: isHotkey ? theme.style(.hotkey) : titleStyle, clip: clip)
        }
        buffer.put(" ", x: x, y: y0, style: titleStyle, clip: clip)
        return inside
    }

    /// Where a panel-like widget writes its content: inside a frame titled `title` when
    /// `framed`, else the whole area cleared to the text style; clipped to the buffer.
    static func content(of area: Rect, framed: Bool, title: String, role: Theme.Role,
                        into buffer: inout CellBuffer, theme: Theme) -> Rect {
        let clip = area.intersection(buffer.bounds)
        guard !clip.isEmpty else { return clip }
        if framed {
            return Panel(title: title, role: role).render(into: &buffer, area: area, theme: theme).intersection(clip)
        }
        buffer.fill(clip, with: Cell(" ", style: theme.style(.text)))
        return clip
    }
}
