/// Checks that involve more than one key (e.g. reset below threshold), after every key
/// passed its own range check, then the engine's own validation.
enum ScenarioChecks {
    static func check(_ s: Scenario, locator: KeyLocator) -> [ScenarioError] {
        let definition = s.kind.definition
        var errors = definition.check(s).map { p in
            ScenarioError(file: s.file, line: locator.line(ofKey: p.key, inTable: p.section),
                          key: p.section.isEmpty ? p.key : "\(p.section).\(p.key)", message: p.message)
        }
        if errors.isEmpty {
            // Anything the engine itself refuses is reported here, never trapped on later.
            errors = definition.engineProblems(s).map {
                ScenarioError(file: s.file, line: nil, key: nil, message: "not a usable configuration: \($0)")
            }
        }
        return errors
    }
}
