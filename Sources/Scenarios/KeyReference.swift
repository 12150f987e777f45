import Foundation

/// The key tables of docs/scenario-keys.md, generated from the schema (`KeySpec`, `SectionSpec`)
/// so the reference cannot drift from what the parser accepts.
///
/// The page is hand-written prose with generated blocks. A block starts with a marker line and
/// ends with `<!-- end keys -->`:
/// - `<!-- keys top-level -->`: the top-level keys every file has;
/// - `<!-- keys KIND TABLE -->`: the table `[TABLE]` of scenario kind `KIND`;
/// - `<!-- keys KIND TABLE same-as OTHER -->`: a one-line pointer to the same table of kind
///   `OTHER`, valid only while both kinds define that table identically.
/// `update(_:)` rewrites every block from the schema; a test checks that the page on disk equals
/// its update and that every table of every kind has a block. A small hand-written template
/// processor rather than a templating library: the mirror has none that fits, and the format
/// (HTML comments in Markdown) needs only line matching.
public enum KeyReference {
    public static let endMarker = "<!-- end keys -->"

    /// What went wrong with the page's markers, with its line number (1-based).
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public var line: Int
        public var message: String
        public var description: String { "docs/scenario-keys.md:\(line): \(message)" }
    }

    /// The page with every generated block rewritten from the schema.
    public static func update(_ page: String) throws(Problem) -> String {
        var out: [Substring] = []
        var lines = page.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var number = 0
        while let line = lines.popFirst() {
            number += 1
            out.append(line)
            guard let target = try parseMarker(line, line: number) else { continue }
            let start = number
            while let inner = lines.first, inner.trimmingCharacters(in: .whitespaces) != endMarker {
                if inner.hasPrefix("<!-- keys") {
                    throw Problem(line: number + 1, message: "block opened on line \(start) has no \(endMarker) before the next block")
                }
                lines.removeFirst()
                number += 1
            }
            guard let end = lines.popFirst() else {
                throw Problem(line: start, message: "block has no closing \(endMarker)")
            }
            number += 1
            out.append(contentsOf: try body(of: target, line: start).split(separator: "\n", omittingEmptySubsequences: false))
            out.append(end)
        }
        return out.joined(separator: "\n")
    }

    /// The (kind, table) pairs of the schema that have no block in `page`.
    public static func undocumentedTables(in page: String) -> [String] {
        let present = Set(page.split(separator: "\n").compactMap { try? parseMarker($0, line: 0) }.map(\.id))
        var missing: [String] = []
        if !present.contains("top-level") { missing.append("top-level") }
        for kind in ScenarioKind.allCases {
            for section in kind.sections where !present.contains("\(kind.rawValue) \(section.name)") {
                missing.append("\(kind.rawValue) [\(section.name)]")
            }
        }
        return missing
    }

    // MARK: - Blocks

    /// A block's subject: the top-level keys, or one kind's table (maybe shown as the same as another kind's).
    struct Target {
        var kind: ScenarioKind?
        var table: String
        var sameAs: ScenarioKind?
        var id: String { kind.map { "\($0.rawValue) \(table)" } ?? "top-level" }
    }

    static func parseMarker(_ line: Substring, line number: Int) throws(Problem) -> Target? {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("<!-- keys "), text.hasSuffix("-->") else { return nil }
        let words = text.dropFirst("<!-- keys ".count).dropLast(3).split(separator: " ").map(String.init)
        if words == ["top-level"] { return Target(kind: nil, table: "", sameAs: nil) }
        let kinds = ScenarioKind.allCases.map(\.rawValue).joined(separator: ", ")
        guard words.count == 2 || (words.count == 4 && words[2] == "same-as") else {
            throw Problem(line: number, message: "expected <!-- keys top-level --> or <!-- keys KIND TABLE [same-as KIND] -->")
        }
        guard let kind = ScenarioKind(rawValue: words[0]) else {
            throw Problem(line: number, message: "unknown kind \"\(words[0])\"; expected one of \(kinds)")
        }
        guard kind.sections.contains(where: { $0.name == words[1] }) else {
            throw Problem(line: number, message: "kind \"\(kind.rawValue)\" has no table [\(words[1])]; it has "
                          + kind.sections.map { "[\($0.name)]" }.joined(separator: ", "))
        }
        var sameAs: ScenarioKind?
        if words.count == 4 {
            guard let other = ScenarioKind(rawValue: words[3]) else {
                throw Problem(line: number, message: "unknown kind \"\(words[3])\" after same-as; expected one of \(kinds)")
            }
            sameAs = other
        }
        return Target(kind: kind, table: words[1], sameAs: sameAs)
    }

    static func body(of target: Target, line: Int) throws(Problem) -> String {
        guard let kind = target.kind else { return topLevelTable() }
        let section = kind.sections.first { $0.name == target.table }!
        if let other = target.sameAs {
            guard let theirs = other.sections.first(where: { $0.name == target.table }), same(section, theirs) else {
                throw Problem(line: line, message: "[\(target.table)] of \"\(kind.rawValue)\" differs from that of \"\(other.rawValue)\"; give it its own block")
            }
            return "Same keys as `[\(target.table)]` of `kind = \"\(other.rawValue)\"`."
        }
        return table(section)
    }

    static func same(_ a: SectionSpec, _ b: SectionSpec) -> Bool {
        a.keys.count == b.keys.count && zip(a.keys, b.keys).allSatisfy {
            $0.name == $1.name && $0.expectation == $1.expectation && $0.defaultValue == $1.defaultValue && $0.help == $1.help
        }
    }

    /// The top-level keys as a Markdown table.
    static func topLevelTable() -> String {
        rows(CommonSections.header.keys, rangeHeader: "type")
    }

    /// One table's keys as a Markdown table.
    public static func table(_ section: SectionSpec) -> String {
        rows(section.keys, rangeHeader: "range")
    }

    static func rows(_ keys: [KeySpec], rangeHeader: String) -> String {
        var lines = ["| key | \(rangeHeader) | default | meaning |", "|---|---|---|---|"]
        for key in keys {
            lines.append("| `\(key.name)` | \(range(key.kind)) | \(defaultText(key)) | \(escaped(key.help)) |")
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Cells

    static func range(_ kind: KeySpec.Kind) -> String {
        switch kind {
        case .number(let r): return interval(r)
        case .integer(let r):
            return r.upperBound == Int(Int64.max) ? "integer ≥ \(r.lowerBound)" : "integer \(r.lowerBound)–\(r.upperBound)"
        case .text: return "string"
        case .choice(let options): return options.map { "`\"\($0)\"`" }.joined(separator: ", ")
        case .numbers(let count, let element):
            let n = count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "\(count.lowerBound)–\(count.upperBound)"
            return "array of \(n) numbers in \(interval(element))"
        case .matrix(let rows, let element):
            return "array of \(rows.lowerBound)–\(rows.upperBound) rows of numbers in \(interval(element))"
        }
    }

    static func interval(_ r: ClosedRange<Double>) -> String { number(r.lowerBound) + "–" + number(r.upperBound) }

    static func defaultText(_ key: KeySpec) -> String {
        switch key.defaultValue {
        case nil: return "required"
        case .number(let d)?: return number(d)
        case .integer(let i)?: return i < 0 ? "−\(-i)" : "\(i)"
        case .text(let s)?: return s.isEmpty ? "none" : "`\"\(s)\"`"
        case .numbers(let v)?: return v.isEmpty ? "—" : "`[" + v.map(number).joined(separator: ", ") + "]`"
        case .matrix(let m)?: return m.isEmpty ? "—" : "\(m.count) rows"
        }
    }

    /// A number as the page writes it: `0.001`, `3000`, `1e6`, `−100` (Unicode minus).
    static func number(_ d: Double) -> String {
        let sign = d < 0 ? "−" : ""
        let a = abs(d)
        if a >= 1e5, a < 1e300 {
            let exponent = Int(log10(a).rounded(.down))
            let mantissa = a / pow(10, Double(exponent))
            let m = mantissa == mantissa.rounded() ? String(Int(mantissa)) : String(mantissa)
            return sign + m + "e\(exponent)"
        }
        return sign + format(a)
    }

    /// Pipes inside a cell would end it.
    static func escaped(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
