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

    @Argument(help: "Scenario name (see `spiketty list`) or path to a .toml file.", completion: Completions.scenarios)
    var scenario: String = ScenarioLocator.defaultScenario

    @Option(help: "Seed for the random generator (default: the scenario's own).")
    var seed: UInt64?

    @Option(help: "Colour theme: a name (see themes/) or a path to a btop-style .theme file.", completion: Completions.themes)
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

    @Option(help: "Run on an emulated neuromorphic chip: ideal, bss1 (BrainScaleS-1) or bss2 (BrainScaleS-2); overrides the scenario's `hardware` key.", completion: Completions.hardware)
    var hardware: String?

    @Option(help: ArgumentHelp("Write a session log to this file as the run goes (docs/log-format.md).", valueName: "file"))
    var record: String?

    @Flag(help: "With --record: also log every spike (bigger logs; needed for spike and state exports).")
    var spikes = false

    @OptionGroup var frameRate: FrameRateOption

    func run() throws {
        var loaded = try loadScenarioOrExit(scenario)
        if let hardware {
            guard let changed = loaded.withHardware(hardware) else {
                let names = HardwareProfile.all.map(\.name).joined(separator: ", ")
                printError(HardwareProfile.named(hardware) == nil
                    ? "spiketty: --hardware: expected one of \(names), got \"\(hardware)\""
                    : "spiketty: --hardware: scenario \(loaded.name): \(loaded.hardwareUnsupportedReason ?? "no hardware mode")")
                throw ExitCode(2)
            }
            loaded = changed
        }
        CalibrationCache.shared.setStore(CalibrationFiles.standard())
        if headless {
            if let exportSamples {
                try runExporting(loaded, to: exportSamples)
                return
            }
            let report: HeadlessReport
            if let record {
                report = try recordedHeadlessRun(loaded, path: record)
            } else {
                report = HeadlessReport.run(loaded, seed: seed, durationMs: duration.milliseconds)
            }
            if let fault = report.fault {
                printError("spiketty: \(loaded.name): " + fault.description)
                throw ExitCode(1)
            }
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
        let forced = forcedColorDepth(color)
        // Build before taking the screen: some kinds measure a calibration first (seconds, once).
        printError("spiketty: preparing \(loaded.name)…")
        let experiment = ExperimentBuilder.make(loaded, seed: seed)
        let log = try record.map { try RecordingSupport.openLog($0, scenario: loaded) }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(forcedDepth: forced)
        } catch {
            printError("spiketty: cannot start the terminal: \(error)")
            throw ExitCode(2)
        }
        let app = SpikettyApp(scenario: loaded, seed: seed, terminal: terminal, themes: themes.themes,
                              themeIndex: themes.index, experiment: experiment)
        app.framesPerSecond = Double(frameRate.framesPerSecond)
        if let log {
            // Checksums and figures once per second of the live run.
            app.recorder = RecordingSupport.startRecording(log, app: app, mode: "live", spikes: spikes,
                                                           checksumEvery: frameRate.framesPerSecond,
                                                           figuresEvery: frameRate.framesPerSecond)
        }
        let reason = app.run(clock: MonotonicClock())
        terminal.shutdown()
        if let failure = log?.file.failure { printError("spiketty: " + failure) }
        for warning in themes.warnings { printError("spiketty: " + warning) }
        if case .signal(let signo) = reason {
            printError("spiketty: caught signal \(signo); terminal restored")
            throw ExitCode(128 + signo)
        }
    }

    /// A headless run that writes a session log: frames of about one second of biological time
    /// (the duration split evenly), a checksum and the figures after each. With --spikes the
    /// frames are ten times shorter (spikes are taken from the readout's raster window, which
    /// must cover a frame), with a checksum and the figures every ten frames.
    func recordedHeadlessRun(_ scenario: Scenario, path: String) throws -> HeadlessReport {
        let perSecond = spikes ? 10 : 1
        let frames = max(1, Int((duration.milliseconds * Double(perSecond) / 1000).rounded(.up)))
        let terminal = OffscreenTerminal(width: 100, height: 30, colorDepth: .palette256)
        let app = SpikettyApp(scenario: scenario, seed: seed, terminal: terminal, themes: [Theme.builtInDefault])
        app.simulatedFramePeriodMs = duration.milliseconds / Double(frames)
        app.state.speed = 1
        let log = try RecordingSupport.openLog(path, scenario: scenario)
        app.recorder = RecordingSupport.startRecording(log, app: app,
                                                       mode: "headless", spikes: spikes, checksumEvery: perSecond,
                                                       figuresEvery: perSecond)
        for _ in 0..<frames { app.advanceAndDraw(draw: false) }
        app.finishRecording(.quit, reason: "duration")
        if let failure = log.file.failure {
            printError("spiketty: " + failure)
            throw ExitCode(1)
        }
        let readout = app.experiment.readout()
        var report = HeadlessReport(scenario: scenario.name, seed: app.seed, durationMs: app.experiment.timeMs, readout: readout)
        report.fault = app.numericalFault ?? NumericalGuard.check(app.experiment, readout: readout)
        return report
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
        dreaming.retainedImageLimit = .max  // the user asked for every sample
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
