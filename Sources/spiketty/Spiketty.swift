import ArgumentParser

/// The `spiketty` command: subcommands only; `run` is the default.
@main
struct Spiketty: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spiketty",
        abstract: "A terminal lab for sampling-based computation with spiking neurons.",
        discussion: """
            With no arguments, opens the default scenario (high-conductance-state) live in the terminal.
            `spiketty talk` presents the shipped scenarios in the order of the talk's slides (n/p move, m pins, g returns).
            Keys: q quit, ? help, space pause, +/- speed, ↑↓ choose a parameter, ←→ change it, 0-9 or v type a value,
            R reset it to the file's value, t theme, r restart, H emulated chip.
            Scenario keys: docs/scenario-keys.md; your own scenario: docs/your-first-scenario.md.
            Shell completions: spiketty --generate-completion-script bash|zsh|fish (see README.md).
            """,
        subcommands: [RunCommand.self, ListCommand.self, CheckCommand.self, BenchCommand.self, TrainCommand.self,
                      ReplayCommand.self, ExportCommand.self, TalkCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
