import Foundation
import Synchronization

/// Notes the fuzz case being run; a thread stops the run when one case takes longer than the
/// time limit (a hang), and a crash handler prints the case number before the runtime's
/// backtrace, so every failure can be reproduced with --start N --cases 1.
enum Watchdog {
    static let currentCase = Atomic<Int>(-1)
    static let caseStartNs = Atomic<UInt64>(0)
    nonisolated(unsafe) static let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

    static func monotonicNs() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Called before each case (n = -1: no case running).
    static func willRun(_ n: Int) {
        caseStartNs.store(monotonicNs(), ordering: .releasing)
        currentCase.store(n, ordering: .releasing)
    }

    static func start(limitSeconds: Double, seed: UInt64) {
        let limitNs = UInt64(limitSeconds * 1e9)
        let thread = Thread {
            while true {
                usleep(50_000)
                let n = currentCase.load(ordering: .acquiring)
                let started = caseStartNs.load(ordering: .acquiring)
                if n >= 0, started > 0, monotonicNs() &- started > limitNs {
                    FileHandle.standardError.write(Data("spiketty-fuzz: hang: case \(n) ran longer than \(limitSeconds) s (seed \(seed))\n".utf8))
                    exit(3)
                }
            }
        }
        thread.start()
    }

    /// Crash path: write the case number (digits formatted on the stack), then hand the
    /// signal to the previous handler (Swift's backtracer).
    static func installCrashReport() {
        for sig in [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signo in
                var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
                withUnsafeMutableBytes(of: &digits) { buffer in
                    var n = max(0, Watchdog.currentCase.load(ordering: .relaxed))
                    var i = buffer.count - 1
                    buffer[i] = 0x0A
                    repeat { i -= 1; buffer[i] = UInt8(0x30 + n % 10); n /= 10 } while n > 0 && i > 0
                    _ = write(2, "spiketty-fuzz: crash in case ", 29)
                    _ = write(2, buffer.baseAddress! + i, buffer.count - i)
                }
                sigaction(signo, Watchdog.previousActions + Int(signo), nil)
                raise(signo)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_NODEFER)
            sigaction(sig, &action, previousActions + Int(sig))
        }
    }
}
