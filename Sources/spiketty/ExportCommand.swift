import App
import ArgumentParser
import Canvas
import Foundation
import Recording
import Scenarios
import SpikeCore

/// `spiketty export INPUT ...`: spikes (NEST ASCII, CSV, Neo lines), sampled states and
/// figures as CSV, the screen as an asciicast, or a sampling network as a PyNEST script.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a session log (spikes, states, figures, asciicast) or a sampling network as a PyNEST script.",
        discussion: """
            INPUT is a session log (.stlog, from `run --record`) or, for --nest-script, also a scenario name or path.
            Each option names an output file ('-' for standard output). Spike and state exports need a log
            recorded with --spikes. Examples:
              spiketty export run.stlog --spikes-nest run-spikes.dat --states-csv states.csv
              spiketty export run.stlog --cast run.cast
              spiketty export lif-sampling --nest-script lif_sampling_nest.py
            """)

    @Argument(help: "A session log, or (for --nest-script) a scenario name or path.")
    var input: String

    @Option(help: ArgumentHelp("Spikes in NEST's ASCII layout (sender = neuron + 1, time_ms).", valueName: "file"))
    var spikesNest: String?

    @Option(help: ArgumentHelp("Spikes as CSV (neuron 0-based, time_ms).", valueName: "file"))
    var spikesCsv: String?

    @Option(help: ArgumentHelp("Spikes as one train per line (Neo AsciiSpikeTrainIO).", valueName: "file"))
    var spikesNeo: String?

    @Option(help: ArgumentHelp("Sampled states z(t) as CSV (from the spikes and the on window).", valueName: "file"))
    var statesCsv: String?

    @Option(help: "Spacing of the sampled states, ms.")
    var intervalMs: Double = 10

    @Option(help: ArgumentHelp("The logged figures as CSV.", valueName: "file"))
    var figuresCsv: String?

    @Option(help: ArgumentHelp("The screen as an asciicast v2 file (asciinema play FILE).", valueName: "file"))
    var cast: String?

    @Option(help: "Frames per second of the asciicast.")
    var fps: Double = 10

    @Option(help: ArgumentHelp("The sampling network as a runnable PyNEST script.", valueName: "file"))
    var nestScript: String?

    @Option(help: "Seed for --nest-script from a scenario (default: the scenario's own).")
    var seed: UInt64?

    func run() throws {
        let outputs = [spikesNest, spikesCsv, spikesNeo, statesCsv, figuresCsv, cast, nestScript].compactMap { $0 }
        guard !outputs.isEmpty else {
            printError("spiketty export: name at least one output (--spikes-nest, --spikes-csv, --spikes-neo, --states-csv, --figures-csv, --cast, --nest-script)")
            throw ExitCode(2)
        }
        guard intervalMs > 0, fps > 0, fps <= 60 else {
            printError("spiketty export: --interval-ms must be > 0 and --fps in (0, 60]")
            throw ExitCode(2)
        }
        CalibrationCache.shared.setStore(CalibrationFiles.standard())
        let isLog = FileManager.default.fileExists(atPath: input) && !input.hasSuffix(".toml")
        if !isLog {
            guard let nestScript, outputs.count == 1 else {
                printError("spiketty export: \(input) is not a session log; from a scenario only --nest-script can be exported")
                throw ExitCode(2)
            }
            let scenario = try loadScenarioOrExit(input)
            let seed = self.seed ?? scenario.seed
            printError("spiketty: building \(scenario.name) (calibration if not cached)…")
            try exportNEST(scenario: scenario, experiment: ExperimentBuilder.make(scenario, seed: seed), seed: seed, to: nestScript)
            return
        }
        let log = try RecordingSupport.readLog(input)
        if let cut = log.truncatedLine { printError("spiketty: \(input): line \(cut) is unfinished (recording cut off); using the lines before it") }
        let spikes = log.spikes
        if spikesNest != nil || spikesCsv != nil || spikesNeo != nil || statesCsv != nil, !log.header.spikes {
            printError("spiketty export: \(input) has no spikes: record with `spiketty run --record FILE --spikes`")
            throw ExitCode(2)
        }
        if let spikesNest { try write(SpikeExport.nestASCII(spikes, source: input), to: spikesNest) }
        if let spikesCsv { try write(SpikeExport.csv(spikes), to: spikesCsv) }
        if let spikesNeo { try write(SpikeExport.neoLines(spikes, neurons: log.header.neurons), to: spikesNeo) }
        if let statesCsv {
            guard let on = log.header.onWindowMs else {
                printError("spiketty export: \(log.header.scenario) has no sampling states (no on window in the log header)")
                throw ExitCode(2)
            }
            let end = log.events.last?.timeMs ?? 0
            try write(StateExport.statesCSV(spikes, neurons: log.header.neurons, onWindowMs: on, intervalMs: intervalMs,
                                            endMs: end), to: statesCsv)
        }
        if let figuresCsv { try write(StateExport.figuresCSV(log), to: figuresCsv) }
        if cast != nil || nestScript != nil {
            let h = log.header
            let terminal = OffscreenTerminal(width: h.terminalWidth, height: h.terminalHeight,
                                             colorDepth: ColorDepth(rawValue: h.colorDepth) ?? .palette256)
            let themes = (try? ThemeCatalog.standard().select(nil))?.themes ?? [Theme.builtInDefault]
            let playback: SessionPlayback
            do {
                playback = try SessionPlayback(log: log, logPath: input, terminal: terminal, themes: themes)
            } catch {
                printError("spiketty: " + error.description)
                throw ExitCode(2)
            }
            playback.onResize = { w, h in terminal.size = (w, h) }
            if let cast {
                try write(CastExport.cast(playback, terminal: terminal, framesPerSecond: fps), to: cast)
                if let d = playback.divergence { printError("spiketty: warning: " + d.description) }
            }
            if let nestScript {
                // The network as it is at the end of the log (live bias or rate changes included).
                while !playback.finished { playback.playFrame(draw: false) }
                try exportNEST(scenario: playback.app.scenario, experiment: playback.app.experiment, seed: h.seed, to: nestScript)
            }
        }
    }

    private func exportNEST(scenario: Scenario, experiment: any Experiment, seed: UInt64, to path: String) throws {
        do {
            try write(try NESTScriptExport.script(scenario: scenario, experiment: experiment, seed: seed), to: path)
        } catch let error as NESTScriptExport.Unsupported {
            printError("spiketty export: " + error.description)
            throw ExitCode(2)
        }
    }

    private func write(_ text: String, to path: String) throws {
        if path == "-" {
            print(text, terminator: "")
            return
        }
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            printError("spiketty export: " + error.description)
            throw ExitCode(2)
        }
    }
}
