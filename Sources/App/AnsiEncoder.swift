import Canvas

/// Turns cell buffers into terminal output (cursor moves, SGR colours, UTF-8) for asciicast
/// files: the first frame in full, then only the rows that changed.
struct AnsiEncoder {
    private var previous: CellBuffer?

    /// Output that turns the screen showing the previous frame into `buffer`.
    mutating func encode(_ buffer: CellBuffer) -> String {
        var out = ""
        let full = previous.map { $0.width != buffer.width || $0.height != buffer.height } ?? true
        if full { out += "\u{1b}[0m\u{1b}[2J" }
        for y in 0..<buffer.height {
            if !full, let p = previous, (0..<buffer.width).allSatisfy({ p[$0, y] == buffer[$0, y] }) { continue }
            out += "\u{1b}[\(y + 1);1H"
            var style: Style?
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.style != style {
                    out += AnsiEncoder.sgr(cell.style)
                    style = cell.style
                }
                out.unicodeScalars.append(cell.character)
            }
        }
        out += "\u{1b}[0m"
        previous = buffer
        return out
    }

    static func sgr(_ s: Style) -> String {
        var codes = ["0"]
        if s.attributes.contains(.bold) { codes.append("1") }
        if s.attributes.contains(.dim) { codes.append("2") }
        if s.attributes.contains(.underline) { codes.append("4") }
        if s.attributes.contains(.reverse) { codes.append("7") }
        codes.append(color(s.foreground, base: 38))
        codes.append(color(s.background, base: 48))
        return "\u{1b}[" + codes.joined(separator: ";") + "m"
    }

    static func color(_ c: Color, base: Int) -> String {
        switch c {
        case .default: return String(base + 1)
        case .indexed(let i): return "\(base);5;\(i)"
        case .rgb(let r, let g, let b): return "\(base);2;\(r);\(g);\(b)"
        }
    }
}
