/// Reads theme text in btop's syntax (shared/terminal.md 3.4), leniently, line by line.
///
/// Rules, after `loadFile()` in btop's `src/btop_theme.cpp`:
/// 1. a line whose first non-blank character is `#` is a comment; blank lines are skipped;
/// 2. otherwise the key is read between `[` and `]` (anything before `[`, usually `theme`,
///    is ignored); **unknown keys are ignored** (listed in `ignoredKeys`, no warning);
/// 3. after `=` and blanks, a value starting with `"` runs to the next `"` (the rest of the
///    line, e.g. a `# comment`, is ignored); an unquoted value runs to the end of the line;
/// 4. values are `"#RRGGBB"`, `"#BW"` (grey: `"#cc"` = `#cccccc`), `"R G B"` in decimal
///    (0-255 each) or `""` (empty: terminal default for `main_bg`, "no stop" for a gradient's
///    `_mid`/`_end`, otherwise "use the fallback").
///
/// A bad value becomes a warning naming the line, key, what was expected and what was found,
/// and the key is treated as missing; the caller decides whether to show or refuse. A text
/// with no theme line at all (`[key]=` on some line) throws `ThemeError.noThemeLines`.
public enum ThemeParser {
    /// A value as written in the file.
    public enum Value: Hashable, Sendable {
        case color(Color)
        /// `""`: no colour given.
        case empty
    }

    /// The result of reading a theme file: the recognised values and what was wrong.
    public struct Result: Sendable {
        /// Known keys with valid values (a later line wins over an earlier one).
        public var values: [String: Value] = [:]
        /// Lines to show the user, in line order.
        public var warnings: [ThemeWarning] = []
        /// Keys the format does not know, with their line numbers (ignored, as btop does).
        public var ignoredKeys: [(line: Int, key: String)] = []
    }

    static let expected = "expected \"#RRGGBB\", \"#BW\" or \"R G B\""

    /// Parses theme text; `fileName` only labels warnings and errors.
    public static func parse(_ text: String, fileName: String = "theme") throws(ThemeError) -> Result {
        var result = Result()
        var recognised = 0
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Substring(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine)
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            guard let open = line.firstIndex(of: "["),
                  let close = line[open...].firstIndex(of: "]"),
                  let equals = line[close...].firstIndex(of: "=")
            else {
                result.warnings.append(ThemeWarning(fileName: fileName, line: lineNumber, key: nil,
                    message: "expected a line like theme[main_fg]=\"#cc\", got \"\(trimmed)\""))
                continue
            }
            let key = String(line[line.index(after: open)..<close]).trimmingBlanks
            guard !key.isEmpty, key.unicodeScalars.allSatisfy(isKeyScalar) else {
                result.warnings.append(ThemeWarning(fileName: fileName, line: lineNumber, key: nil,
                    message: "expected a key like theme[main_fg], got \"\(line[open...close])\""))
                continue
            }
            recognised += 1
            guard ThemeKeys.all.contains(key) else {
                result.ignoredKeys.append((lineNumber, key))
                continue
            }
            var rest = line[line.index(after: equals)...].drop { $0 == " " || $0 == "\t" }
            var raw: String
            if rest.first == "\"" {
                rest = rest.dropFirst()
                if let quote = rest.firstIndex(of: "\"") {
                    raw = String(rest[..<quote])
                } else {
                    raw = String(rest)
                    result.warnings.append(ThemeWarning(fileName: fileName, line: lineNumber, key: key,
                        message: "missing closing quote after \"\(raw)"))
                    continue
                }
            } else {
                raw = String(rest)
            }
            raw = raw.trimmingBlanks
            if let value = parseValue(raw) {
                result.values[key] = value
            } else {
                result.warnings.append(ThemeWarning(fileName: fileName, line: lineNumber, key: key,
                    message: "\(expected), got \"\(raw)\""))
            }
        }
        guard recognised > 0 else { throw ThemeError.noThemeLines(fileName: fileName) }
        return result
    }

    /// Parses one value: `#RRGGBB`, `#BW`, `R G B` or empty; nil when malformed.
    public static func parseValue(_ raw: String) -> Value? {
        let text = raw.trimmingBlanks
        if text.isEmpty { return .empty }
        if text.hasPrefix("#") {
            let hex = Array(text.unicodeScalars.dropFirst())
            guard hex.count == 2 || hex.count == 6 else { return nil }
            var bytes: [UInt8] = []
            var i = 0
            while i < hex.count {
                guard let hi = hexDigit(hex[i]), let lo = hexDigit(hex[i + 1]) else { return nil }
                bytes.append(hi << 4 | lo)
                i += 2
            }
            return bytes.count == 1 ? .color(.rgb(bytes[0], bytes[0], bytes[0])) : .color(.rgb(bytes[0], bytes[1], bytes[2]))
        }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 3 else { return nil }
        let channels = parts.compactMap { UInt8(String($0)) }
        guard channels.count == 3 else { return nil }
        return .color(.rgb(channels[0], channels[1], channels[2]))
    }

    private static func hexDigit(_ s: Unicode.Scalar) -> UInt8? {
        switch s.value {
        case 0x30...0x39: return UInt8(s.value - 0x30)
        case 0x41...0x46: return UInt8(s.value - 0x41 + 10)
        case 0x61...0x66: return UInt8(s.value - 0x61 + 10)
        default: return nil
        }
    }

    private static func isKeyScalar(_ s: Unicode.Scalar) -> Bool {
        s == "_" || (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0x41 && s.value <= 0x5A)
            || (s.value >= 0x61 && s.value <= 0x7A)
    }
}

/// A problem on one line of a theme file that did not stop it from loading.
public struct ThemeWarning: Hashable, Sendable, CustomStringConvertible {
    public var fileName: String
    /// 1-based line number.
    public var line: Int
    /// The key on that line, when one was read.
    public var key: String?
    /// What was expected and what was found.
    public var message: String

    public init(fileName: String, line: Int, key: String?, message: String) {
        self.fileName = fileName
        self.line = line
        self.key = key
        self.message = message
    }

    /// `line 12: theme[main_fg]: expected "#RRGGBB", "#BW" or "R G B", got "#zz"`.
    public var lineMessage: String {
        "line \(line): " + (key.map { "theme[\($0)]: " } ?? "") + message
    }

    /// The line message prefixed with the file name: `nord.theme: line 12: …`.
    public var description: String { "\(fileName): \(lineMessage)" }
}

/// Why a theme could not be loaded at all.
public enum ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not a single `[key]=` line: probably not a theme file.
    case noThemeLines(fileName: String)

    public var description: String {
        switch self {
        case .noThemeLines(let fileName):
            return "\(fileName): no theme lines found; expected lines like theme[main_fg]=\"#cc\" (btop theme syntax)"
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
