/// Runs numbered fuzz cases over a corpus: case `n` of seed `s` always mutates the same file
/// the same way, so any failure is reproduced with `--seed s --start n --cases 1`.
public struct FuzzRunner: Sendable {
    public var corpus: [FuzzSeedFile]
    public var seed: UInt64
    let mutator = Mutator()

    public init(corpus: [FuzzSeedFile], seed: UInt64) {
        precondition(!corpus.isEmpty, "the fuzz corpus is empty")
        self.corpus = corpus
        self.seed = seed
    }

    /// The file and damaged text of case `n`.
    public func makeCase(_ n: Int) -> (file: FuzzSeedFile, text: String, mutations: [Mutation]) {
        var rng = SplitMix64(seed: seed ^ (UInt64(n) &* 0xD6E8_FEB8_6659_FD93))
        _ = rng.next()
        let file = corpus[rng.below(corpus.count)]
        let (text, mutations) = mutator.mutate(file.text, rng: &rng)
        return (file, text, mutations)
    }

    /// Runs cases `range`; `willRun(n)` is called before each (the command line's watchdog
    /// notes the case and its start time there).
    public func run(_ range: Range<Int>, willRun: (Int) -> Void = { _ in }) -> FuzzSummary {
        var summary = FuzzSummary()
        let clock = ContinuousClock()
        for n in range {
            let c = makeCase(n)
            willRun(n)
            let start = clock.now
            let outcome = FuzzOracle.run(c.file.target, path: c.file.path, text: c.text)
            let elapsed = clock.now - start
            summary.record(n, target: c.file.target, outcome: outcome, file: c.file.path, mutations: c.mutations,
                           seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return summary
    }
}

/// Outcome counts per target, the slowest case, and every failure (malformed message).
public struct FuzzSummary: Sendable {
    public struct Failure: Sendable, CustomStringConvertible {
        public var caseNumber: Int
        public var file: String
        public var mutations: [Mutation]
        public var problem: String
        public var description: String {
            "case \(caseNumber) (\(file); \(mutations.map(\.rawValue).joined(separator: ", "))): \(problem)"
        }
    }

    public var cases = 0
    public var accepted: [FuzzTarget: Int] = [:]
    public var rejected: [FuzzTarget: Int] = [:]
    public var failures: [Failure] = []
    public var slowestSeconds = 0.0
    public var slowestCase = -1

    public init() {}

    mutating func record(_ n: Int, target: FuzzTarget, outcome: FuzzOutcome, file: String, mutations: [Mutation],
                         seconds: Double) {
        cases += 1
        if seconds > slowestSeconds { slowestSeconds = seconds; slowestCase = n }
        switch outcome {
        case .accepted: accepted[target, default: 0] += 1
        case .rejected: rejected[target, default: 0] += 1
        case .malformed(let problem):
            failures.append(Failure(caseNumber: n, file: file, mutations: mutations, problem: problem))
        }
    }

    /// One line per target: accepted / rejected counts, then failures and the slowest case.
    public var report: String { report(limit: 20) }

    /// The report with at most `limit` failures listed.
    public func report(limit: Int) -> String {
        var lines = FuzzTarget.allCases.map {
            "\($0.rawValue): \(accepted[$0, default: 0]) accepted, \(rejected[$0, default: 0]) rejected"
        }
        lines.append("cases: \(cases), malformed messages: \(failures.count), slowest case: \(slowestCase) "
                     + "(\(Int((slowestSeconds * 1000).rounded())) ms)")
        lines += failures.prefix(limit).map(\.description)
        return lines.joined(separator: "\n")
    }
}

extension FuzzSummary {
    /// Adds another run's counts (for a run done in chunks).
    public mutating func merge(_ other: FuzzSummary) {
        cases += other.cases
        for (t, c) in other.accepted { accepted[t, default: 0] += c }
        for (t, c) in other.rejected { rejected[t, default: 0] += c }
        failures += other.failures
        if other.slowestSeconds > slowestSeconds { slowestSeconds = other.slowestSeconds; slowestCase = other.slowestCase }
    }
}
