import App
import Canvas
import Foundation
import Recording
import Testing

/// `spiketty export --cast`: a recorded session as an asciicast v2 file.
@Suite struct AsciicastExportTests {
    static func castOfShortSession() throws -> (cast: String, lastFrame: CellBuffer) {
        let live = try recordLiveSession("high-conductance-state", script: keys([(20, .character("t")), (25, .character("q"))]),
                                         width: 80, height: 24)
        let log = try SessionLogReader.read(live.log)
        let terminal = OffscreenTerminal(width: 80, height: 24, colorDepth: .palette256)
        let playback = try SessionPlayback(log: log, logPath: "memory", terminal: terminal, themes: [Theme.builtInDefault])
        return (CastExport.cast(playback, terminal: terminal, framesPerSecond: 10), live.lastFrame)
    }

    @Test func everyLineIsValidAsciicastV2() throws {
        let (cast, _) = try Self.castOfShortSession()
        let lines = cast.split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 80 && header["height"] as? Int == 24)
        var last = 0.0
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            let t = try #require(event[0] as? Double)
            #expect(t >= last)
            last = t
            #expect(["o", "r", "m"].contains(event[1] as? String))
        }
        // ~45 frames at 30 fps, one event every 3rd frame, plus cursor hide/show.
        #expect(lines.count > 10 && lines.count < 30)
        #expect(last > 1.2 && last < 2)
    }

    @Test(.enabled(if: ExternalTools.asciinema != nil,
                   "asciinema is not installed (pip install asciinema; or set SPIKETTY_ASCIINEMA): playback check skipped"))
    func asciinemaPlaysIt() throws {
        let (cast, lastFrame) = try Self.castOfShortSession()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spiketty-\(getpid()).cast").path
        try cast.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let tool = try #require(ExternalTools.asciinema)
        let result = try ExternalTools.run(tool, ["cat", path], timeout: 60)
        #expect(result.status == 0)
        #expect(result.output.contains("The high-conductance state"))
        // The status bar of the last frame (simulated time and seed) made it through.
        let status = lastFrame.lines[0].split(separator: " ").suffix(2).joined(separator: " ")
        #expect(result.output.contains(status))
    }
}
