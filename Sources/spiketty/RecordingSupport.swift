import App
import ArgumentParser
import Foundation
import Recording
import Scenarios

/// What the command line needs to start a session log: the header facts only it knows.
enum RecordingSupport {
    /// spiketty's version, written into session logs.
    static let appVersion = "0.1.0"

    static var build: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }

    static var nowUTC: String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }

    /// The scenario file's text (as read again for the log; the scenario was validated from it).
    static func scenarioText(_ scenario: Scenario) throws -> String {
        try String(contentsOfFile: scenario.file, encoding: .utf8)
    }

    /// The log file and the scenario text for its header, opened before the screen is taken
    /// (so a problem is printed on the plain terminal), or why not.
    static func openLog(_ path: String, scenario: Scenario) throws -> (file: LogFile, scenarioText: String) {
        let text: String
        do {
            text = try scenarioText(scenario)
        } catch {
            printError("spiketty: \(scenario.file): cannot read the scenario again for the log (\(error.localizedDescription))")
            throw ExitCode(2)
        }
        do {
            return (try LogFile(path: path), text)
        } catch {
            printError("spiketty: --record " + error.description)
            throw ExitCode(2)
        }
    }

    /// Starts recording `app` into an opened log: writes the header.
    static func startRecording(_ log: (file: LogFile, scenarioText: String), app: SpikettyApp, mode: String, spikes: Bool,
                               checksumEvery: Int, figuresEvery: Int) -> SessionRecorder {
        let header = SessionRecorder.header(for: app, scenarioText: log.scenarioText, mode: mode, appVersion: appVersion,
                                            build: build, createdUTC: nowUTC, checksumEvery: checksumEvery,
                                            figuresEvery: figuresEvery, spikes: spikes)
        return SessionRecorder(header: header, sink: log.file)
    }

    /// Reads a session log, or prints the error naming the file and line and exits with 2.
    static func readLog(_ path: String) throws -> SessionLog {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            printError("spiketty: \(path): cannot read the log (\(error.localizedDescription))")
            throw ExitCode(2)
        }
        do {
            return try SessionLogReader.read(text)
        } catch {
            printError("spiketty: \(path): " + error.description)
            throw ExitCode(2)
        }
    }
}
