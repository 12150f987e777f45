/// Checks that involve more than one key (e.g. reset below threshold), after every key
/// passed its own range check.
enum ScenarioChecks {
    static func check(_ s: Scenario, locator: KeyLocator) -> [ScenarioError] {
        var errors: [ScenarioError] = []
        func fail(_ section: String, _ key: String, _ message: String) {
            errors.append(ScenarioError(file: s.file, line: locator.line(ofKey: key, inTable: section),
                                        key: "\(section).\(key)", message: message))
        }
        switch s.kind {
        case .highConductanceState:
            let threshold = s.number("neuron", "threshold_mV"), reset = s.number("neuron", "reset_mV")
            if reset > threshold {
                fail("neuron", "reset_mV", "expected a reset potential at or below threshold_mV (\(format(threshold))), got \(format(reset))")
            }
            if s.number("neuron", "reversalInhibitory_mV") >= s.number("neuron", "reversalExcitatory_mV") {
                fail("neuron", "reversalInhibitory_mV", "expected an inhibitory reversal potential below the excitatory one")
            }
            let step = s.number("simulation", "step_ms")
            for key in ["tauMembrane_ms", "tauSynExcitatory_ms", "tauSynInhibitory_ms"] where s.number("neuron", key) < step {
                fail("neuron", key, "expected a time constant of at least one step (step_ms = \(format(step))), got \(format(s.number("neuron", key)))")
            }
            if s.integer("display", "tracedNeurons") > s.integer("network", "neurons") {
                fail("display", "tracedNeurons", "expected at most network.neurons (\(s.integer("network", "neurons"))) traced neurons")
            }
            if errors.isEmpty {
                // Anything the engine itself refuses (its own validation) is reported, not trapped on.
                for problem in ExperimentBuilder.highConductanceStateConfig(s, seed: s.seed).validate() {
                    errors.append(ScenarioError(file: s.file, line: nil, key: nil, message: "not a usable configuration: \(problem)"))
                }
            }
        }
        return errors
    }
}
