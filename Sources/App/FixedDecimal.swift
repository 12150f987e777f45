import Foundation

/// `String(format: "%.Nf", x)` for the title bar's clock, speed and frame rate, without
/// Foundation's formatter (6–9 % of a frame's drawing, issue 13): the value is scaled,
/// rounded and written digit by digit. Exactly the same text as `%.Nf`: values whose scaled
/// fraction lies within 1e-6 of a tie (where the multiplication may have rounded across it
/// and glibc's round-half-even on the exact binary value decides), negative values, zero
/// with a sign, huge values and non-finite values go to `String(format:)` itself.
/// A negative value is `-` and the text of its magnitude, as printf writes it (rounding to
/// nearest is symmetric, and printf keeps the sign of a negative value that rounds to zero).
enum FixedDecimal {
    private static let scales: [Double] = [1, 10, 100, 1000, 10000]

    static func format(_ x: Double, decimals: Int) -> String {
        if x.sign == .minus, x.isFinite, x != 0 { return "-" + format(-x, decimals: decimals) }
        guard decimals >= 0, decimals < scales.count, x.isFinite, x.sign == .plus else { return fallback(x, decimals) }
        let scale = scales[decimals]
        let scaled = x * scale
        guard scaled < 1e9 else { return fallback(x, decimals) }
        let floor = scaled.rounded(.down)
        guard abs(scaled - floor - 0.5) > 1e-6 else { return fallback(x, decimals) }
        var units = Int(scaled.rounded())
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        // Fraction digits, last first.
        for _ in 0..<decimals {
            bytes.append(UInt8(0x30 + units % 10))
            units /= 10
        }
        if decimals > 0 { bytes.append(0x2e) }   // .
        repeat {
            bytes.append(UInt8(0x30 + units % 10))
            units /= 10
        } while units > 0
        bytes.reverse()
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func fallback(_ x: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", x)
    }
}
