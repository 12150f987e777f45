import Foundation
import Testing
@testable import Scenarios

/// Whole-file writes (issue 12): replace atomically, leave no temporary file behind, and fail
/// with the path and the system's reason while keeping the previous file.
@Suite struct AtomicFileTests {
    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "spiketty-atomic-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func replacesTheFileAndLeavesNoTemporary() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.write("old\n", to: dir + "/w.txt")
        try AtomicFile.write("new\n", to: dir + "/w.txt")
        #expect(try String(contentsOfFile: dir + "/w.txt", encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["w.txt"])
    }

    @Test func missingFolderAndFileAsFolderNameThePath() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "x".write(toFile: dir + "/plain", atomically: false, encoding: .utf8)
        for (path, reason) in [(dir + "/no/such/folder/w.txt", "No such file or directory"), (dir + "/plain/w.txt", "Not a directory")] {
            #expect {
                try AtomicFile.write("text", to: path)
            } throws: { error in
                let d = (error as? AtomicFile.WriteError)?.description ?? ""
                return d.hasPrefix(path + ": ") && d.contains(reason) && d.contains("unchanged")
            }
        }
    }

    /// A full disk: /dev/full fails every write with ENOSPC. It is a device, so it is written in
    /// place (renaming over it would replace the device) and stays a device.
    @Test func fullDiskGivesAClearError() throws {
        #expect {
            try AtomicFile.write(String(repeating: "x", count: 10_000), to: "/dev/full")
        } throws: { error in
            (error as? AtomicFile.WriteError)?.description.contains("No space left on device") == true
        }
        var info = stat()
        #expect(stat("/dev/full", &info) == 0 && (info.st_mode & mode_t(S_IFMT)) == mode_t(S_IFCHR))
    }

    /// When the rename fails (the target is a non-empty folder) the temporary file is removed
    /// and the target is untouched.
    @Test func failedRenameRemovesTheTemporary() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/target/inner", withIntermediateDirectories: true)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("text", to: dir + "/target") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["target"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/target") == ["inner"])
    }
}
