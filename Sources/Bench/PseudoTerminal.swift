import Foundation
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal pair of a given size whose master side is drained by a background thread
/// that counts the bytes the slave side receives (what a real terminal would be sent).
final class PseudoTerminal: @unchecked Sendable {
    let master: Int32
    let slave: Int32
    private let lock = NSLock()
    private var count = 0
    private var lastRead = Date()
    private var closed = false
    private var thread: Thread?

    init(width: Int, height: Int) throws {
        guard let pair = PseudoTerminalPair.open() else {
            throw TerminalFrameBenchmark.Failure.pseudoTerminal(String(cString: strerror(errno)))
        }
        master = pair.master
        slave = pair.slave
        guard TerminalSize.set(fd: slave, width: width, height: height) else {
            Glibc.close(slave)
            Glibc.close(master)
            throw TerminalFrameBenchmark.Failure.pseudoTerminal("cannot set the window size")
        }
        let t = Thread { [self] in drain() }
        thread = t
        t.start()
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            lock.lock()
            if n <= 0 || closed {
                lock.unlock()
                return
            }
            count += n
            lastRead = Date()
            lock.unlock()
        }
    }

    /// Waits until nothing has arrived for 50 ms (the terminal has flushed) and returns the
    /// byte count so far.
    func waitForQuiet() -> Int {
        while true {
            usleep(10_000)
            lock.lock()
            let quiet = Date().timeIntervalSince(lastRead) > 0.05
            let c = count
            lock.unlock()
            if quiet { return c }
        }
    }

    func resetCount() {
        lock.lock()
        count = 0
        lock.unlock()
    }

    func close() {
        lock.lock()
        closed = true
        lock.unlock()
        Glibc.close(slave)
        Glibc.close(master)
    }
}
