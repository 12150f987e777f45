/// A validated scenario file: its header and every key of its sections, defaults filled in.
public struct Scenario: Sendable {
    /// Short name users type (`high-conductance-state`): the file name without `.toml`.
    public var name: String
    /// File the scenario came from, as given (for messages).
    public var file: String
    public var title: String
    public var slide: String
    public var kind: ScenarioKind
    public var seed: UInt64
    public var explanation: String
    /// Section name → key → validated value, including defaults for omitted keys.
    public var values: [String: [String: ScenarioValue]]

    /// The number stored at `section.key` (integers convert). Traps if the schema has no such
    /// number key: builders only ask for keys the schema declares, and tests cover that.
    public func number(_ section: String, _ key: String) -> Double {
        switch values[section]?[key] {
        case .number(let d): return d
        case .integer(let i): return Double(i)
        default: preconditionFailure("schema has no number \(section).\(key)")
        }
    }

    /// The whole number stored at `section.key`.
    public func integer(_ section: String, _ key: String) -> Int {
        guard case .integer(let i) = values[section]?[key] else { preconditionFailure("schema has no integer \(section).\(key)") }
        return i
    }

    /// The string stored at `section.key`.
    public func text(_ section: String, _ key: String) -> String {
        guard case .text(let s) = values[section]?[key] else { preconditionFailure("schema has no string \(section).\(key)") }
        return s
    }

    /// The array of numbers stored at `section.key` (empty when the file leaves it out).
    public func numbers(_ section: String, _ key: String) -> [Double] {
        guard case .numbers(let v) = values[section]?[key] else { preconditionFailure("schema has no number array \(section).\(key)") }
        return v
    }

    /// The matrix stored at `section.key` (empty when the file leaves it out).
    public func matrix(_ section: String, _ key: String) -> [[Double]] {
        guard case .matrix(let m) = values[section]?[key] else { preconditionFailure("schema has no matrix \(section).\(key)") }
        return m
    }
}
