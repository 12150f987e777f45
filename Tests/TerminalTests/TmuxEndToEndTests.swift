// End-to-end test of the real ncurses front end: runs the `spiketty` binary (default
// scenario, no arguments) in a real pseudo-terminal under a private tmux server and reads
// the screen back with capture-pane (shared/terminal.md 1.5; Scripts/tmux-smoke.sh runs
// the same checks by hand).
//
// The binary is the one built next to this test bundle, so
// `swift test -c release -Xswiftc -enable-testing` checks the release build.
// Set SPIKETTY_BIN to test another binary. Missing tmux or binary is a failure, not a skip.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct TmuxEndToEndTests {
    @Test(.timeLimit(.minutes(3))) func realTerminalUnderTmux() throws {
        guard let (tmux, bin) = TmuxHarness.tools() else { return }
        let h = try TmuxHarness(tmux: tmux)
        defer { h.tearDown() }
        let dir = h.dir

        // Run 1: UI, colours, help overlay, resize, q.
        h.type("stty -g > \(dir)/before; sh -c 'echo $$ > \(dir)/pid1; exec \"$0\"' \(TmuxHarness.shellQuote(bin)); echo EXIT=$?; stty -g > \(dir)/after")
        #expect(h.waitUntil(10) { TmuxHarness.hasBraille(h.plain()) },
                "braille spike raster (U+2801-28FF) did not appear within 10 s:\n\(h.plain())")
        let colour = h.capture(escapes: true)
        #expect(colour.contains(try Regex("\u{1B}\\[(?:[0-9]+;)*[34]8;5;[0-9]+")),
                "no 256-colour SGR (ESC[38;5;N / ESC[48;5;N) in capture-pane -e")

        h.keys("?")
        #expect(h.waitUntil(10) { h.plain().contains("press any key to close") },
                "help overlay (\"press any key to close\") did not open on ?:\n\(h.plain())")
        #expect(TmuxHarness.overlayTitleSaysHelp(h.plain()),
                "no box top line with \"help\" above \"press any key to close\":\n\(h.plain())")
        h.keys("Space")
        #expect(h.waitUntil(10) { !h.plain().contains("press any key to close") },
                "help overlay did not close on a key:\n\(h.plain())")

        h.tmux("resize-window", "-t", "t", "-x", "30", "-y", "8")
        #expect(h.waitUntil(10) { h.plain().lowercased().contains("too small") },
                "no \"too small\" message at 30x8:\n\(h.plain())")
        h.tmux("resize-window", "-t", "t", "-x", "100", "-y", "30")
        #expect(h.waitUntil(10) { let s = h.plain(); return TmuxHarness.hasBraille(s) && !s.lowercased().contains("too small") },
                "did not redraw after growing back to 100x30:\n\(h.plain())")

        h.keys("q")
        let status1 = h.waitForExitStatus(10)
        #expect(status1 == 0, "exit status after q is \(status1.map(String.init) ?? "missing"):\n\(h.plain())")
        #expect(h.waitUntil(10) { TmuxHarness.fileText("\(dir)/after")?.isEmpty == false }, "stty -g after the run was not written")
        #expect(!TmuxHarness.hasBraille(h.plain()), "braille still on screen after q: alternate screen not left:\n\(h.plain())")
        let before = TmuxHarness.fileText("\(dir)/before"), after = TmuxHarness.fileText("\(dir)/after")
        #expect(before != nil && before == after, "tty modes differ: stty -g before \(before ?? "-") after \(after ?? "-")")

        // Run 2: SIGTERM by pid → 143 and a restored screen.
        h.type("clear; sh -c 'echo $$ > \(dir)/pid2; exec \"$0\"' \(TmuxHarness.shellQuote(bin)); echo EXIT=$?")
        let started = h.waitUntil(10) { TmuxHarness.hasBraille(h.plain()) && TmuxHarness.fileText("\(dir)/pid2")?.isEmpty == false }
        try #require(started, "second run did not start:\n\(h.plain())")
        let pid = try #require(TmuxHarness.fileText("\(dir)/pid2").flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        #expect(kill(pid, SIGTERM) == 0, "kill -TERM \(pid) failed")
        let status2 = h.waitForExitStatus(10)
        #expect(status2 == 143, "exit status after SIGTERM is \(status2.map(String.init) ?? "missing"):\n\(h.plain())")
        #expect(!TmuxHarness.hasBraille(h.plain()), "braille still on screen after SIGTERM:\n\(h.plain())")

        // Run 3: Ctrl-C in the pane → SIGINT → 130 and a restored screen.
        h.type("clear; \(TmuxHarness.shellQuote(bin)); echo EXIT=$?")
        try #require(h.waitUntil(10) { TmuxHarness.hasBraille(h.plain()) }, "third run did not start:\n\(h.plain())")
        h.keys("C-c")
        let status3 = h.waitForExitStatus(10)
        #expect(status3 == 130, "exit status after Ctrl-C is \(status3.map(String.init) ?? "missing"):\n\(h.plain())")
        #expect(!TmuxHarness.hasBraille(h.plain()), "braille still on screen after Ctrl-C:\n\(h.plain())")

        // Run 4: a crash (SIGSEGV, as a fault would raise) → the crash handler restores the
        // terminal before Swift's backtracer runs; the process still dies of the signal (139).
        h.type("clear; stty -g > \(dir)/before4; sh -c 'echo $$ > \(dir)/pid4; exec \"$0\"' \(TmuxHarness.shellQuote(bin)); echo EXIT=$?; stty -g > \(dir)/after4")
        let started4 = h.waitUntil(10) { TmuxHarness.hasBraille(h.plain()) && TmuxHarness.fileText("\(dir)/pid4")?.isEmpty == false }
        try #require(started4, "fourth run did not start:\n\(h.plain())")
        let pid4 = try #require(TmuxHarness.fileText("\(dir)/pid4").flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        #expect(kill(pid4, SIGSEGV) == 0, "kill -SEGV \(pid4) failed")
        let status4 = h.waitForExitStatus(30)
        #expect(status4 == 139, "exit status after SIGSEGV is \(status4.map(String.init) ?? "missing"):\n\(h.plain())")
        #expect(h.waitUntil(10) { TmuxHarness.fileText("\(dir)/after4")?.isEmpty == false }, "stty -g after the crash was not written")
        #expect(!TmuxHarness.hasBraille(h.plain()), "braille still on screen after the crash:\n\(h.plain())")
        #expect(TmuxHarness.fileText("\(dir)/before4") == TmuxHarness.fileText("\(dir)/after4"), "tty modes differ after the crash")
    }
}

/// A private tmux server with one 100x30 pane running a plain bash.
final class TmuxHarness {
    let tmuxPath: String
    let socket = "spiketty-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let dir: String

    init(tmux: String) throws {
        tmuxPath = tmux
        dir = NSTemporaryDirectory() + "spiketty-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let shell = "env -u NO_COLOR -u COLORTERM TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 "
            + "SWIFT_BACKTRACE=interactive=no PS1='$ ' bash --norc --noprofile"
        let rc = self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "100", "-y", "30", shell)
        if rc != 0 { throw HarnessError("tmux new-session failed with status \(rc)") }
        _ = waitUntil(5) { self.plain().contains("$") }
    }

    func tearDown() {
        tmux("kill-server")
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Runs a tmux command on the private server; returns its exit status, output in `lastOutput`.
    @discardableResult
    func tmux(_ args: String...) -> Int32 { run(args, captureOutput: false).status }

    /// Runs tmux with posix_spawn + waitpid rather than Foundation's Process: Swift Testing
    /// runs tests on threads that block SIGTERM, SIGCHLD and others, and a child inherits
    /// that mask (the tmux server, its bash and the app under test would then ignore
    /// SIGTERM, and Process never noticed its child exit). So the child gets an empty
    /// signal mask and default dispositions. Output goes through a temp file: the server
    /// that `new-session` forks inherits stdout, so a pipe would never reach EOF.
    func run(_ args: [String], captureOutput: Bool = true) -> (status: Int32, output: String) {
        let outPath = "\(dir)/tmux-out"
        let argv = ([tmuxPath, "-L", socket] + args).map { strdup($0) } + [nil]
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, captureOutput ? outPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attr, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU,
                    SIGWINCH, SIGUSR1, SIGUSR2, SIGALRM] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid = pid_t()
        guard posix_spawn(&pid, tmuxPath, &actions, &attr, argv, envp) == 0 else { return (-1, "") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (code, captureOutput ? (Self.fileText(outPath) ?? "") : "")
    }

    /// Types a line literally and presses Enter.
    func type(_ line: String) {
        tmux("send-keys", "-t", "t", "-l", line)
        tmux("send-keys", "-t", "t", "Enter")
    }

    /// Sends tmux key names (e.g. "q", "?", "Space", "Escape").
    func keys(_ names: String...) { _ = run(["send-keys", "-t", "t"] + names, captureOutput: false) }

    func capture(escapes: Bool) -> String {
        run(["capture-pane", "-p", "-t", "t"] + (escapes ? ["-e"] : [])).output
    }

    func plain() -> String { capture(escapes: false) }

    /// Polls every 100 ms until `condition` holds or `seconds` have passed.
    func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if condition() { return true }
            if Date() >= deadline { return false }
            usleep(100_000)
        }
    }

    /// The number printed by `echo EXIT=$?` once the app has exited.
    func waitForExitStatus(_ seconds: Double) -> Int? {
        var status: Int?
        _ = waitUntil(seconds) {
            status = Self.exitStatus(in: plain())
            return status != nil
        }
        return status
    }

    static func exitStatus(in screen: String) -> Int? {
        for line in screen.split(separator: "\n").reversed() where line.hasPrefix("EXIT=") {
            if let n = Int(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) { return n }
        }
        return nil
    }

    static func hasBraille(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }
    }

    /// The overlay's box: some line above "press any key to close" is a box top (a corner)
    /// whose text includes "help".
    static func overlayTitleSaysHelp(_ screen: String) -> Bool {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let closeRow = lines.firstIndex(where: { $0.contains("press any key to close") }) else { return false }
        let corners: Set<Character> = ["┌", "╭", "╔", "┏"]
        return lines[..<closeRow].contains { line in
            line.lowercased().contains("help") && line.contains { corners.contains($0) }
        }
    }

    static func fileText(_ path: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) }
    }

    static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// tmux and the built spiketty binary, or nil after recording why the end-to-end test
    /// cannot run (the preamble of every tmux test).
    static func tools() -> (tmux: String, bin: String)? {
        guard let tmux = findExecutable("tmux") else {
            Issue.record("tmux is not installed (apt-get install tmux); the end-to-end test cannot run")
            return nil
        }
        let bin = spikettyBinary()
        guard FileManager.default.isExecutableFile(atPath: bin) else {
            Issue.record("spiketty binary not found at \(bin); build the package (swift build) before swift test")
            return nil
        }
        return (tmux, bin)
    }

    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `spiketty` in the build products directory of the running test bundle. On Linux the
    /// test runner is the executable `.build/<triple>/<config>/spikettyPackageTests.xctest`
    /// itself, so /proc/self/exe's directory is the products directory; on macOS the runner
    /// sits inside the bundle (…/spikettyPackageTests.xctest/Contents/MacOS/…), so walk up
    /// out of any .xctest bundle first.
    static func spikettyBinary() -> String {
        if let override = ProcessInfo.processInfo.environment["SPIKETTY_BIN"], !override.isEmpty { return override }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        var probe = dir
        while probe.path != "/" {
            if probe.pathExtension == "xctest" { dir = probe.deletingLastPathComponent(); break }
            probe = probe.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("spiketty").path
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
