import ArgumentParser

/// A span of biological time given on the command line: `10s`, `500ms`, `2min`, `1e4ms`
/// (a bare number means seconds).
struct BiologicalDuration: ExpressibleByArgument, Equatable {
    /// The duration in ms.
    var milliseconds: Double

    /// Longest headless run accepted: 10^8 ms (about 28 hours of biological time).
    static let limitMs = 1e8

    init(milliseconds: Double) {
        self.milliseconds = milliseconds
    }

    init?(argument: String) {
        guard let ms = BiologicalDuration.parse(argument) else { return nil }
        milliseconds = ms
    }

    static func parse(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 1), ("min", 60_000), ("s", 1000), ("h", 3_600_000)]
        var number = Substring(text)
        var factor = 1000.0
        for (suffix, f) in units where text.hasSuffix(suffix) {
            number = text.dropLast(suffix.count)
            factor = f
            break
        }
        guard let value = Double(number), value.isFinite, value > 0 else { return nil }
        let ms = value * factor
        return ms <= limitMs ? ms : nil
    }

    static var defaultValueDescription: String { "10s" }

    /// How `--help` shows a default: `10s`, `500ms`.
    var defaultValueDescription: String {
        if milliseconds >= 1000, milliseconds.truncatingRemainder(dividingBy: 1000) == 0 { return "\(Int(milliseconds / 1000))s" }
        if milliseconds == milliseconds.rounded() { return "\(Int(milliseconds))ms" }
        return "\(milliseconds)ms"
    }
}
