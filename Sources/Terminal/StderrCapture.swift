// htop's trick (CRT.c redirectStderr/dumpStderr): while curses owns the screen, any stray
// write to stderr would corrupt it. Send stderr to an unlinked temp file instead and copy
// its contents to the real stderr after endwin().
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

enum StderrCapture {
    /// Redirects fd 2 to an anonymous temp file. Returns false (and changes nothing) on failure.
    @discardableResult
    static func begin() -> Bool {
        guard savedStderrFD.load(ordering: .sequentiallyConsistent) < 0 else { return true }
        let dir = ProcessEnvironment.value("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(dir)/spiketty-stderr-XXXXXX".utf8CString)
        let temp = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard temp >= 0 else { return false }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let saved = dup(STDERR_FILENO)
        guard saved >= 0, dup2(temp, STDERR_FILENO) >= 0 else {
            if saved >= 0 { close(saved) }
            close(temp)
            return false
        }
        stderrTempFD.store(temp, ordering: .sequentiallyConsistent)
        savedStderrFD.store(saved, ordering: .sequentiallyConsistent)
        return true
    }

    /// Puts the real stderr back and prints what was captured meanwhile. Idempotent.
    static func end() {
        restoreStderrRaw()
    }
}

/// getenv without touching Foundation.
enum ProcessEnvironment {
    static func value(_ name: String) -> String? {
        guard let p = getenv(name) else { return nil }
        return String(cString: p)
    }
}
