/// Finds the line of a table or key in TOML source text, so that errors found after
/// parsing (unknown key, wrong type, out of range) can name a line.
///
/// TOMLKit reports positions only for syntax errors; its tables carry no source
/// positions. This scanner understands just enough TOML to map `[table]` headers and
/// `key = value` lines (bare or quoted keys, comments, multi-line strings) to line numbers.
struct KeyLocator {
    private var keyLines: [String: Int] = [:]
    private var tableLines: [String: Int] = [:]
    /// Lines in the source (the last line, for problems with no line of their own).
    private(set) var lineCount = 1

    init(source: String) {
        var table = ""
        var inMultiline: Substring? = nil
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        lineCount = max(1, lines.count)
        // Open brackets of a value that goes on over several lines (a matrix): its rows start
        // with "[" but are not table headers.
        var depth = 0
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            var line = rawLine[...]
            if let delimiter = inMultiline {
                if line.contains(delimiter) { inMultiline = nil }
                continue
            }
            if depth > 0 {
                depth = max(0, depth + KeyLocator.bracketBalance(line))
                continue
            }
            line = line.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                let name = line.dropFirst(line.hasPrefix("[[") ? 2 : 1).prefix { $0 != "]" }
                table = name.trimmingSpaces
                if tableLines[table] == nil { tableLines[table] = lineNumber }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            var key = line[..<equals].trimmingSpaces
            if key.hasPrefix("\"") && key.hasSuffix("\"") && key.count >= 2 { key = String(key.dropFirst().dropLast()) }
            let dotted = table.isEmpty ? key : table + "." + key
            if keyLines[dotted] == nil { keyLines[dotted] = lineNumber }
            let value = line[line.index(after: equals)...].drop { $0 == " " || $0 == "\t" }
            depth = max(0, KeyLocator.bracketBalance(value))
            for delimiter in ["\"\"\"", "'''"] where value.hasPrefix(delimiter) {
                if !value.dropFirst(3).contains(delimiter) { inMultiline = Substring(delimiter) }
            }
        }
    }

    /// Line of `table.key` (or of a top-level `key` when `table` is empty).
    func line(ofKey key: String, inTable table: String) -> Int? {
        keyLines[table.isEmpty ? key : table + "." + key]
    }

    /// Line of the `[table]` header.
    func line(ofTable table: String) -> Int? { tableLines[table] }

    /// The key's line, else its table's header line, else line 1 (the file's start): a line
    /// for every message even when the text is too damaged to locate the key.
    func bestLine(ofKey key: String, inTable table: String) -> Int {
        line(ofKey: key, inTable: table) ?? (table.isEmpty ? nil : line(ofTable: table)) ?? 1
    }

    /// Opening minus closing brackets ([ ] { }) outside strings and comments.
    static func bracketBalance(_ text: Substring) -> Int {
        var balance = 0
        var quote: Character? = nil
        var escaped = false
        for c in text {
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" && q == "\"" { escaped = true } else if c == q { quote = nil }
                continue
            }
            switch c {
            case "#": return balance
            case "\"", "'": quote = c
            case "[", "{": balance += 1
            case "]", "}": balance -= 1
            default: break
            }
        }
        return balance
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
