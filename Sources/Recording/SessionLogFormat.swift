/// Constants and number formatting of the session log (`*.stlog`, docs/log-format.md;
/// shared/terminal.md 4.3). Numbers are written locale-independently: parameters with
/// Swift's shortest round-trip `description` so a replay reads back the exact `Double`,
/// times in ms with 3 decimals like NEST's ASCII backend.
public enum SessionLogFormat {
    /// The format version this build writes and the newest it reads.
    public static let version = 1
    /// The first line of every log.
    public static let magic = "# spiketty session log"
    /// The column line after the header (NEST style: not commented).
    public static let columns = "frame\tstep\tt_ms\tkind\targs"

    /// A double that reads back bit for bit (`Double(text) == value`).
    public static func exact(_ value: Double) -> String {
        value.isFinite ? value.description : (value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf"))
    }

    /// Parses what `exact` wrote.
    public static func parseExact(_ text: Substring) -> Double? {
        switch text {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default: return Double(text)
        }
    }

    /// A time in ms with 3 decimals (µs resolution), e.g. `1234.560`.
    public static func milliseconds(_ value: Double) -> String {
        guard value.isFinite else { return exact(value) }
        let micro = Int64((value * 1000).rounded())
        let sign = micro < 0 ? "-" : ""
        let a = micro.magnitude
        let frac = String(a % 1000)
        return sign + String(a / 1000) + "." + String(repeating: "0", count: 3 - frac.count) + frac
    }

    /// 16 lowercase hex digits.
    public static func hex(_ value: UInt64) -> String {
        let h = String(value, radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h
    }
}
