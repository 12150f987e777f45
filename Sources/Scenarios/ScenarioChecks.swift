/// Checks that involve more than one key (e.g. reset below threshold), after every key
/// passed its own range check, then the engine's own validation.
enum ScenarioChecks {
    static func check(_ s: Scenario, locator: KeyLocator) -> [ScenarioError] {
        let definition = s.kind.definition
        var problems = definition.check(s)
        if let reason = definition.hardwareUnsupportedReason(s), let header = s.values[""] {
            if header["hardware"] != nil && header["hardware"] != .text("ideal") {
                problems.append(("", "hardware", "\(reason); expected \"ideal\""))
            }
            if header["spikeLoss"] != nil && header["spikeLoss"] != .number(0) {
                problems.append(("", "spikeLoss", "\(reason); expected 0"))
            }
        }
        var errors = problems.map { p in
            ScenarioError(file: s.file, line: locator.bestLine(ofKey: p.key, inTable: p.section),
                          key: p.section.isEmpty ? p.key : "\(p.section).\(p.key)", message: p.message)
        }
        if errors.isEmpty {
            // Anything the engine itself refuses is reported here, never trapped on later.
            errors = definition.engineProblems(s).map {
                // No single key is at fault: the line of `kind`, whose configuration this is.
                ScenarioError(file: s.file, line: locator.line(ofKey: "kind", inTable: "") ?? 1, key: nil,
                              message: "not a usable configuration: \($0)")
            }
        }
        return errors
    }
}
