import ArgumentParser
import Scenarios
import SpikeCore

/// `spiketty train NAME|PATH`: trains the scenario's model and writes it into seeds/ (after every
/// epoch, atomically: Ctrl-C keeps the last finished epoch).
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a scenario's model (dreaming: the digit RBM) and write its weights into seeds/.")

    @Argument(help: "Scenario name (see `spiketty list`) or path to a .toml file.", completion: Completions.scenarios)
    var scenario: String

    func run() throws {
        let loaded = try DreamingKind.$loadingForTraining.withValue(true) { try loadScenarioOrExit(scenario) }
        guard loaded.kind == .dreaming else {
            printError("spiketty: scenario \(loaded.name) (kind \(loaded.kind.rawValue)) has nothing to train")
            throw ExitCode(2)
        }
        let path = DreamingKind.weightsPath(loaded)
        let epochs = DreamingKind.trainingSettings(loaded).epochs
        printError("spiketty: training \(loaded.name) (\(DreamingKind.trainingSettings(loaded).summary)) into \(path)")
        do {
            try DreamingTraining.train(loaded) { report in
                let line = "epoch \(report.epoch)/\(epochs)  reconstruction error \(String(format4: report.reconstructionError))"
                    + "  pseudo-log-likelihood \(String(format4: report.pseudoLogLikelihood)) nats  (saved)"
                print(line)
            }
        } catch {
            printError("spiketty: " + error.message)
            throw ExitCode(1)
        }
    }
}

extension String {
    /// A number with 4 decimals (no Foundation formatting).
    init(format4 x: Double) {
        let scaled = (abs(x) * 10000).rounded()
        let whole = Int(scaled / 10000), frac = Int(scaled.truncatingRemainder(dividingBy: 10000))
        let f = String(frac)
        self = (x < 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: 4 - f.count) + f
    }
}
