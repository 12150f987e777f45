// Signal and crash handling for the ncurses session.
//
// Everything a signal handler touches lives here as process globals: handlers are
// `@convention(c)` closures that cannot capture, so they can only reach globals.
// Swift 6 accepts `Atomic` globals (Sendable, lock-free, async-signal-safe to store);
// the saved `sigaction`s and the copy buffer are raw memory behind one deliberate
// `nonisolated(unsafe)` opt-out each (shared/terminal.md 1.4).
//
// Trap 4 (terminal.md 0.2): on a crash, Swift 6.3's runtime backtracer takes over the
// terminal while it is still in curses mode. Our crash handlers restore the terminal
// first and then chain to the previous handler (the backtracer), which then prints
// onto a sane terminal.
import CNcursesw
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The termination signal received (SIGINT, SIGTERM, SIGHUP), 0 when none. Set by the
/// handler, read by `pollEvents`.
let pendingSignal = Atomic<Int32>(0)
/// True between a successful start and `shutdown()`: the crash path restores only then.
let cursesActive = Atomic<Bool>(false)
/// True while an `NcursesTerminal` session exists (one at a time per process).
let sessionExists = Atomic<Bool>(false)
/// The real stderr (dup'ed) while stderr is redirected to a temp file, else -1.
let savedStderrFD = Atomic<Int32>(-1)
/// The temp file that receives stderr while curses is active, else -1.
let stderrTempFD = Atomic<Int32>(-1)

/// Set by SIGCONT (the app was resumed after Ctrl-Z; ncurses has repainted what it
/// believes is on screen): the frame writer repaints everything on the next frame.
let continuedSignal = Atomic<Bool>(false)
/// Where the frame writer writes (the terminal's output fd), else -1; and the bytes that put
/// the terminal back where ncurses believes it is (sgr0, cursor home) before `endwin`.
let writerResetFD = Atomic<Int32>(-1)
let writerResetLength = Atomic<Int>(0)
nonisolated(unsafe) let writerResetBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)

/// Previous dispositions, indexed by signal number, so we can chain and restore.
nonisolated(unsafe) let previousActions: UnsafeMutablePointer<sigaction> = {
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    p.initialize(repeating: sigaction(), count: 65)
    return p
}()
/// Scratch buffer for copying captured stderr from inside a signal handler (no malloc there).
nonisolated(unsafe) let crashCopyBuffer = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 16)

let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
let crashSignals: [Int32] = [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE]

/// Forces the lazily initialised globals into existence before any handler can run,
/// so a handler never triggers `swift_once` (not async-signal-safe).
func touchSignalGlobals() {
    _ = pendingSignal.load(ordering: .relaxed)
    _ = cursesActive.load(ordering: .relaxed)
    _ = savedStderrFD.load(ordering: .relaxed)
    _ = stderrTempFD.load(ordering: .relaxed)
    _ = previousActions
    _ = crashCopyBuffer
    _ = continuedSignal.load(ordering: .relaxed)
    _ = writerResetFD.load(ordering: .relaxed)
    _ = writerResetLength.load(ordering: .relaxed)
    _ = writerResetBytes
}

/// Writes the frame writer's reset bytes (async-signal-safe: write(2) only), so that
/// `endwin` starts from the rendition and cursor position ncurses believes in.
func writeWriterReset() {
    let fd = writerResetFD.load(ordering: .sequentiallyConsistent)
    let n = writerResetLength.load(ordering: .sequentiallyConsistent)
    guard fd >= 0, n > 0 else { return }
    var written = 0
    while written < n {
        let w = write(fd, writerResetBytes + written, n - written)
        if w > 0 { written += w } else if w < 0 && errno == EINTR { continue } else { break }
    }
}

/// Leaves curses mode and puts stderr back, from anywhere (also a signal handler).
/// `endwin()` is not async-signal-safe, but this is what htop does too and it beats
/// leaving the tty in curses mode. Runs at most once per session.
func emergencyRestore() {
    guard cursesActive.exchange(false, ordering: .sequentiallyConsistent) else { return }
    writeWriterReset()
    endwin()
    restoreStderrRaw()
}

/// dup2 the real stderr back and copy what was captured to it (read/write/dup2/close only).
func restoreStderrRaw() {
    let saved = savedStderrFD.exchange(-1, ordering: .sequentiallyConsistent)
    let temp = stderrTempFD.exchange(-1, ordering: .sequentiallyConsistent)
    guard saved >= 0 else { return }
    _ = dup2(saved, STDERR_FILENO)
    _ = close(saved)
    guard temp >= 0 else { return }
    var offset: off_t = 0
    while true {
        let n = pread(temp, crashCopyBuffer, 4096, offset)
        if n <= 0 { break }
        var written = 0
        while written < n {
            let w = write(STDERR_FILENO, crashCopyBuffer + written, n - written)
            if w <= 0 { break }
            written += w
        }
        offset += off_t(n)
    }
    _ = close(temp)
}

/// SIGINT/SIGTERM/SIGHUP: record the signal; the frame loop sees it through `pollEvents`.
/// A second termination signal while the first is still pending means the app is not
/// responding: restore the terminal and exit at once with 128+signo.
/// Installed BEFORE newterm/initscr: ncurses installs its own SIGINT/SIGTERM cleanup
/// handlers only when the disposition is still SIG_DFL, and we want ours.
func installTerminationHandlers() {
    for sig in terminationSignals {
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = { signo in
            let previous = pendingSignal.exchange(signo, ordering: .sequentiallyConsistent)
            if previous != 0 {
                emergencyRestore()
                _exit(128 + signo)
            }
        }
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = 0   // no SA_RESTART: a blocking poll(2) returns EINTR at once
        sigaction(sig, &sa, previousActions + Int(sig))
    }
    // SIGCONT: only a flag (ncurses' own SIGTSTP handler stops and resumes the session).
    var cont = sigaction()
    cont.__sigaction_handler.sa_handler = { _ in continuedSignal.store(true, ordering: .sequentiallyConsistent) }
    sigemptyset(&cont.sa_mask)
    cont.sa_flags = 0
    sigaction(SIGCONT, &cont, previousActions + Int(SIGCONT))
    // A parent may have spawned us with these blocked (threads of test runners block
    // SIGTERM/SIGCHLD/...; the mask is inherited across exec): make sure they arrive.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for sig in terminationSignals + [SIGWINCH] { sigaddset(&unblock, sig) }
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
}

/// Crash signals (Swift traps raise SIGILL on x86_64, SIGTRAP on arm64; also SIGSEGV,
/// SIGABRT, ...): restore the terminal, reinstate the previous handler (on Linux the
/// Swift runtime backtracer), then let the signal happen again. A hardware fault simply
/// re-executes the faulting instruction on return, so the backtracer sees the real
/// context; signals sent by raise/kill/abort (si_code <= 0) are raised again.
func installCrashHandlers() {
    for sig in crashSignals {
        var sa = sigaction()
        sa.__sigaction_handler.sa_sigaction = { signo, info, _ in
            emergencyRestore()
            sigaction(signo, previousActions + Int(signo), nil)
            let code = info?.pointee.si_code ?? 0
            if code <= 0 || signo == SIGTRAP || signo == SIGABRT {
                raise(signo)   // SA_NODEFER: delivered to the previous handler right now
                // The previous handler (Swift's backtracer) returns after printing, expecting a
                // fault to recur; a signal that was sent, not faulted, would then be survived
                // and the app would carry on. A crash signal must end the process: default
                // disposition, raise once more.
                var fallback = sigaction()
                fallback.__sigaction_handler.sa_handler = SIG_DFL
                sigemptyset(&fallback.sa_mask)
                sigaction(signo, &fallback, nil)
                raise(signo)
            }
        }
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = Int32(SA_SIGINFO) | Int32(SA_NODEFER)
        sigaction(sig, &sa, previousActions + Int(sig))
    }
}

/// Puts back every disposition we replaced (at shutdown, or when start fails).
func restoreSignalHandlers() {
    for sig in terminationSignals + crashSignals + [SIGCONT] {
        sigaction(sig, previousActions + Int(sig), nil)
    }
}
