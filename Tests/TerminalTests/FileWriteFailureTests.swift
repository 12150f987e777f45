// Files the command line writes (issue 12): a full disk, a file-size limit or an unwritable
// path gives a clear error naming the file and the reason, and the previous file stays intact.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct FileWriteFailureTests {
    @Test(.timeLimit(.minutes(2))) func exportAndRecordFailuresAreClearAndKeepThePreviousFile() throws {
        let bin = TmuxHarness.spikettyBinary()
        try #require(FileManager.default.isExecutableFile(atPath: bin), "spiketty binary not found at \(bin)")
        let dir = NSTemporaryDirectory() + "spiketty-writes-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let env = ["XDG_CACHE_HOME": dir + "/cache"]

        let log = dir + "/run.stlog"
        let recorded = ChildProcess.run(bin, ["run", "high-conductance-state", "--headless", "--duration", "300ms",
                                              "--record", log, "--spikes"], environment: env, in: dir)
        try #require(recorded.status == 0, "recording failed: \(recorded.stderr)")

        // A file-size limit (as a nearly full disk would): the export fails with EFBIG, the
        // previous CSV is untouched and no temporary file is left next to it.
        let csv = dir + "/out/spikes.csv"
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        try "previous\n".write(toFile: csv, atomically: false, encoding: .utf8)
        let limited = ChildProcess.run("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 1; exec \"$0\" export \"$1\" --spikes-csv \"$2\"", bin, log, csv],
                                       environment: env, in: dir)
        #expect(limited.status == 2, "status \(limited.status): \(limited.stderr)")
        #expect(limited.stderr.contains(csv) && limited.stderr.contains("File too large") && limited.stderr.contains("unchanged"),
                "message: \(limited.stderr)")
        #expect(TmuxHarness.fileText(csv) == "previous\n", "the previous file changed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out") == ["spikes.csv"], "a temporary file was left")

        // Without the limit the same export replaces it.
        let ok = ChildProcess.run(bin, ["export", log, "--spikes-csv", csv], environment: env, in: dir)
        #expect(ok.status == 0 && (TmuxHarness.fileText(csv)?.count ?? 0) > 512, "export failed: \(ok.stderr)")

        // An unwritable path (a folder that cannot exist, even for root).
        let bad = "/proc/self/no-such-folder/spikes.csv"
        let unwritable = ChildProcess.run(bin, ["export", log, "--spikes-csv", bad], environment: env, in: dir)
        #expect(unwritable.status == 2 && unwritable.stderr.contains(bad), "status \(unwritable.status): \(unwritable.stderr)")

        // A full disk under a session log: /dev/full refuses every write with ENOSPC.
        let full = ChildProcess.run(bin, ["run", "high-conductance-state", "--headless", "--duration", "100ms", "--record", "/dev/full"],
                                    environment: env, in: dir)
        #expect(full.status == 1, "status \(full.status): \(full.stderr)")
        #expect(full.stderr.contains("/dev/full") && full.stderr.contains("No space left on device"), "message: \(full.stderr)")
    }
}
