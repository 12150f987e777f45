/// What one key of a scenario file may hold: its type, allowed range, default and meaning.
/// The schema is data so that validation, defaults and the reference page come from one place.
public struct KeySpec: Sendable {
    public enum Kind: Sendable {
        /// A floating-point number (integers are accepted too) in the closed range.
        case number(ClosedRange<Double>)
        /// A whole number in the closed range.
        case integer(ClosedRange<Int>)
        /// A non-empty string.
        case text
        /// One of the listed strings.
        case choice([String])
        /// A TOML array of numbers (integers accepted): its length and each element's range.
        case numbers(count: ClosedRange<Int>, element: ClosedRange<Double>)
        /// A TOML array of arrays of numbers (a matrix, rows may differ in length here;
        /// the kind's own check decides the shape): row count and each element's range.
        case matrix(rows: ClosedRange<Int>, element: ClosedRange<Double>)
    }

    public var name: String
    public var kind: Kind
    /// Value used when the file omits the key; nil means the key is required.
    public var defaultValue: ScenarioValue?
    /// One line for the reference page: meaning and unit.
    public var help: String

    public init(_ name: String, _ kind: Kind, default defaultValue: ScenarioValue?, _ help: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }

    /// "a number in 0.01...1000" and the like, for error messages.
    public var expectation: String {
        switch kind {
        case .number(let r): return "a number in \(format(r.lowerBound))...\(format(r.upperBound))"
        case .integer(let r): return "a whole number in \(r.lowerBound)...\(r.upperBound)"
        case .text: return "a non-empty string"
        case .choice(let options): return "one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
        case .numbers(let count, let element):
            return "an array of \(count.lowerBound) to \(count.upperBound) numbers in \(format(element.lowerBound))...\(format(element.upperBound))"
        case .matrix(let rows, let element):
            return "an array of \(rows.lowerBound) to \(rows.upperBound) rows (arrays of numbers in \(format(element.lowerBound))...\(format(element.upperBound)))"
        }
    }
}

/// A validated value from a scenario file.
public enum ScenarioValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case integer(Int)
    case text(String)
    case numbers([Double])
    case matrix([[Double]])

    public var description: String {
        switch self {
        case .number(let d): return format(d)
        case .integer(let i): return String(i)
        case .text(let s): return "\"\(s)\""
        case .numbers(let v): return "[" + v.map(format).joined(separator: ", ") + "]"
        case .matrix(let m): return "[" + m.map { "[" + $0.map(format).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        }
    }
}

/// A short rendering of a number without trailing zeros (`0.01`, `1e+06`).
func format(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
    return String(d)
}

/// A named table of a scenario file and the keys it may hold.
public struct SectionSpec: Sendable {
    /// Table name, or "" for the top level.
    public var name: String
    public var help: String
    public var keys: [KeySpec]

    public init(_ name: String, _ help: String, _ keys: [KeySpec]) {
        self.name = name
        self.help = help
        self.keys = keys
    }

    public func key(_ name: String) -> KeySpec? { keys.first { $0.name == name } }
}
