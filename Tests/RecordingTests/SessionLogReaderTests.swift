import Testing
@testable import Recording

/// Reading logs back: everything written reads back equal; cut-off, corrupted and newer logs
/// give the errors the issue asks for (naming the line).
@Suite struct SessionLogReaderTests {
    static let header = SessionHeader(
        appVersion: "0.1.0", build: "release", createdUTC: "2026-11-29T00:00:00Z", mode: "live", scenario: "demo",
        scenarioFile: "scenarios/demo.toml", scenarioText: "title = \"demo\"\nkind = \"lif-sampling\"\n", seed: 7,
        terminalWidth: 120, terminalHeight: 40, colorDepth: 256, theme: "default", stepMs: 0.01, speed: 1,
        framePeriodMs: 1000.0 / 30, checksumEveryFrames: 30, figuresEveryFrames: 30, spikes: true, neurons: 5,
        onWindowMs: 10)

    static let events: [SessionEvent] = [
        .init(frame: 0, step: 3333, timeMs: 33.33, kind: .spike(neuron: 3, timeMs: 12.34)),
        .init(frame: 3, step: 10000, timeMs: 100, kind: .key(name: "right", action: "increaseParameter")),
        .init(frame: 3, step: 10000, timeMs: 100, kind: .param(key: "bias", value: 0.1 + 0.2)),
        .init(frame: 4, step: 13333, timeMs: 133.33, kind: .speed(1.5)),
        .init(frame: 4, step: 13333, timeMs: 133.33, kind: .pause),
        .init(frame: 5, step: 13333, timeMs: 133.33, kind: .stepFrame),
        .init(frame: 6, step: 16666, timeMs: 166.66, kind: .resume),
        .init(frame: 6, step: 16666, timeMs: 166.66, kind: .resize(width: 90, height: 30)),
        .init(frame: 7, step: 0, timeMs: 0, kind: .restart),
        .init(frame: 29, step: 96666, timeMs: 966.66, kind: .figures([.init(name: "dkl_target_sampled", value: 0.0123)])),
        .init(frame: 29, step: 96666, timeMs: 966.66, kind: .checksum(0x0123_4567_89ab_cdef)),
        .init(frame: 30, step: 96666, timeMs: 966.66, kind: .fps(29.97)),
        .init(frame: 30, step: 96666, timeMs: 966.66, kind: .snapshot(path: "/tmp/a b.txt")),
        .init(frame: 31, step: 100000, timeMs: 1000, kind: .end(reason: "quit", checksum: 42)),
    ]

    static var text: String { header.text + events.map(\.line).joined() }

    @Test func everythingWrittenReadsBack() throws {
        let log = try SessionLogReader.read(Self.text)
        #expect(log.header == Self.header)
        #expect(log.header.scenarioText == Self.header.scenarioText)
        #expect(log.events == Self.events)
        #expect(log.endReason == "quit")
        #expect(log.truncatedLine == nil)
        #expect(log.frameCount == 31)
        #expect(log.checksums.map(\.value) == [0x0123_4567_89ab_cdef])
    }

    @Test func anUnfinishedLastLineIsIgnoredAndReported() throws {
        let full = Self.text
        let cut = String(full.dropLast(7))   // inside the end line
        let log = try SessionLogReader.read(cut)
        let lines = full.split(separator: "\n").count
        #expect(log.truncatedLine == lines)
        #expect(log.completeLines == lines - 1)
        #expect(log.endReason == nil)
        #expect(log.events.count == Self.events.count - 1)
    }

    @Test func aLogCutInsideItsHeaderSaysSo() {
        let cut = String(Self.header.text.prefix(200))
        #expect {
            try SessionLogReader.read(cut)
        } throws: { ($0 as? SessionLogError)?.message.contains("ends inside its header") == true }
    }

    @Test func aCorruptedLineIsNamed() throws {
        var lines = Self.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let headerLines = Self.header.text.split(separator: "\n").count
        lines[headerLines + 2] = "3\t10000\t100.000\tparam\tbias\tzero point three"
        do {
            _ = try SessionLogReader.read(lines.joined(separator: "\n"))
            Issue.record("a corrupted line was accepted")
        } catch {
            #expect(error.line == headerLines + 3)
            #expect(error.description.hasPrefix("line \(headerLines + 3): expected 'param' with a parameter key and its value"))
        }
        lines[headerLines + 2] = "3\t10000\t100.000\tteleport"
        #expect(throws: SessionLogError.self) { try SessionLogReader.read(lines.joined(separator: "\n")) }
    }

    @Test func framesThatGoBackAreCorruption() {
        let text = Self.header.text + SessionEvent(frame: 5, step: 0, timeMs: 0, kind: .pause).line
            + SessionEvent(frame: 4, step: 0, timeMs: 0, kind: .resume).line
        #expect { try SessionLogReader.read(text) } throws: { ($0 as? SessionLogError)?.message.contains("frames never go back") == true }
    }

    @Test func aTamperedScenarioFailsItsHash() {
        let text = Self.text.replacingOccurrences(of: "#| title = \"demo\"", with: "#| title = \"demo2\"")
        #expect { try SessionLogReader.read(text) } throws: { ($0 as? SessionLogError)?.message.contains("does not match its hash") == true }
    }

    @Test func aNewerFormatIsRefusedWithItsVersion() {
        let text = Self.text.replacingOccurrences(of: "# format = stlog 1", with: "# format = stlog 7")
        do {
            _ = try SessionLogReader.read(text)
            Issue.record("a newer log was accepted")
        } catch {
            #expect(error.newerVersion == 7)
            #expect(error.line == 2)
            #expect(error.description.contains("format version 7"))
        }
    }

    @Test func notALogAtAll() {
        #expect(throws: SessionLogError.self) { try SessionLogReader.read("") }
        #expect { try SessionLogReader.read("hello\n") } throws: { ($0 as? SessionLogError)?.line == 1 }
    }
}
