import App
import ArgumentParser
import Canvas
import Scenarios
import SpikeCore
import Terminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `spiketty run NAME|PATH`: the live app, or a headless run that prints the figures.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario live in the terminal, or headless with --headless.")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    enum ColorOption: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
        case c16 = "16", c256 = "256"
    }

    @Argument(help: "Scenario name (see `spiketty list`) or path to a .toml file.")
    var scenario: String = ScenarioLocator.defaultScenario

    @Option(help: "Seed for the random generator (default: the scenario's own).")
    var seed: UInt64?

    @Option(help: "Colour theme: a name (see themes/) or a path to a btop-style .theme file.")
    var theme: String?

    @Option(help: "Colour output: auto (NO_COLOR and the terminal decide), always, never, 16, 256.")
    var color: ColorOption = .auto

    @Flag(help: "Simulate without a terminal and print the scenario's figures.")
    var headless = false

    @Option(help: "Biological time to simulate headless: 10s, 500ms, 2min (at most 1e8 ms).")
    var duration = BiologicalDuration(milliseconds: 10_000)

    @Option(help: "Headless output: table or json.")
    var format: OutputFormat = .table

    @Option(help: "Headless dreaming runs: write the dreamed images to this CSV file (one image a line).")
    var exportSamples: String?

    func run() throws {
        let loaded = try loadScenarioOrExit(scenario)
        CalibrationCache.shared.setStore(CalibrationFiles.standard())
        if headless {
            if let exportSamples {
                try runExporting(loaded, to: exportSamples)
                return
            }
            let report = HeadlessReport.run(loaded, seed: seed, durationMs: duration.milliseconds)
            print(format == .json ? report.json : report.table, terminator: "")
            return
        }
        if exportSamples != nil {
            printError("spiketty: --export-samples needs --headless")
            throw ExitCode(2)
        }
        let themes: ThemeCatalog.Selection
        do {
            themes = try ThemeCatalog.standard().select(theme)
        } catch {
            printError("spiketty: " + error.description)
            throw ExitCode(2)
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            printError("spiketty: the live app needs a terminal on stdin and stdout; use --headless for a report")
            throw ExitCode(2)
        }
        // Precedence (terminal.md 3.3): --color > NO_COLOR > what the terminal reports.
        let noColor = getenv("NO_COLOR").map { String(cString: $0) }
        let forced: ColorDepth? = switch color {
        case .auto: ColorDepth.resolve(flag: .auto, noColorEnv: noColor, terminalColors: 256) == .none ? ColorDepth.none : nil
        case .always: nil
        case .never: ColorDepth.none
        case .c16: .ansi16
        case .c256: .palette256
        }
        // Build before taking the screen: some kinds measure a calibration first (seconds, once).
        printError("spiketty: preparing \(loaded.name)…")
        let experiment = ExperimentBuilder.make(loaded, seed: seed)
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(forcedDepth: forced)
        } catch {
            printError("spiketty: cannot start the terminal: \(error)")
            throw ExitCode(2)
        }
        let app = SpikettyApp(scenario: loaded, seed: seed, terminal: terminal, themes: themes.themes,
                              themeIndex: themes.index, experiment: experiment)
        let reason = app.run(clock: MonotonicClock())
        terminal.shutdown()
        for warning in themes.warnings { printError("spiketty: " + warning) }
        if case .signal(let signo) = reason {
            printError("spiketty: caught signal \(signo); terminal restored")
            throw ExitCode(128 + signo)
        }
    }
}

extension RunCommand {
    /// A headless run that also writes the dreamed images as CSV (dreaming scenarios only).
    func runExporting(_ loaded: Scenario, to path: String) throws {
        let experiment = ExperimentBuilder.make(loaded, seed: seed)
        guard let dreaming = experiment as? DreamingExperiment else {
            printError("spiketty: --export-samples: scenario \(loaded.name) (kind \(loaded.kind.rawValue)) has no sampled images")
            throw ExitCode(2)
        }
        dreaming.advance(by: duration.milliseconds)
        let report = HeadlessReport(scenario: loaded.name, seed: seed ?? loaded.seed, durationMs: dreaming.timeMs,
                                    readout: dreaming.readout())
        do {
            try DigitSeeds.writeAtomically(dreaming.dreamSamplesCSV, to: path)
        } catch {
            printError("spiketty: --export-samples: " + error.message)
            throw ExitCode(1)
        }
        print(format == .json ? report.json : report.table, terminator: "")
    }
}
