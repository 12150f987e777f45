/// Reads the weight matrix and bias vector of a user-written Boltzmann machine from the
/// strings of a scenario file. The scenario schema holds scalars and strings only, so W and b
/// are written as text in TOML-array style, inside a (multi-line) string:
///
///     weights = """
///     [[ 0.0,  0.5, -0.3],
///      [ 0.5,  0.0,  0.8],
///      [-0.3,  0.8,  0.0]]"""
///     biases = "[0.2, -0.5, 0.1]"
///
/// Brackets are optional: rows may also be separated by new lines or `;`, numbers by commas
/// or spaces. Errors say which row and which entry is wrong.
enum BoltzmannMachineText {
    enum ParseError: Error, Equatable {
        case message(String)
        var text: String { if case .message(let m) = self { return m }; return "" }
    }

    /// A vector of numbers ("[1, 2.5, -3]" or "1 2.5 -3").
    static func vector(_ text: String) throws(ParseError) -> [Double] {
        let cleaned = text.map { $0 == "[" || $0 == "]" || $0 == "," || $0 == ";" || $0 == "\n" ? " " : String($0) }.joined()
        return try numbers(cleaned, context: "")
    }

    /// A matrix: rows are "[...]" groups when brackets are used, else lines or ";"-separated.
    static func matrix(_ text: String) throws(ParseError) -> [[Double]] {
        var rows: [String] = []
        if text.contains("[") {
            // Every innermost "[ … ]" group is a row.
            var depth = 0, open = false, current = ""
            for ch in text {
                if ch == "[" { depth += 1; open = true; current = ""; continue }
                if ch == "]" {
                    depth -= 1
                    guard depth >= 0 else { throw .message("unbalanced brackets in the matrix") }
                    if open { rows.append(current) }
                    open = false
                    continue
                }
                if open { current.append(ch) }
            }
            guard depth == 0 else { throw .message("unbalanced brackets in the matrix") }
        } else {
            rows = text.split(whereSeparator: { $0 == "\n" || $0 == ";" }).map(String.init)
        }
        var out: [[Double]] = []
        for row in rows {
            let cleaned = row.map { $0 == "," || $0 == "[" || $0 == "]" ? " " : String($0) }.joined()
            if cleaned.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            out.append(try numbers(cleaned, context: "row \(out.count): "))
        }
        return out
    }

    private static func numbers(_ text: String, context: String) throws(ParseError) -> [Double] {
        var out: [Double] = []
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
            guard let d = Double(token), d.isFinite else {
                throw .message("\(context)entry \(out.count) \"\(token)\" is not a number")
            }
            out.append(d)
        }
        return out
    }
}
