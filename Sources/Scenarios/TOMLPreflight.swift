/// A check of scenario text before it reaches the TOML library (issue 12): TOML allows
/// characters outside ASCII only inside strings and comments, and the bundled toml++ stops
/// the process with a failed assertion (`parse_key`) on such a character where a key or
/// table name is read, instead of reporting an error. Found by spiketty-fuzz (case 568 of
/// seed 20261129: `[\u{FFFD}imulation]`). So such characters, and control characters other
/// than tab, are reported here, with the line, before parsing. The same assertion fires on a
/// table header whose name starts with anything but a bare-key character or a quote
/// (`[?imulation]`, case 711), so table headers are checked here too; and on '}' where an
/// array expects a value (`[1, }2]`, case 6797).
enum TOMLPreflight {
    /// (line, message) of the first character TOML does not allow where it stands, or nil.
    static func firstProblem(_ source: String) -> (line: Int, message: String)? {
        enum State { case normal, comment, basic, literal, multiBasic, multiLiteral }
        var state = State.normal
        var line = 1
        var atStatementStart = true
        // Open [ and { of values (arrays span lines; their rows are not table headers) and
        // whether the current line is a table header.
        var open: [Unicode.Scalar] = []
        var inHeader = false
        let scalars = Array(source.unicodeScalars)
        var i = 0
        func at(_ k: Int) -> Unicode.Scalar? { k < scalars.count ? scalars[k] : nil }
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" {
                line += 1
                atStatementStart = open.isEmpty
                inHeader = false
                if state == .comment || state == .basic || state == .literal { state = .normal }
                i += 1
                continue
            }
            switch state {
            case .normal:
                if atStatementStart && c == "[" {
                    inHeader = true
                    var j = i + 1
                    if at(j) == "[" { j += 1 }
                    while at(j) == " " || at(j) == "\t" { j += 1 }
                    if let k = at(j), !isBareKey(k), k != "\"", k != "'", k != "]" {
                        return (line, "expected a table name after '[' (letters, digits, _ or -, or a quoted name), got "
                                + describe(k))
                    }
                }
                if !inHeader && (c == "[" || c == "{") { open.append(c) }
                if !inHeader && c == "}" && open.last == "[" {
                    // toml++ asserts (parse_value: !is_value_terminator) on '}' where an array expects a value.
                    return (line, "expected a value, ',' or ']' inside an array, got '}'")
                }
                if !inHeader && (c == "]" || c == "}") && !open.isEmpty { open.removeLast() }
                if c != " " && c != "\t" { atStatementStart = false }
                if c == "#" { state = .comment }
                else if c == "\"" {
                    if at(i + 1) == "\"" && at(i + 2) == "\"" { state = .multiBasic; i += 2 } else { state = .basic }
                } else if c == "'" {
                    if at(i + 1) == "'" && at(i + 2) == "'" { state = .multiLiteral; i += 2 } else { state = .literal }
                } else if c.value > 0x7E || (c.value < 0x20 && c != "\t" && c != "\r") {
                    return (line, "expected TOML syntax (ASCII outside strings and comments), got " + describe(c)
                            + "; put text in quotes")
                }
            case .comment:
                break
            case .basic:
                if c == "\\" { i += 1 } else if c == "\"" { state = .normal }
            case .literal:
                if c == "'" { state = .normal }
            case .multiBasic:
                if c == "\\" { if at(i + 1) == "\n" { line += 1 }; i += 1 }
                else if c == "\"" && at(i + 1) == "\"" && at(i + 2) == "\"" { state = .normal; i += 2 }
            case .multiLiteral:
                if c == "'" && at(i + 1) == "'" && at(i + 2) == "'" { state = .normal; i += 2 }
            }
            i += 1
        }
        return nil
    }

    static func isBareKey(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "-"
    }

    /// `'?'` for printable ASCII, `U+FFFD` otherwise.
    static func describe(_ c: Unicode.Scalar) -> String {
        c.value >= 0x20 && c.value < 0x7F ? "'\(Character(c))'" : "the character U+\(String(c.value, radix: 16, uppercase: true))"
    }

    /// What the file should have had, for a toml++ error message that does not say.
    static func expectation(for message: String) -> String {
        if message.contains("expected") { return "" }
        if message.contains("redefine") { return "; expected each key and table only once" }
        if message.contains("end-of-file") { return "; expected more: a string, array or table left open?" }
        if message.contains("value type") { return "; expected a value: a number, a \"string\", true/false or an [array]" }
        if message.contains("control characters") { return "; expected printable text in strings (\\t, \\n escapes)" }
        return "; expected TOML syntax: key = value lines and [table] headers"
    }
}
