/// The help window: a centred box titled "help" with a key column and a description column,
/// drawn over everything else, paginated when the terminal is short.
///
/// ```
/// ╭─ help ─────────────────── page 1/2 ─╮
/// │ Key:        Description:            │
/// │ q, ctrl+c   Quit                    │
/// │ ?, F1, h    Show this help          │
/// │ press any key to close              │
/// ╰─────────────────────────────────────╯
/// ```
/// The box is at most 78 columns wide and shrinks to its content. The caller keeps `page`
/// (0-based) and can ask `pageCount(in:)` to clamp it; out-of-range pages show the last one.
public struct HelpOverlay: Sendable {
    public var entries: [(keys: String, description: String)]
    public var page: Int
    public var title: String

    public init(entries: [(keys: String, description: String)], page: Int = 0, title: String = "help") {
        self.entries = entries
        self.page = page
        self.title = title
    }

    static let footer = "press any key to close"
    static let maxWidth = 78

    /// The box for `area`: as wide as the content (at most 78), as tall as fits.
    public func box(in area: Rect) -> Rect {
        let keyWidth = max(4, entries.map(\.keys.cellWidth).max() ?? 0)
        let descWidth = max(12, entries.map(\.description.cellWidth).max() ?? 0)
        let content = max(keyWidth + 3 + descWidth, Self.footer.cellWidth, title.cellWidth + 16)
        let width = min(area.width, Self.maxWidth, content + 4)
        let height = min(area.height, entries.count + 4)
        return area.centered(width: width, height: height)
    }

    /// Entries shown per page in `area` (at least 1).
    public func entriesPerPage(in area: Rect) -> Int { max(1, box(in: area).height - 4) }

    /// The number of pages needed in `area` (at least 1).
    public func pageCount(in area: Rect) -> Int {
        let per = entriesPerPage(in: area)
        return max(1, (entries.count + per - 1) / per)
    }

    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let clip = area.intersection(buffer.bounds)
        guard !clip.isEmpty else { return }
        let frame = box(in: clip)
        let pages = pageCount(in: clip)
        let current = min(max(0, page), pages - 1)
        let inside = Panel(title: title, rightTitle: pages > 1 ? "page \(current + 1)/\(pages)" : "", role: .title)
            .render(into: &buffer, area: frame, theme: theme)
        let body = Rect(x: inside.x + 1, y: inside.y, width: inside.width - 2, height: inside.height)
            .intersection(clip)
        guard !body.isEmpty else { return }
        let footerStyle = theme.style(.dim)
        if body.height < 3 {
            buffer.put(Self.footer.truncated(toCells: body.width), x: body.x, y: body.maxY - 1, style: footerStyle, clip: body)
            return
        }
        let keyWidth = min(max(4, entries.map(\.keys.cellWidth).max() ?? 0), max(1, body.width / 3))
        let descX = body.x + keyWidth + 3
        let descWidth = body.maxX - descX
        buffer.put("Key:", x: body.x, y: body.y, style: theme.style(.title), clip: body)
        if descWidth > 0 { buffer.put("Description:".truncated(toCells: descWidth), x: descX, y: body.y, style: theme.style(.title), clip: body) }
        let per = entriesPerPage(in: clip)
        let shown = entries.dropFirst(current * per).prefix(per)
        var y = body.y + 1
        for entry in shown where y < body.maxY - 1 {
            buffer.put(entry.keys.truncated(toCells: keyWidth), x: body.x, y: y, style: theme.style(.hotkey), clip: body)
            if descWidth > 0 {
                buffer.put(entry.description.truncated(toCells: descWidth), x: descX, y: y, style: theme.style(.text), clip: body)
            }
            y += 1
        }
        buffer.put(Self.footer.truncated(toCells: body.width), x: body.x, y: body.maxY - 1, style: footerStyle, clip: body)
    }
}
