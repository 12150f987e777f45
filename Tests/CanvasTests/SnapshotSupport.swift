#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Canvas
import Testing

/// The folder of this test target (located from `#filePath`, so tests run from anywhere).
func testDirectory(_ filePath: String = #filePath) -> String {
    String(filePath[..<(filePath.lastIndex(of: "/") ?? filePath.endIndex)])
}

/// The repository root (two levels above this test target).
func repositoryRoot(_ filePath: String = #filePath) -> String {
    var parts = testDirectory(filePath).split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(2)
    return parts.joined(separator: "/")
}

func readTextFile(_ path: String) -> String? {
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { return nil }
    return String(decoding: data, as: UTF8.self)
}

/// Compares a buffer with `Tests/CanvasTests/Snapshots/<name>.txt`.
///
/// The file holds `buffer.text` (or, with `styles: true`, `buffer.dump`: quoted lines plus the
/// style runs). When the file is missing, or `RECORD_SNAPSHOTS=1` is set, the current output is
/// written and the test FAILS, so a fresh recording is never mistaken for a pass: look at the
/// file, then run again without `RECORD_SNAPSHOTS`.
func assertSnapshot(_ buffer: CellBuffer, named name: String, styles: Bool = false,
                    filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = testDirectory(filePath) + "/Snapshots"
    let path = directory + "/\(name).txt"
    let actual = (styles ? buffer.dump : buffer.text) + "\n"
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    let expected = readTextFile(path)
    if record || expected == nil {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        do {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            Issue.record("recorded snapshot \(name).txt (\(record ? "RECORD_SNAPSHOTS=1" : "no file yet")); check it and run again", sourceLocation: sourceLocation)
        } catch {
            Issue.record("could not write snapshot \(path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected, expected != actual else { return }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
    Issue.record("""
        snapshot \(name).txt differs at line \(line + 1) (RECORD_SNAPSHOTS=1 to re-record)
        expected: \(line < e.count ? String(e[line]) : "<end>")
        actual:   \(line < a.count ? String(a[line]) : "<end>")
        --- actual ---
        \(actual)
        """, sourceLocation: sourceLocation)
}

/// A tiny deterministic generator for test data (SplitMix64).
struct TestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
