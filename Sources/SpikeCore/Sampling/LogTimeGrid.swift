#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Checkpoints on a logarithmic time (or sweep) grid: `perDecade` points per decade starting
/// at `first`, e.g. 1e3, 3.16e3, 1e4, 3.16e4, … ms with 2 per decade (the T column of
/// science.md 1.12). `value(at:)` gives the i-th checkpoint; `index(ofFirstAbove:)` the first
/// checkpoint strictly above a time.
public struct LogTimeGrid: Sendable, Equatable {
    public let first: Double
    public let perDecade: Int

    public init(first: Double = 1000, perDecade: Int = 2) {
        precondition(first > 0 && perDecade >= 1)
        self.first = first
        self.perDecade = perDecade
    }

    /// The i-th checkpoint (i ≥ 0), rounded to a whole number of `quantum` (e.g. steps or sweeps).
    public func value(at i: Int) -> Double {
        first * pow(10, Double(i) / Double(perDecade))
    }

    /// Index of the first checkpoint > t.
    public func index(ofFirstAbove t: Double) -> Int {
        guard t >= first else { return 0 }
        var i = Int((log10(t / first) * Double(perDecade)).rounded(.down))
        while value(at: i) <= t { i += 1 }
        while i > 0 && value(at: i - 1) > t { i -= 1 }
        return i
    }
}
