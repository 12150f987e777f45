import Synchronization

/// Greedy word wrapping by terminal cells.
public enum TextWrap {
    /// The last few wrappings (text, width → lines). Panels wrap the same explanation every
    /// frame; this saves re-splitting it (issue 13, frame target). Least recently used dropped.
    private static let memo = Mutex<[(text: String, width: Int, lines: [String])]>([])
    private static let memoCapacity = 16

    /// `wrap(text, width:)`, answered from the memo when the same text was wrapped to the same
    /// width recently.
    public static func wrapMemoized(_ text: String, width: Int) -> [String] {
        let found: [String]? = memo.withLock { list in
            guard let i = list.firstIndex(where: { $0.width == width && $0.text == text }) else { return nil }
            let entry = list.remove(at: i)
            list.insert(entry, at: 0)
            return entry.lines
        }
        if let found { return found }
        let lines = wrap(text, width: width)
        memo.withLock { list in
            list.insert((text, width, lines), at: 0)
            if list.count > memoCapacity { list.removeLast() }
        }
        return lines
    }

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
