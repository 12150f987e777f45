/// The text form of an RBM (seeds/dreaming-rbm.txt), exact: every number is written in Swift's
/// shortest round-trip form, so text → machine → text is the identity.
///
///     # comment lines (training settings, epoch, progress)
///     rbm pixels 64 labels 10 hidden 100
///     visible_biases a_0 … a_{V−1}
///     hidden_biases b_0 … b_{H−1}
///     weights
///     W_00 … W_0(H−1)          (one line per visible unit)
extension RestrictedBoltzmannMachine {
    /// What is wrong with an RBM text, with the line it is on (1-based).
    public struct TextError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The machine as text, with `comments` (one `# ` line each) first.
    public func text(comments: [String] = []) -> String {
        var out = comments.map { "# " + $0 }
        out.append("rbm pixels \(pixelCount) labels \(labelCount) hidden \(hiddenCount)")
        out.append("visible_biases " + visibleBiases.map { "\($0)" }.joined(separator: " "))
        out.append("hidden_biases " + hiddenBiases.map { "\($0)" }.joined(separator: " "))
        out.append("weights")
        for i in 0..<visibleCount {
            out.append(weights[i * hiddenCount..<(i + 1) * hiddenCount].map { "\($0)" }.joined(separator: " "))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Parses the text form; sizes are checked against the header line.
    public init(text: String) throws(TextError) {
        var lines: [(number: Int, parts: [Substring])] = []
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmedOfSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            lines.append((k + 1, line.split(separator: " ")))
        }
        guard let header = lines.first else { throw TextError(line: 1, message: "expected 'rbm pixels P labels L hidden H'") }
        let p = header.parts
        guard p.count == 7, p[0] == "rbm", p[1] == "pixels", p[3] == "labels", p[5] == "hidden",
              let pixels = Int(p[2]), let labels = Int(p[4]), let hidden = Int(p[6]),
              pixels > 0, labels >= 0, hidden > 0
        else { throw TextError(line: header.number, message: "expected 'rbm pixels P labels L hidden H' with P, H > 0") }
        self.init(pixelCount: pixels, labelCount: labels, hiddenCount: hidden)
        func numbers(_ entry: (number: Int, parts: [Substring]), dropping prefix: String?, count: Int, what: String) throws(TextError) -> [Double] {
            var parts = entry.parts[...]
            if let prefix {
                guard parts.first.map(String.init) == prefix else {
                    throw TextError(line: entry.number, message: "expected a line starting with '\(prefix)'")
                }
                parts = parts.dropFirst()
            }
            guard parts.count == count else { throw TextError(line: entry.number, message: "expected \(count) \(what), got \(parts.count)") }
            var values: [Double] = []
            for s in parts {
                guard let d = Double(s), d.isFinite else { throw TextError(line: entry.number, message: "expected a finite number, got \"\(s)\"") }
                values.append(d)
            }
            return values
        }
        let v = pixels + labels
        guard lines.count == 4 + v else {
            throw TextError(line: lines.last?.number ?? 1, message: "expected \(4 + v) lines (header, two bias lines, 'weights', \(v) weight rows), got \(lines.count)")
        }
        visibleBiases = try numbers(lines[1], dropping: "visible_biases", count: v, what: "visible biases")
        hiddenBiases = try numbers(lines[2], dropping: "hidden_biases", count: hidden, what: "hidden biases")
        guard lines[3].parts == ["weights"] else { throw TextError(line: lines[3].number, message: "expected 'weights'") }
        var w: [Double] = []
        w.reserveCapacity(v * hidden)
        for i in 0..<v { w += try numbers(lines[4 + i], dropping: nil, count: hidden, what: "weights (one per hidden unit)") }
        weights = w
    }
}
