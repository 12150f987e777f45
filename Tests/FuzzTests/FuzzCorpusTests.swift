import Foundation
import Testing
@testable import Fuzz

/// The checkout this test file lives in.
let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The shipped files fuzzed: every one is accepted as it is (so each rejection seen in the fuzz
/// comes from a mutation), and every target has at least one file.
@Suite struct FuzzCorpusTests {
    @Test func everyShippedFileIsAcceptedUnchanged() throws {
        let corpus = try FuzzCorpus.load(root: checkout)
        for target in FuzzTarget.allCases {
            #expect(corpus.contains { $0.target == target }, "no corpus file for \(target)")
        }
        for file in corpus {
            #expect(FuzzOracle.run(file.target, path: file.path, text: file.text) == .accepted, "\(file.path)")
        }
    }

    @Test func caseNumberReproducesTheCase() throws {
        let runner = FuzzRunner(corpus: try FuzzCorpus.load(root: checkout), seed: 7)
        for n in [0, 1, 999, 123_456] {
            let a = runner.makeCase(n), b = runner.makeCase(n)
            #expect(a.text == b.text && a.file.path == b.file.path && a.mutations == b.mutations)
        }
        #expect(runner.makeCase(1).text != runner.makeCase(2).text || runner.makeCase(1).file.path != runner.makeCase(2).file.path)
    }

    @Test func numberSubstitutionFindsTheNumbers() {
        let bytes = Array("tau_ms = 10.5\nrate = -3e2\nname = \"a1\"\n".utf8)
        let spans = Mutator().numberSpans(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(spans == ["10.5", "-3e2", "1"])
    }

    /// The oracle itself must be able to fail: a message without a line, one with a line
    /// outside the text and one that says nothing of what was expected are all caught.
    @Test func shapeCheckCatchesBadMessages() {
        #expect(FuzzOracle.shape("a.toml:3: x: expected a number", file: "a.toml", line: 3, lineCount: 5,
                                 prefix: "a.toml:3: ", words: FuzzOracle.expectationWords) == nil)
        #expect(FuzzOracle.shape("a.toml:9: x: expected a number", file: "a.toml", line: 9, lineCount: 5,
                                 prefix: "a.toml:9: ", words: FuzzOracle.expectationWords) != nil)
        #expect(FuzzOracle.shape("a.toml: x: expected a number", file: "a.toml", line: 3, lineCount: 5,
                                 prefix: "a.toml:3: ", words: FuzzOracle.expectationWords) != nil)
        #expect(FuzzOracle.shape("a.toml:3: x: bad", file: "a.toml", line: 3, lineCount: 5,
                                 prefix: "a.toml:3: ", words: FuzzOracle.expectationWords) != nil)
    }
}
