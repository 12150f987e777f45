import SpikeCore

/// Builds the experiment a scenario describes (each kind's definition does the work).
public enum ExperimentBuilder {
    /// A new experiment for `scenario`, seeded with `seed` (the scenario's own seed when nil).
    public static func make(_ scenario: Scenario, seed: UInt64? = nil) -> any Experiment {
        scenario.kind.definition.makeExperiment(scenario, seed: seed ?? scenario.seed)
    }
}
