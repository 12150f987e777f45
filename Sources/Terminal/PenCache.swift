import Canvas

/// A small direct-mapped memo of `FrameEncoder.resolve` for one frame: style to pen and scalar
/// to the scalar shown (issue 13: on the heat strips neighbouring cells alternate between a
/// few styles and glyphs, so a one-entry memo resolved colours and asked wcwidth cell after cell).
/// Exact: a hit returns what the computation returned for the same key.
struct PenCache {
    private static let slots = 64
    private var styleKeys = [UInt64](repeating: .max, count: slots)
    private var pens = [Pen](repeating: .normal, count: slots)
    private var scalarKeys = [UInt32](repeating: .max, count: slots)
    private var shown = [Unicode.Scalar](repeating: " ", count: slots)

    /// The style's bits in one word: attributes and the two colours (tag and value), distinct
    /// styles giving distinct keys; never `.max`.
    @inline(__always)
    static func key(_ style: Style) -> UInt64 {
        UInt64(style.attributes.rawValue) << 52 | UInt64(code(style.foreground)) << 26 | UInt64(code(style.background))
    }

    /// 26 bits: tag (0 default, 1 indexed, 2 RGB) above 24 bits of value.
    @inline(__always)
    static func code(_ c: Color) -> UInt32 {
        switch c {
        case .default: return 0
        case .indexed(let i): return 1 << 24 | UInt32(i)
        case .rgb(let r, let g, let b): return 2 << 24 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
        }
    }

    /// `resolve(style)`, memoised.
    @inline(__always)
    mutating func pen(_ style: Style, _ encoder: FrameEncoder) -> Pen {
        let k = Self.key(style)
        let slot = Int(truncatingIfNeeded: (k ^ (k >> 26) ^ (k >> 31)) &* 0x9E37_79B9) >> 8 & (Self.slots - 1)
        if styleKeys[slot] == k { return pens[slot] }
        let p = encoder.resolve(style)
        styleKeys[slot] = k
        pens[slot] = p
        return p
    }

    /// `CellDiff.displayScalar(s, width:)`, memoised (ASCII and braille need no lookup).
    @inline(__always)
    mutating func displayed(_ s: Unicode.Scalar, width: (Unicode.Scalar) -> Int) -> Unicode.Scalar {
        let v = s.value
        if (v >= 0x20 && v < 0x7f) || (v >= 0x2800 && v <= 0x28ff) { return s }
        let slot = Int(v & UInt32(Self.slots - 1))
        if scalarKeys[slot] == v { return shown[slot] }
        let d = CellDiff.displayScalar(s, width: width)
        scalarKeys[slot] = v
        shown[slot] = d
        return d
    }
}
