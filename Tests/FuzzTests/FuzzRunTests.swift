import Testing
@testable import Fuzz

/// A few thousand fuzz cases on every `swift test` (the 100,000-case run is
/// `swift run -c release spiketty-fuzz`): no crash, no case slower than a second, and every
/// rejection names the file, a line of the text and what was expected.
@Suite struct FuzzRunTests {
    @Test(.timeLimit(.minutes(1)))
    func threeThousandCasesGiveWellFormedMessages() throws {
        let runner = FuzzRunner(corpus: try FuzzCorpus.load(root: checkout), seed: 20_261_129)
        let summary = runner.run(0..<3_000)
        #expect(summary.failures.isEmpty, "\(summary.report)")
        #expect(summary.slowestSeconds < 1, "slowest case \(summary.slowestCase): \(summary.slowestSeconds) s")
        for target in FuzzTarget.allCases {
            // Both outcomes occur for every reader, so the run exercises rejections and acceptances.
            #expect(summary.rejected[target, default: 0] > 0, "\(target): nothing rejected")
            #expect(summary.accepted[target, default: 0] > 0, "\(target): nothing accepted")
        }
    }
}
