import App
import Canvas
import Foundation
import Recording
import Testing

/// kill -9 during recording, 20 times at different moments: every log reads (an unfinished last
/// line is ignored and reported) and replays without divergence up to its last complete line.
@Suite struct KillDuringRecordingTests {
    @Test(.enabled(if: ExternalTools.spiketty != nil, "the spiketty binary of this configuration is not built"))
    func everyKilledLogReplaysToItsLastCompleteLine() throws {
        let binary = try #require(ExternalTools.spiketty)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spiketty-kill-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Kill moments spread over 0.15…1.1 s of wall time (a fixed sequence; where in the
        // writing each kill lands is up to the scheduler, which is the point).
        let moments = (0..<20).map { 0.15 + 0.95 * Double(($0 * 7) % 20) / 19 }
        var cutLines = 0, frames = 0
        for (i, moment) in moments.enumerated() {
            let path = directory.appendingPathComponent("run\(i).stlog").path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["run", repositoryRoot.appendingPathComponent("scenarios/high-conductance-state.toml").path,
                                 "--headless", "--duration", "1h", "--record", path, "--spikes"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: moment)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            guard FileManager.default.fileExists(atPath: path) else { continue }   // killed before it opened the log
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let log: SessionLog
            do {
                log = try SessionLogReader.read(text)
            } catch {
                // Only a log killed before its header was complete may fail, and it must say so.
                #expect(error.message.contains("header") || error.message.contains("first line"), "kill \(i) at \(moment) s: \(error)")
                continue
            }
            #expect(log.endReason == nil)
            if log.truncatedLine != nil { cutLines += 1 }
            let terminal = OffscreenTerminal(width: 100, height: 30, colorDepth: .palette256)
            let playback = try SessionPlayback(log: log, logPath: path, terminal: terminal, themes: [Theme.builtInDefault])
            playback.playToEnd()
            #expect(playback.divergence == nil, "kill \(i): \(playback.divergence?.description ?? "")")
            #expect(playback.verifiedChecksums == log.checksums.count)
            // The replay reached the last spike logged before the kill.
            if let last = log.spikes.last { #expect(playback.app.experiment.timeMs >= last.timeMs) }
            frames += playback.frame
        }
        #expect(frames > 0, "no kill landed after the first frame")
        print("kill -9 test: \(moments.count) kills, \(cutLines) logs ended in an unfinished line, \(frames) frames replayed")
    }
}
