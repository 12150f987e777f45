import App
import ArgumentParser
import Canvas
import Recording
import Scenarios
import SpikeCore
import Terminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `spiketty replay FILE`: re-simulates a session log and verifies its checksums, in the
/// terminal (with playback speed and pause) or headless.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a session log (from run --record) and verify its checksums.")

    @Argument(help: "The session log (.stlog).", completion: Completions.logs)
    var log: String

    @Flag(help: "Replay without a terminal and print the verdict (exit status 1 if it diverges).")
    var headless = false

    @Option(help: "Playback speed: recorded frames per shown frame (space pauses, +/- change it).")
    var speed: Double = 1

    @Flag(help: "Headless: also print the final frame as plain text.")
    var printFrame = false

    func run() throws {
        let parsed = try RecordingSupport.readLog(log)
        CalibrationCache.shared.setStore(CalibrationFiles.standard())
        let h = parsed.header
        let themes = (try? ThemeCatalog.standard().select(nil))?.themes ?? [Theme.builtInDefault]
        if headless {
            let terminal = OffscreenTerminal(width: h.terminalWidth, height: h.terminalHeight,
                                             colorDepth: ColorDepth(rawValue: h.colorDepth) ?? .palette256)
            let playback = try makePlayback(parsed, terminal: terminal, themes: themes)
            playback.onResize = { w, h in terminal.size = (w, h) }
            playback.playToEnd()
            print("\(log): \(h.scenario), seed \(h.seed), \(h.mode) recording, hardware \(h.hardware)")
            print("replayed to t = \(String(format: "%.3f", playback.app.experiment.timeMs / 1000)) s (\(playback.frame) frames)")
            print(playback.verdict)
            if printFrame { print(playback.app.snapshotText(), terminator: "") }
            if playback.divergence != nil { throw ExitCode(1) }
            return
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            printError("spiketty: replaying in the terminal needs a terminal on stdin and stdout; use --headless")
            throw ExitCode(2)
        }
        guard speed > 0, speed.isFinite else {
            printError("spiketty: --speed must be a positive number, got \(speed)")
            throw ExitCode(2)
        }
        printError("spiketty: preparing \(h.scenario)…")
        let scenario = try scenarioOrExit(parsed)
        let experiment = ExperimentBuilder.make(scenario, seed: h.seed)
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(forcedDepth: nil)
        } catch {
            printError("spiketty: cannot start the terminal: \(error)")
            throw ExitCode(2)
        }
        let playback: SessionPlayback
        do {
            playback = try SessionPlayback(log: parsed, logPath: log, terminal: terminal, themes: themes, experiment: experiment)
        } catch {
            terminal.shutdown()
            printError("spiketty: " + error.description)
            throw ExitCode(2)
        }
        let reason = playback.run(clock: MonotonicClock(), terminal: terminal, speed: speed)
        terminal.shutdown()
        print(playback.verdict)
        if case .signal(let signo) = reason { throw ExitCode(128 + signo) }
        if playback.divergence != nil { throw ExitCode(1) }
    }

    private func scenarioOrExit(_ parsed: SessionLog) throws -> Scenario {
        do {
            return try SessionPlayback.scenario(of: parsed, logPath: log)
        } catch {
            printError("spiketty: " + error.description)
            throw ExitCode(2)
        }
    }

    private func makePlayback(_ parsed: SessionLog, terminal: OffscreenTerminal, themes: [Theme]) throws -> SessionPlayback {
        do {
            return try SessionPlayback(log: parsed, logPath: log, terminal: terminal, themes: themes)
        } catch {
            printError("spiketty: " + error.description)
            throw ExitCode(2)
        }
    }
}
