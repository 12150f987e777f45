import Canvas

/// Lazily allocated ncurses colour pairs, keyed by (foreground, background) colour numbers
/// (-1 = the terminal's default colour, as `use_default_colors()` allows).
///
/// Pure bookkeeping, no ncurses: `lookup` says which pair number to use and whether the
/// caller must `init_pair` it first. Pairs are a finite resource: the budget is
/// `min(COLOR_PAIRS, 32767)` (init_pair takes `short`), pair 0 is fixed at (-1, -1).
/// When the budget is used up, a new combination gets the allocated pair whose colours
/// are closest (squared RGB distance of both colours), remembered so the search runs
/// once per combination.
struct ColorPairCache {
    struct Key: Hashable { var fg: Int16; var bg: Int16 }

    enum Lookup: Equatable {
        /// Already initialised; use it.
        case existing(Int16)
        /// A fresh pair: call `init_pair(pair, fg, bg)` before using it.
        case allocate(Int16)
        /// Budget exhausted: the closest existing pair (0 when there is none).
        case fallback(Int16)

        var pair: Int16 {
            switch self { case .existing(let p), .allocate(let p), .fallback(let p): return p }
        }
    }

    /// Highest pair number we may allocate (pairs 1...maxPair).
    let maxPair: Int16
    private(set) var pairs: [Key: Int16] = [:]
    private var fallbacks: [Key: Int16] = [:]
    private var nextPair: Int16 = 1

    /// - Parameter colorPairs: the terminal's COLOR_PAIRS.
    init(colorPairs: Int) {
        maxPair = Int16(max(0, min(colorPairs, 32767) - 1))
    }

    var allocatedCount: Int { pairs.count }

    mutating func lookup(fg: Int16, bg: Int16) -> Lookup {
        if fg == -1 && bg == -1 { return .existing(0) }
        let key = Key(fg: fg, bg: bg)
        if let p = pairs[key] { return .existing(p) }
        if nextPair <= maxPair {
            let p = nextPair
            nextPair += 1
            pairs[key] = p
            return .allocate(p)
        }
        if let p = fallbacks[key] { return .fallback(p) }
        var best: Int16 = 0
        var bestDistance = Self.distance(fg, -1) + Self.distance(bg, -1)   // pair 0
        for (k, p) in pairs {
            let d = Self.distance(fg, k.fg) + Self.distance(bg, k.bg)
            if d < bestDistance || (d == bestDistance && p < best) { best = p; bestDistance = d }
        }
        fallbacks[key] = best
        return .fallback(best)
    }

    /// Squared RGB distance between two colour numbers; the default colour (-1) is only
    /// close to itself.
    static func distance(_ a: Int16, _ b: Int16) -> Int {
        if a == b { return 0 }
        if a < 0 || b < 0 || a > 255 || b > 255 { return 3 * 256 * 256 }
        let x = ColorReduction.rgb(ofIndex: UInt8(a)), y = ColorReduction.rgb(ofIndex: UInt8(b))
        return (x.r - y.r) * (x.r - y.r) + (x.g - y.g) * (x.g - y.g) + (x.b - y.b) * (x.b - y.b)
    }
}

/// The ncurses colour number for a Canvas colour: reduced to `depth`, then clamped to the
/// `colors` the terminal really has (an `.indexed(n)` with n >= COLORS is reduced too;
/// bright ANSI 8-15 on an 8-colour terminal become 0-7). -1 is the default colour.
func terminalColorNumber(_ color: Color, depth: ColorDepth, colors: Int) -> Int16 {
    guard depth > .none, colors > 0 else { return -1 }
    switch ColorReduction.reduce(color, to: min(depth, .palette256)) {
    case .default:
        return -1
    case .rgb(let r, let g, let b):   // not reached: reduce(to: <= 256) never returns rgb
        return terminalColorNumber(.indexed(ColorReduction.nearest256(r, g, b)), depth: depth, colors: colors)
    case .indexed(let i):
        var n = Int(i)
        if n >= colors, n >= 16, case .indexed(let a) = ColorReduction.reduce(.indexed(i), to: .ansi16) { n = Int(a) }
        if n >= colors, n >= 8, n < 16 { n -= 8 }
        return n < colors ? Int16(n) : -1
    }
}
