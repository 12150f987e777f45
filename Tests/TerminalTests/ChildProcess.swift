import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with stdin from /dev/null and stdout/stderr into files, with
/// an empty signal mask and default dispositions (see TmuxHarness.run for why not Process).
enum ChildProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ path: String, _ args: [String], environment extra: [String: String] = [:], in dir: String) -> Result {
        let tag = "\(dir)/child-\(UInt32.random(in: 0...UInt32.max))"
        let argv = ([path] + args).map { strdup($0) } + [nil]
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in extra { environment[k] = v }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, tag + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, tag + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attr, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD, SIGXFSZ] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        guard posix_spawn(&pid, path, &actions, &attr, argv, envp) == 0 else { return Result(status: -1, stdout: "", stderr: "spawn failed") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        defer { unlink(tag + ".out"); unlink(tag + ".err") }
        return Result(status: code, stdout: TmuxHarness.fileText(tag + ".out") ?? "", stderr: TmuxHarness.fileText(tag + ".err") ?? "")
    }
}
