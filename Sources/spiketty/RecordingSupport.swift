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

    /// Opens the log file and writes the header for `app`, or says why not.
    static func startRecording(_ path: String, app: SpikettyApp, mode: String, spikes: Bool,
                               checksumEvery: Int, figuresEvery: Int) throws -> SessionRecorder {
        let text: String
        do {
            text = try scenarioText(app.scenario)
        } catch {
            printError("spiketty: \(app.scenario.file): cannot read the scenario again for the log (\(error.localizedDescription))")
            throw ExitCode(2)
        }
        let file: LogFile
        do {
            file = try LogFile(path: path)
        } catch {
            printError("spiketty: --record " + error.description)
            throw ExitCode(2)
        }
        let header = SessionRecorder.header(for: app, scenarioText: text, mode: mode, appVersion: appVersion, build: build,
                                            createdUTC: nowUTC, checksumEvery: checksumEvery, figuresEvery: figuresEvery,
                                            spikes: spikes)
        return SessionRecorder(header: header, sink: file)
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
