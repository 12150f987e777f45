/// A diff-friendly text dump of a buffer for snapshots: its lines plus a run-length list of
/// style changes, modelled on ratatui's `Buffer` debug format.
///
/// ```
/// content:
/// "╭─ raster ─╮"
/// styles:
/// x: 0, y: 0, fg: #556d59, bg: default
/// x: 3, y: 0, fg: #eeeeee, bg: default, attrs: bold
/// ```
/// A style line is written at the first cell (row-major) and whenever the style differs from
/// the previous cell's, so a one-colour screen has a single line.
extension CellBuffer {
    /// The run-length list of style changes, one `x: …, y: …, fg: …, bg: …[, attrs: …]` per line.
    public var styleDump: String {
        var out: [String] = []
        var previous: Style?
        for y in 0..<height {
            for x in 0..<width {
                let style = self[x, y].style
                if style != previous {
                    out.append("x: \(x), y: \(y), \(style.dumpDescription)")
                    previous = style
                }
            }
        }
        return out.joined(separator: "\n")
    }

    /// Content lines (quoted, so trailing blanks are visible) followed by the style runs.
    public var dump: String {
        var out = ["content:"]
        out += lines.map { "\"\($0)\"" }
        out.append("styles:")
        if !styleDump.isEmpty { out.append(styleDump) }
        return out.joined(separator: "\n")
    }
}

extension Style {
    /// `fg: #cccccc, bg: default, attrs: bold|reverse` (attrs left out when empty).
    public var dumpDescription: String {
        var s = "fg: \(foreground.dumpDescription), bg: \(background.dumpDescription)"
        var names: [String] = []
        if attributes.contains(.bold) { names.append("bold") }
        if attributes.contains(.dim) { names.append("dim") }
        if attributes.contains(.reverse) { names.append("reverse") }
        if attributes.contains(.underline) { names.append("underline") }
        if !names.isEmpty { s += ", attrs: " + names.joined(separator: "|") }
        return s
    }
}

extension Color {
    /// `default`, `#rrggbb` or `i123` (a palette index).
    public var dumpDescription: String {
        switch self {
        case .default: return "default"
        case .indexed(let i): return "i\(i)"
        case .rgb(let r, let g, let b): return "#" + Color.hex(r) + Color.hex(g) + Color.hex(b)
        }
    }

    static func hex(_ v: UInt8) -> String {
        let digits: [Character] = Array("0123456789abcdef")
        return String([digits[Int(v >> 4)], digits[Int(v & 15)]])
    }
}
