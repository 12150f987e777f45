/// Small numeric helpers the widgets need without Foundation: log10, powers of ten, formatting.
///
/// The standard library has no `log10` or `pow`, so these are computed from the
/// binary exponent and significand (accurate to about 1e-15, plenty for axes).
public enum Numeric {
    private static let ln2 = 0.693_147_180_559_945_3
    private static let ln10 = 2.302_585_092_994_046

    /// The natural logarithm of `x` (NaN for x < 0 or NaN, -infinity for 0).
    public static func ln(_ x: Double) -> Double {
        guard x.isFinite else { return x.isNaN || x < 0 ? .nan : .infinity }
        guard x > 0 else { return x == 0 ? -.infinity : .nan }
        // x = m * 2^e with m in [1, 2); ln m = 2 atanh((m - 1) / (m + 1)).
        let e = Double(x.exponent)
        let m = x.significand
        let z = (m - 1) / (m + 1)
        let z2 = z * z
        var term = z
        var sum = 0.0
        var k = 1.0
        while k < 60 {
            sum += term / k
            term *= z2
            k += 2
            if term < 1e-18 { break }
        }
        return e * ln2 + 2 * sum
    }

    /// The base-10 logarithm of `x`; exact for powers of ten from 1e-300 to 1e300.
    public static func log10(_ x: Double) -> Double {
        let value = ln(x) / ln10
        guard value.isFinite else { return value }
        let nearest = value.rounded()
        if abs(value - nearest) < 1e-9, abs(nearest) < 300, pow10(Int(nearest)) == x { return nearest }
        return value
    }

    /// 10 raised to an integer power.
    public static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        if exponent >= 0 {
            for _ in 0..<min(exponent, 400) { result *= 10 }
        } else {
            for _ in 0..<min(-exponent, 400) { result /= 10 }
        }
        return result
    }

    /// `e^x`, used to invert log scales (x clamped to ±700).
    public static func exp(_ x: Double) -> Double {
        guard x.isFinite else { return x.isNaN ? .nan : (x > 0 ? .infinity : 0) }
        let clamped = min(max(x, -700), 700)
        let k = (clamped / ln2).rounded()
        let r = clamped - k * ln2
        var term = 1.0
        var sum = 1.0
        for i in 1..<30 {
            term *= r / Double(i)
            sum += term
        }
        var result = sum
        var n = Int(k)
        while n > 0 { result *= 2; n -= 1 }
        while n < 0 { result /= 2; n += 1 }
        return result
    }

    /// `value` with exactly `decimals` digits after the point, rounded half away from zero.
    ///
    /// `format(3.14159, decimals: 2) == "3.14"`, `format(-0.001, decimals: 1) == "0.0"`.
    public static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let d = min(max(0, decimals), 12)
        let scale = pow10(d)
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return "\(value)" }
        let digits = String(Int64(scaled))
        var body: String
        if d == 0 {
            body = digits
        } else {
            let padded = String(repeating: "0", count: max(0, d + 1 - digits.count)) + digits
            body = String(padded.dropLast(d)) + "." + String(padded.suffix(d))
        }
        if value < 0, scaled != 0 { body = "-" + body }
        return body
    }

    /// A short label for `value`: plain decimals for 1e-3 < |v| < 1e5, else `1e3`-style.
    ///
    /// `decimals` is the number of decimals used in the plain form.
    public static func label(_ value: Double, decimals: Int) -> String {
        let magnitude = abs(value)
        if magnitude != 0, magnitude >= 1e5 || magnitude < 1e-3 { return scientific(value) }
        return format(value, decimals: decimals)
    }

    /// `value` as mantissa and power of ten: `1e3`, `2.5e-4`, `-1e6`.
    public static func scientific(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return format(value, decimals: 0) }
        var exponent = Int(log10(abs(value)).rounded(.down))
        var mantissa = value / pow10(exponent)
        if abs(Double(format(mantissa, decimals: 2)) ?? mantissa) >= 10 {
            exponent += 1
            mantissa = value / pow10(exponent)
        }
        var m = format(mantissa, decimals: 2)
        while m.contains("."), m.hasSuffix("0") || m.hasSuffix(".") { m.removeLast() }
        return "\(m)e\(exponent)"
    }

    /// Decimals needed to tell ticks `step` apart (0 for steps of 1 or more).
    public static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        let e = Int(log10(step).rounded(.down))
        guard e < 0 else { return 0 }
        // A step of 0.25 needs two decimals, 0.5 one.
        let mantissa = step / pow10(e)
        return -e + (abs(mantissa - mantissa.rounded()) > 1e-6 ? 1 : 0)
    }

    /// About three significant digits for a value printed next to a curve: `0.0123`, `12.3`,
    /// `-65.2`, `1234`, and `1e3`-style outside 1e-3 ≤ |v| < 1e5.
    public static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        guard value.isFinite, magnitude != 0 else { return format(value, decimals: 0) }
        if magnitude >= 1e5 || magnitude < 1e-3 { return scientific(value) }
        let e = Int(log10(magnitude).rounded(.down))
        return format(value, decimals: min(4, max(0, 2 - e)))
    }
}
