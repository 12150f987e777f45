/// Greedy word wrapping by terminal cells.
public enum TextWrap {
    /// `text` broken into lines of at most `width` cells: at spaces where possible, inside
    /// words longer than a line otherwise; `\n` starts a new line (an empty line for `\n\n`).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0   // line.cellWidth, kept as words are added
            for word in paragraph.split(separator: " ") {
                var w = String(word)
                var wordWidth = w.cellWidth
                if line.isEmpty {
                    // fall through to placing the word
                } else if lineWidth + 1 + wordWidth <= width {
                    line += " " + w
                    lineWidth += 1 + wordWidth
                    continue
                } else {
                    lines.append(line)
                    line = ""
                }
                while wordWidth > width {
                    let scalars = Array(w.unicodeScalars)
                    var head = String.UnicodeScalarView()
                    head.append(contentsOf: scalars.prefix(width))
                    lines.append(String(head))
                    var tail = String.UnicodeScalarView()
                    tail.append(contentsOf: scalars.dropFirst(width))
                    w = String(tail)
                    wordWidth = w.cellWidth
                }
                line = w
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}
