import TOMLKit

/// Parses and strictly validates scenario files (TOML): unknown keys and tables, wrong
/// types and out-of-range values are errors naming file, line and key; all problems in a
/// file are reported together.
public enum ScenarioParser {
    /// Parses `source` read from `file`; `name` is what users type (the file stem).
    public static func parse(_ source: String, file: String, name: String) throws(ScenarioErrors) -> Scenario {
        let table: TOMLTable
        if let problem = TOMLPreflight.firstProblem(source) {
            throw ScenarioErrors([ScenarioError(file: file, line: problem.line, key: nil, message: "not valid TOML: " + problem.message)])
        }
        do {
            table = try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            let lineCount = source.split(separator: "\n", omittingEmptySubsequences: false).count
            throw ScenarioErrors([ScenarioError(file: file, line: min(max(1, error.source.begin.line), lineCount), key: nil,
                                                message: "not valid TOML: \(error.description) (column \(error.source.begin.column))"
                                                    + TOMLPreflight.expectation(for: error.description))])
        } catch {
            throw ScenarioErrors([ScenarioError(file: file, line: nil, key: nil, message: "not valid TOML: \(error)")])
        }
        var validator = Validator(file: file, locator: KeyLocator(source: source))
        let sectionNames = Set(ScenarioKind.allCases.flatMap { $0.sections.map(\.name) })
        let header = validator.section(CommonSections.header, in: table, allowTables: true, skipping: sectionNames)
        var kind: ScenarioKind? = nil
        if case .text(let k)? = header["kind"] { kind = ScenarioKind(rawValue: k) }
        var values: [String: [String: ScenarioValue]] = [:]
        if let kind {
            let sections = kind.sections
            for key in table.keys.sorted() where table[key]?.table != nil {
                if !sections.contains(where: { $0.name == key }) {
                    var message = "unknown table [\(key)] for kind \"\(kind.rawValue)\"; expected one of "
                        + sections.map { "[\($0.name)]" }.joined(separator: ", ")
                    if let s = suggestion(for: key, among: sections.map(\.name)) { message += " (did you mean [\(s)]?)" }
                    validator.report(line: validator.locator.line(ofTable: key) ?? validator.locator.bestLine(ofKey: key, inTable: ""),
                                     key: key, message)
                }
            }
            for spec in sections {
                let sub = table[spec.name]
                if let sub, sub.table == nil {
                    validator.report(line: validator.locator.bestLine(ofKey: spec.name, inTable: ""), key: spec.name,
                                     "expected a table [\(spec.name)], got \(describe(sub))")
                    continue
                }
                values[spec.name] = validator.section(spec, in: sub?.table ?? TOMLTable(), allowTables: false)
            }
        }
        guard validator.errors.isEmpty, let kind else { throw ScenarioErrors(validator.errors) }
        guard case .text(let title)? = header["title"], case .text(let slide)? = header["slide"],
              case .integer(let seed)? = header["seed"], case .text(let explanation)? = header["explanation"] else {
            throw ScenarioErrors([ScenarioError(file: file, line: 1, key: nil,
                                                message: "incomplete header: expected title, slide, seed and explanation")])
        }
        var scenario = Scenario(name: name, file: file, title: title, slide: slide, kind: kind, seed: UInt64(seed),
                                explanation: explanation, values: values)
        scenario.values[""] = header
        let crossErrors = ScenarioChecks.check(scenario, locator: validator.locator)
        guard crossErrors.isEmpty else { throw ScenarioErrors(crossErrors) }
        return scenario
    }
}

/// Collects errors while checking sections against their specs.
struct Validator {
    let file: String
    let locator: KeyLocator
    var errors: [ScenarioError] = []

    init(file: String, locator: KeyLocator) {
        self.file = file
        self.locator = locator
    }

    mutating func report(line: Int?, key: String?, _ message: String) {
        errors.append(ScenarioError(file: file, line: line, key: key, message: message))
    }

    /// Validates the keys of one table; returns validated values with defaults filled in.
    /// Keys in `skipping` are left for the caller (section names at the top level).
    mutating func section(_ spec: SectionSpec, in table: TOMLTable, allowTables: Bool,
                          skipping: Set<String> = []) -> [String: ScenarioValue] {
        var result: [String: ScenarioValue] = [:]
        let prefix = spec.name.isEmpty ? "" : spec.name + "."
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            if (allowTables && value.table != nil) || skipping.contains(key) { continue }
            let line = locator.bestLine(ofKey: key, inTable: spec.name)
            guard let keySpec = spec.key(key) else {
                var message = "unknown key"
                if let s = suggestion(for: key, among: spec.keys.map(\.name)) {
                    message += " (did you mean \"\(s)\"?)"
                } else {
                    message += "; known keys here: " + spec.keys.map(\.name).joined(separator: ", ")
                }
                report(line: line, key: prefix + key, message)
                continue
            }
            switch convert(value, to: keySpec) {
            case .success(let v): result[key] = v
            case .failure(let problem): report(line: line, key: prefix + key, "expected \(keySpec.expectation), got \(problem.text)")
            }
        }
        for keySpec in spec.keys where result[keySpec.name] == nil && table[keySpec.name] == nil {
            if let d = keySpec.defaultValue {
                result[keySpec.name] = d
            } else {
                // Top-level keys belong at the start of the file; a missing table can be appended at the end.
                report(line: spec.name.isEmpty ? 1 : locator.line(ofTable: spec.name) ?? locator.lineCount,
                       key: prefix + keySpec.name, "missing required key: \(keySpec.help); expected \(keySpec.expectation)")
            }
        }
        return result
    }

    private struct Problem: Error { var text: String }

    private func convert(_ value: TOMLValueConvertible, to spec: KeySpec) -> Result<ScenarioValue, Problem> {
        switch spec.kind {
        case .number(let range):
            guard let d = value.double ?? value.int.map(Double.init) else { return .failure(Problem(text: describe(value))) }
            guard d.isFinite, range.contains(d) else { return .failure(Problem(text: format(d))) }
            return .success(.number(d))
        case .integer(let range):
            guard let i = value.int else { return .failure(Problem(text: describe(value))) }
            guard range.contains(i) else { return .failure(Problem(text: String(i))) }
            return .success(.integer(i))
        case .text:
            guard let s = value.string else { return .failure(Problem(text: describe(value))) }
            guard !s.allSatisfy(\.isWhitespace) else { return .failure(Problem(text: "an empty string")) }
            return .success(.text(s))
        case .choice(let options):
            guard let s = value.string else { return .failure(Problem(text: describe(value))) }
            guard options.contains(s) else { return .failure(Problem(text: "\"\(s)\"")) }
            return .success(.text(s))
        case .numbers(let count, let element):
            guard let array = value.array else { return .failure(Problem(text: describe(value))) }
            switch numbers(array, element: element) {
            case .failure(let p): return .failure(p)
            case .success(let v):
                guard count.contains(v.count) else { return .failure(Problem(text: "\(v.count) numbers")) }
                return .success(.numbers(v))
            }
        case .matrix(let rows, let element):
            guard let array = value.array else { return .failure(Problem(text: describe(value))) }
            var m: [[Double]] = []
            for (i, row) in array.enumerated() {
                guard let r = row.array else { return .failure(Problem(text: "row \(i) as \(describe(row))")) }
                switch numbers(r, element: element) {
                case .failure(let p): return .failure(Problem(text: "in row \(i): \(p.text)"))
                case .success(let v): m.append(v)
                }
            }
            guard rows.contains(m.count) else { return .failure(Problem(text: "\(m.count) rows")) }
            return .success(.matrix(m))
        }
    }

    /// The elements of a TOML array as numbers in `element`, or which entry is wrong.
    private func numbers(_ array: TOMLArray, element: ClosedRange<Double>) -> Result<[Double], Problem> {
        var v: [Double] = []
        for (i, item) in array.enumerated() {
            guard let d = item.double ?? item.int.map(Double.init) else {
                return .failure(Problem(text: "entry \(i) as \(describe(item))"))
            }
            guard d.isFinite, element.contains(d) else { return .failure(Problem(text: "entry \(i) = \(format(d))")) }
            v.append(d)
        }
        return .success(v)
    }
}

/// A short description of a TOML value for messages: its type, and the value when short.
func describe(_ value: TOMLValueConvertible) -> String {
    if let s = value.string { return "the string \"\(s.prefix(40))\"" }
    if let b = value.bool { return "the boolean \(b)" }
    if let i = value.int { return "the integer \(i)" }
    if let d = value.double { return "the number \(format(d))" }
    if let a = value.array { return "an array of \(a.count) entries" }
    return "a value of type \(value.type)"
}
