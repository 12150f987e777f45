#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A session log file: created (truncated) on open, then appended with one write(2) per
/// flush and no user-space buffering, so what was flushed survives even SIGKILL.
public final class LogFile: LogSink {
    public let path: String
    private let fd: Int32

    public struct OpenError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(path: String) throws(OpenError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw OpenError(description: "\(path): cannot open for writing (\(String(cString: strerror(errno))))")
        }
    }

    deinit { close(fd) }

    /// The first write error ("log.stlog: recording stopped: No space left on device"), after
    /// which nothing more is written; the session goes on and the caller reports it at the end.
    public private(set) var failure: String?

    public func write(_ text: String) {
        guard failure == nil else { return }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { posixWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                // Disk full or closed: recording stops (the log ends at the last whole line it
                // had, which readers accept) rather than killing the session.
                failure = "\(path): recording stopped: cannot write (\(String(cString: strerror(errno))))"
                return
            }
            offset += n
        }
    }
}

/// A log kept in memory (tests, exports).
public final class MemoryLog: LogSink {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) { self.text += text }
}

/// write(2), named so the method `LogFile.write` does not shadow it.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
