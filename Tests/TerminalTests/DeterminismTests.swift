// Determinism (issue 12): every shipped scenario, run headless with the same seed in two
// separate processes, gives the same session-log checksums bit for bit, and the same final
// checksum as the checked-in table determinism-checksums.txt. The table is written by the
// release build (Scripts/determinism-checksums.sh release --write) and checked against the
// debug build by Scripts/determinism-checksums.sh, so debug == release without CI building
// twice.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct DeterminismTests {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// (scenario, duration in ms, final checksum) from the table.
    static func table() throws -> [(name: String, durationMs: String, checksum: String)] {
        let text = try String(contentsOf: checkout.appendingPathComponent("Tests/TerminalTests/determinism-checksums.txt"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map {
            let f = $0.split(separator: " ").map(String.init)
            return (f[0], f[1], f.count > 2 ? f[2] : "")
        }
    }

    @Test func tableListsEveryShippedScenario() throws {
        let shipped = try FileManager.default.contentsOfDirectory(atPath: Self.checkout.appendingPathComponent("scenarios").path)
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
        #expect(try Self.table().map(\.name).sorted() == shipped)
    }

    @Test(.timeLimit(.minutes(3))) func twoProcessesAgreeWithTheTable() throws {
        let bin = TmuxHarness.spikettyBinary()
        try #require(FileManager.default.isExecutableFile(atPath: bin), "spiketty binary not found at \(bin)")
        let dir = NSTemporaryDirectory() + "spiketty-determinism-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // One fresh cache folder shared by both processes (each measures or reads calibrations).
        let env = ["XDG_CACHE_HOME": dir + "/cache"]
        for row in try Self.table() {
            // The two processes run at the same time (2 cores: about the wall time of one).
            nonisolated(unsafe) let results = UnsafeMutableBufferPointer<ChildProcess.Result>.allocate(capacity: 2)
            defer { results.deallocate() }
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                (results.baseAddress! + k).initialize(to: ChildProcess.run(
                    bin, ["run", row.name, "--headless", "--duration", row.durationMs + "ms",
                          "--record", "\(dir)/\(row.name)-\(k).stlog", "--format", "json"], environment: env, in: dir))
            }
            var outputs: [(log: [String], figures: String)] = []
            for k in 0..<2 {
                let r = results[k]
                try #require(r.status == 0, "\(row.name) process \(k): status \(r.status): \(r.stderr)")
                let lines = (TmuxHarness.fileText("\(dir)/\(row.name)-\(k).stlog") ?? "").split(separator: "\n").map(String.init)
                    .filter { $0.contains("\tchecksum\t") || $0.contains("\tend\t") || $0.contains("\tfigures\t") }
                outputs.append((lines, r.stdout))
            }
            #expect(outputs[0].log == outputs[1].log, "\(row.name): the two processes' logs differ")
            #expect(outputs[0].figures == outputs[1].figures, "\(row.name): the two processes' figures differ")
            let end = outputs[0].log.last { $0.contains("\tend\t") }?.split(separator: "\t").map(String.init)
            #expect(end?.last == row.checksum, "\(row.name): final checksum \(end?.last ?? "none"), table has \(row.checksum)")
        }
    }
}
