/// asciicast v2 (what `asciinema play` reads; shared/terminal.md 4.1): a JSON header line
/// (`version` 2, `width`, `height`, …), then one `[time_s, code, data]` array per line with
/// time in seconds since the start (non-decreasing), `"o"` output, `"r"` resize (`"COLSxROWS"`),
/// `"m"` marker.
public struct AsciicastWriter: Sendable {
    public private(set) var text: String
    private var lastTime = 0.0

    public init(width: Int, height: Int, title: String, timestamp: Int? = nil) {
        var header = "{\"version\": 2, \"width\": \(width), \"height\": \(height)"
        if let timestamp { header += ", \"timestamp\": \(timestamp)" }
        header += ", \"title\": \(AsciicastWriter.json(title)), \"env\": {\"TERM\": \"xterm-256color\"}}"
        text = header + "\n"
    }

    public mutating func output(_ data: String, atSeconds t: Double) { event("o", data, t) }
    public mutating func resize(width: Int, height: Int, atSeconds t: Double) { event("r", "\(width)x\(height)", t) }
    public mutating func marker(_ label: String, atSeconds t: Double) { event("m", label, t) }

    private mutating func event(_ code: String, _ data: String, _ t: Double) {
        lastTime = max(lastTime, t)
        let micro = Int64((lastTime * 1_000_000).rounded())
        let frac = String(micro % 1_000_000)
        let time = String(micro / 1_000_000) + "." + String(repeating: "0", count: 6 - frac.count) + frac
        text += "[\(time), \"\(code)\", \(AsciicastWriter.json(data))]\n"
    }

    /// A JSON string literal (control characters as \u escapes; other scalars as UTF-8).
    public static func json(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
