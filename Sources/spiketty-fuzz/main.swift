// spiketty-fuzz: feeds seeded mutations of the shipped scenario, theme and session-log files
// to their readers and checks that every rejection names the file, the line and what was
// expected. A case that runs longer than --time-limit is a hang (exit 3); a crash prints the
// case number before the runtime's backtrace. Reproduce case n with --seed S --start n --cases 1.
import Foundation
import Fuzz

let usage = """
    usage: spiketty-fuzz [--cases N] [--seed S] [--start N] [--time-limit SECONDS] [--root CHECKOUT] [--verbose] [--print]
      --print  write the cases' files and mutated texts instead of running them (to reproduce one)
    """

var cases = 100_000, seed: UInt64 = 1, start = 0, timeLimit = 5.0, root = FileManager.default.currentDirectoryPath
var verbose = false, printOnly = false
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    if flag == "--verbose" { verbose = true; continue }
    if flag == "--print" { printOnly = true; continue }
    if flag == "--help" || flag == "-h" { print(usage); exit(0) }
    guard let value = arguments.popFirst() else { FileHandle.standardError.write(Data("\(usage)\n".utf8)); exit(2) }
    switch flag {
    case "--cases": cases = Int(value) ?? -1
    case "--seed": seed = UInt64(value) ?? 0
    case "--start": start = Int(value) ?? -1
    case "--time-limit": timeLimit = Double(value) ?? -1
    case "--root": root = value
    default: FileHandle.standardError.write(Data("spiketty-fuzz: unknown option \(flag)\n\(usage)\n".utf8)); exit(2)
    }
}
guard cases >= 0, start >= 0, timeLimit > 0 else {
    FileHandle.standardError.write(Data("spiketty-fuzz: expected --cases, --start >= 0 and --time-limit > 0\n".utf8))
    exit(2)
}

let corpus: [FuzzSeedFile]
do {
    corpus = try FuzzCorpus.load(root: root)
} catch {
    FileHandle.standardError.write(Data("spiketty-fuzz: cannot read the corpus under \(root) (run from a checkout or pass --root): \(error)\n".utf8))
    exit(2)
}

if printOnly {
    let runner = FuzzRunner(corpus: corpus, seed: seed)
    for n in start..<(start + cases) {
        let c = runner.makeCase(n)
        print("=== case \(n): \(c.file.path) (\(c.mutations.map(\.rawValue).joined(separator: ", ")))")
        print(c.text)
    }
    exit(0)
}

Watchdog.installCrashReport()
Watchdog.start(limitSeconds: timeLimit, seed: seed)

let runner = FuzzRunner(corpus: corpus, seed: seed)
print("spiketty-fuzz: \(cases) cases from case \(start), seed \(seed), \(corpus.count) corpus files, time limit \(timeLimit) s per case")
let wallStart = Watchdog.monotonicNs()
var total = FuzzSummary()
let chunk = 10_000
var next = start
while next < start + cases {
    let end = min(start + cases, next + chunk)
    let part = runner.run(next..<end) { n in Watchdog.willRun(n) }
    total.merge(part)
    next = end
    if verbose || cases > chunk {
        print("  \(next - start) cases, \(total.failures.count) malformed, \(Int(Double(Watchdog.monotonicNs() - wallStart) / 1e9)) s")
    }
}
Watchdog.willRun(-1)
print(total.report(limit: verbose ? Int.max : 20))
print("wall time: \(String(format: "%.1f", Double(Watchdog.monotonicNs() - wallStart) / 1e9)) s")
exit(total.failures.isEmpty ? 0 : 1)
