#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole files safely (issue 12): the text goes to a temporary file in the same
/// folder, is flushed to disk (fsync), and is renamed over the target, so a crash, a full
/// disk or an unwritable folder never leaves half a file and keeps the previous version
/// intact. Targets that are not regular files (`/dev/stdout`, a FIFO, `/dev/full`) are
/// written in place: renaming over a device would replace it.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        /// What failed and the system's reason: "cannot write (No space left on device)".
        public var reason: String
        public var description: String { "\(path): \(reason); the previous file (if any) is unchanged" }
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & mode_t(S_IFMT)) != mode_t(S_IFREG) {
            let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard fd >= 0 else { throw WriteError(path: path, reason: "cannot open for writing (\(systemError()))") }
            defer { close(fd) }
            if let failure = writeAll(fd, text) { throw WriteError(path: path, reason: "cannot write (\(failure))") }
            return
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw WriteError(path: path, reason: "cannot create a file in \(folder.isEmpty ? "/" : folder) (\(systemError()))")
        }
        var failure = writeAll(fd, text).map { "cannot write (\($0))" }
        if failure == nil, fsync(fd) != 0 { failure = "cannot flush to disk (\(systemError()))" }
        if close(fd) != 0, failure == nil { failure = "cannot close (\(systemError()))" }
        if failure == nil, rename(temporary, path) != 0 { failure = "cannot rename into place (\(systemError()))" }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
    }

    /// Writes every byte of `text`; nil on success, else the system's reason.
    static func writeAll(_ fd: Int32, _ text: String) -> String? {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { posixWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return systemError()
            }
            if n == 0 { return "no progress writing" }
            offset += n
        }
        return nil
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}

/// write(2), named so nothing called `write` shadows it.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
