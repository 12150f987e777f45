/// A colour ramp of 101 steps (0 ... 100 %), built exactly like btop's `generateGradients`.
///
/// With start and end only, step i is `start + i·(end − start)/100`; with a mid colour, steps
/// 0...50 run start→mid and 50...100 mid→end; with start only (or no end) the ramp is flat.
/// Channel arithmetic is integer with truncation, as in btop, so a btop theme gives the same
/// 101 colours here as in btop.
public struct Gradient: Hashable, Sendable {
    /// The 101 colours, index = percent.
    public let steps: [Color]

    /// A gradient through `start`, optionally `mid`, to `end` (nil or `.default` = no stop).
    public init(start: Color, mid: Color? = nil, end: Color? = nil) {
        guard let s = Self.channels(start), let e = end.flatMap(Self.channels) else {
            steps = Array(repeating: start, count: 101)
            return
        }
        let stops = [s] + (mid.flatMap(Self.channels).map { [$0] } ?? []) + [e]
        let range = stops.count == 3 ? 50 : 100
        var out: [Color] = []
        out.reserveCapacity(101)
        for i in 0...100 {
            let segment = (stops.count == 3 && i > 50) ? 1 : 0
            let offset = segment * 50
            let a = stops[segment]
            let b = stops[segment + 1]
            func channel(_ k: Int) -> UInt8 {
                UInt8(clamping: a[k] + (i - offset) * (b[k] - a[k]) / range)
            }
            out.append(.rgb(channel(0), channel(1), channel(2)))
        }
        steps = out
    }

    /// A gradient from explicit steps (resampled to 101 if needed; empty gives `.default`).
    public init(steps given: [Color]) {
        guard !given.isEmpty else {
            steps = Array(repeating: .default, count: 101)
            return
        }
        if given.count == 101 {
            steps = given
        } else {
            steps = (0...100).map { given[min(given.count - 1, $0 * given.count / 101)] }
        }
    }

    /// A flat gradient of one colour.
    public static func flat(_ color: Color) -> Gradient { Gradient(start: color) }

    /// The colour at a fraction in 0...1 (clamped; NaN gives the start).
    public func color(at fraction: Double) -> Color {
        guard fraction.isFinite else { return steps[fraction == .infinity ? 100 : 0] }
        let i = Int((min(1, max(0, fraction)) * 100).rounded())
        return steps[i]
    }

    /// The colour at a percentage 0...100 (clamped).
    public func color(atPercent percent: Int) -> Color { steps[min(100, max(0, percent))] }

    /// The gradient with every step reduced to `depth`.
    public func reduced(to depth: ColorDepth) -> Gradient {
        Gradient(steps: steps.map { ColorReduction.reduce($0, to: depth) })
    }

    private static func channels(_ color: Color) -> [Int]? {
        switch color {
        case .default: return nil
        case .rgb(let r, let g, let b): return [Int(r), Int(g), Int(b)]
        case .indexed(let i):
            let c = ColorReduction.rgb(ofIndex: i)
            return [c.r, c.g, c.b]
        }
    }
}
