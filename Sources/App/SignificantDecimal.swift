import Foundation

/// `String(format: "%.Pg", x)` and `String(format: "%.Pe", x)` without Foundation's formatter
/// (issue 13, the live-app frame target: the equation lines and figure values are formatted
/// every frame, and the formatter was a tenth of some screens' drawing). Exactly the same text:
/// the value is scaled by an exact power of ten so that P significant digits are left of the
/// point, rounded, and the exponent X of that rounding chooses the style as C's `%g` does
/// (fixed with P − 1 − X decimals when −4 ≤ X < P, else exponential; trailing zeros dropped).
/// Scaled values within 1e-6 of a rounding tie (where glibc's round-half-even on the exact
/// binary value decides), non-finite values and exponents beyond ±22 go to
/// `String(format:)` itself, as `FixedDecimal` does.
enum SignificantDecimal {
    enum Style { case general, exponential }

    /// 10^0 … 10^22, each exactly representable.
    private static let powers: [Double] = (0...22).map { pow(10, Double($0)) }

    /// `%.{digits}g` (style `.general`) or `%.{digits − 1}e` (style `.exponential`): `digits`
    /// significant digits, 1…9.
    static func format(_ x: Double, digits p: Int, style: Style = .general) -> String {
        guard p >= 1, p <= 9, x.isFinite else { return fallback(x, p, style) }
        if x == 0 {   // "0" / "0.000e+00", signed like printf
            let zero = style == .general ? "0" : "0" + (p > 1 ? "." + String(repeating: "0", count: p - 1) : "") + "e+00"
            return x.sign == .minus ? "-" + zero : zero
        }
        if x < 0 { return "-" + format(-x, digits: p, style: style) }
        let low = Int(powers[p - 1]), high = Int(powers[p])
        var e = Int(log10(x).rounded(.down))
        for _ in 0..<3 {
            let d = p - 1 - e
            guard abs(d) <= 22 else { return fallback(x, p, style) }
            let scaled = d >= 0 ? x * powers[d] : x / powers[-d]
            guard abs(scaled - scaled.rounded(.down) - 0.5) > 1e-6 else { return fallback(x, p, style) }
            let units = Int(scaled.rounded())
            if units >= high { e += 1; continue }
            if units < low { e -= 1; continue }
            if style == .general && e >= -4 && e < p { return fixed(units, decimals: d) }
            return exponential(units, digits: p, exponent: e, strip: style == .general)
        }
        return fallback(x, p, style)
    }

    /// `units · 10^−decimals` with trailing fraction zeros (and a bare point) dropped.
    private static func fixed(_ units: Int, decimals: Int) -> String {
        var digits = Array(String(units).utf8)
        if digits.count <= decimals { digits = Array(repeating: 0x30, count: decimals + 1 - digits.count) + digits }
        var fraction = digits.suffix(decimals)
        while fraction.last == 0x30 { fraction.removeLast() }
        let whole = digits.prefix(digits.count - decimals)
        return String(decoding: fraction.isEmpty ? Array(whole) : Array(whole) + [0x2e] + Array(fraction), as: UTF8.self)
    }

    /// `d.ddd e±XX` from the `digits` digits of `units`; `strip`: trailing fraction zeros dropped (`%g`).
    private static func exponential(_ units: Int, digits p: Int, exponent: Int, strip: Bool) -> String {
        let all = Array(String(units).utf8)
        var fraction = all.dropFirst()
        if strip { while fraction.last == 0x30 { fraction.removeLast() } }
        var out = [all[0]]
        if !fraction.isEmpty { out += [0x2e] + Array(fraction) }
        out += [0x65, exponent < 0 ? 0x2d : 0x2b]   // e-, e+
        let magnitude = Array(String(abs(exponent)).utf8)
        if magnitude.count < 2 { out.append(0x30) }
        out += magnitude
        return String(decoding: out, as: UTF8.self)
    }

    private static func fallback(_ x: Double, _ p: Int, _ style: Style) -> String {
        style == .general ? String(format: "%.\(p)g", x) : String(format: "%.\(p - 1)e", x)
    }
}
