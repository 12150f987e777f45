import App
import ArgumentParser

/// `spiketty check FILE`: validates a scenario file and reports every problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate a scenario file (name or path).")

    @Argument(help: "Scenario name or path to a .toml file.", completion: Completions.scenarios)
    var scenario: String

    func run() throws {
        do {
            let s = try ScenarioLocator.standard().load(scenario)
            print("\(s.file): ok (\(s.kind.rawValue): \(s.title))")
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}
