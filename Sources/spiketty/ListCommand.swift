import App
import ArgumentParser

/// `spiketty list`: every scenario found, with its title and slide.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the scenarios with their titles.")

    func run() throws {
        let locator = ScenarioLocator.standard()
        let found = locator.available()
        if found.isEmpty {
            printError("spiketty: no scenarios found in " + locator.searchDirectories.joined(separator: ", "))
            throw ExitCode(2)
        }
        let width = found.map(\.name.count).max() ?? 0
        for (name, path) in found {
            let padded = name + String(repeating: " ", count: width - name.count)
            do {
                let s = try ScenarioLocator.load(path: path)
                print("\(padded)  \(s.title)  [\(s.kind.rawValue)]  slide: \(s.slide)")
            } catch {
                print("\(padded)  (invalid: run `spiketty check \(path)`)")
            }
        }
    }
}
