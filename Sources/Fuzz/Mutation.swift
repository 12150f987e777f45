/// One way to damage a file's text. Several are stacked per fuzz case.
public enum Mutation: String, CaseIterable, Sendable {
    /// Flip one bit of one byte (invalid UTF-8 becomes U+FFFD, as a lenient reader would see it).
    case bitFlip
    /// Replace one byte by a random byte.
    case byteReplace
    /// Cut the text at a random byte.
    case truncate
    /// Repeat one line right after itself.
    case duplicateLine
    /// Remove one line.
    case deleteLine
    /// Swap two lines.
    case swapLines
    /// Replace one number in the text by an absurd value (NaN, inf, 1e300, -1, 0, a huge
    /// integer) or by a value of the wrong type (string, boolean, array, table).
    case substituteNumber
    /// Insert a structural character (`[`, `]`, `=`, `"`, `#`, newline, NUL, tab) somewhere.
    case insertPunctuation

    /// What numbers are replaced with: absurd magnitudes, non-finite values, wrong types.
    public static let absurdValues: [String] = [
        "nan", "NaN", "+nan", "inf", "-inf", "+inf", "1e300", "-1e300", "1e-300", "-1", "0", "-0.0",
        "99999999999999999999", "9223372036854775807", "-9223372036854775808", "4294967296",
        "1e18", "0.0000001", "\"text\"", "\"\"", "true", "false", "[]", "[1, 2, 3]", "[[1], [2]]",
        "{}", "{ a = 1 }", "1979-05-27", "0x7fffffffffffffff", "1_000_000", "#", "\"#ffffff\"", "-",
    ]
    static let punctuation: [String] = ["[", "]", "=", "\"", "#", "\n", "\0", "\t", "[[", "'", ",", "{", "}", "\\", "\r\n"]
}

/// A seeded generator of damaged versions of a text: case `n` of seed `s` is always the same text.
public struct Mutator: Sendable {
    public init() {}

    /// The mutated text for one case and the mutations applied (1 to 4, stacked).
    public func mutate(_ text: String, rng: inout SplitMix64) -> (text: String, applied: [Mutation]) {
        var bytes = Array(text.utf8)
        var applied: [Mutation] = []
        for _ in 0..<(1 + rng.below(4)) {
            let m = Mutation.allCases[rng.below(Mutation.allCases.count)]
            apply(m, to: &bytes, rng: &rng)
            applied.append(m)
        }
        return (String(decoding: bytes, as: UTF8.self), applied)
    }

    func apply(_ m: Mutation, to bytes: inout [UInt8], rng: inout SplitMix64) {
        switch m {
        case .bitFlip:
            guard !bytes.isEmpty else { return }
            bytes[rng.below(bytes.count)] ^= UInt8(1) << UInt8(rng.below(8))
        case .byteReplace:
            guard !bytes.isEmpty else { return }
            bytes[rng.below(bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
        case .truncate:
            bytes.removeSubrange(rng.below(bytes.count + 1)...)
        case .duplicateLine, .deleteLine, .swapLines:
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
            guard !lines.isEmpty else { return }
            let i = rng.below(lines.count)
            switch m {
            case .duplicateLine: lines.insert(lines[i], at: i)
            case .deleteLine: lines.remove(at: i)
            default: lines.swapAt(i, rng.below(lines.count))
            }
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case .substituteNumber:
            let spans = numberSpans(bytes)
            guard !spans.isEmpty else { return }
            let span = spans[rng.below(spans.count)]
            let value = Mutation.absurdValues[rng.below(Mutation.absurdValues.count)]
            bytes.replaceSubrange(span, with: Array(value.utf8))
        case .insertPunctuation:
            let p = Mutation.punctuation[rng.below(Mutation.punctuation.count)]
            bytes.insert(contentsOf: Array(p.utf8), at: rng.below(bytes.count + 1))
        }
    }

    /// Byte ranges of decimal numbers (digits with an optional sign, point and exponent).
    func numberSpans(_ bytes: [UInt8]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var i = 0
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        while i < bytes.count {
            guard isDigit(bytes[i]) else { i += 1; continue }
            var start = i
            if start > 0, bytes[start - 1] == UInt8(ascii: "-") || bytes[start - 1] == UInt8(ascii: "+") { start -= 1 }
            while i < bytes.count, isDigit(bytes[i]) || bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e")
                || bytes[i] == UInt8(ascii: "_") || ((bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+"))
                    && i > 0 && bytes[i - 1] == UInt8(ascii: "e")) {
                i += 1
            }
            spans.append(start..<i)
        }
        return spans
    }
}
