import Foundation

/// Runs a workload in an established simulator through the scripts in Benchmarks/peers/
/// (`nest_peer.py`, `brian2_peer.py`): writes the workload's `PeerSpec` as JSON to a
/// temporary file, runs `python3 SCRIPT SPEC`, and reads the one JSON line the script prints
/// (`{"simulator": ..., "simulate_s": ..., "spikes": ..., "version": ...}`). A simulator that is
/// not installed is reported as such (the script exits with status 3), not as a failure.
public struct PeerRunner: Sendable {
    public struct Measurement: Codable, Sendable {
        public var simulator: String
        public var version: String
        /// Wall time of the simulate call only, s.
        public var simulate_s: Double
        public var spikes: Int
    }

    public enum Outcome: Sendable {
        case measured(Measurement)
        case unavailable(String)
        case failed(String)
    }

    /// Folder with the peer scripts.
    public var scriptsDirectory: String
    public var python: String

    public init(scriptsDirectory: String, python: String = "python3") {
        self.scriptsDirectory = scriptsDirectory
        self.python = python
    }

    /// The peers this runner knows: display name and script file.
    public static let peers: [(name: String, script: String)] = [("NEST", "nest_peer.py"), ("Brian2", "brian2_peer.py")]

    public func run(script: String, spec: PeerSpec, threads: Int = 1) -> Outcome {
        let path = scriptsDirectory + "/" + script
        guard FileManager.default.isReadableFile(atPath: path) else { return .failed("\(path): no such script") }
        let specURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("spiketty-peer-\(ProcessInfo.processInfo.processIdentifier)-\(spec.name).json")
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(spec).write(to: specURL, options: .atomic)
        } catch {
            return .failed("cannot write \(specURL.path): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: specURL) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, path, specURL.path, "--threads", String(threads)]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return .failed("cannot start \(python): \(error.localizedDescription)") }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderrText = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if process.terminationStatus == 3 { return .unavailable(stderrText) }
        guard process.terminationStatus == 0 else {
            return .failed("\(script) exited with \(process.terminationStatus): \(stderrText.suffix(400))")
        }
        let lastLine = String(decoding: outData, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        guard let m = try? JSONDecoder().decode(Measurement.self, from: Data(lastLine.utf8)) else {
            return .failed("\(script) printed no result line: \(lastLine.prefix(200))")
        }
        return .measured(m)
    }
}
