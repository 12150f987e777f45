/// The glyph tables shared by canvases and widgets (shared/terminal.md 5.1).
public enum Glyphs {
    /// Braille dot bits in drawille order, indexed `[dy][dx]` (dy 0...3 down, dx 0...1 right).
    public static let brailleBits: [[UInt8]] = [
        [0x01, 0x08],
        [0x02, 0x10],
        [0x04, 0x20],
        [0x40, 0x80],
    ]

    /// The braille glyph for a dot mask (0 gives the blank braille pattern U+2800).
    /// `brailleBits[row][column]` without the nested arrays (it is looked up for every dot drawn):
    /// the eight bits packed row by row into one word.
    @inline(__always)
    public static func brailleBit(row: Int, column: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: UInt64(0x8040_2004_1002_0801) >> UInt64(8 * (row &* 2 &+ column) & 63))
    }

    public static func braille(_ mask: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(0x2800 + UInt32(mask))!
    }

    /// Vertical eighth blocks from one eighth (index 1) to a full block (index 8); index 0 is a space.
    public static let eighths: [Unicode.Scalar] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Shade glyphs by intensity, from empty to full.
    public static let shades: [Unicode.Scalar] = [" ", "░", "▒", "▓", "█"]

    /// The shade glyph for an intensity in 0...1: `" ░▒▓█"[min(4, Int(i * 5))]`.
    public static func shade(_ intensity: Double) -> Unicode.Scalar {
        guard intensity.isFinite, intensity > 0 else { return " " }
        return shades[min(4, Int(intensity * 5))]
    }

    public static let upperHalf: Unicode.Scalar = "▀"
    public static let lowerHalf: Unicode.Scalar = "▄"
    public static let fullBlock: Unicode.Scalar = "█"

    /// Rounded box-drawing frame pieces.
    public enum Box {
        public static let topLeft: Unicode.Scalar = "╭"
        public static let topRight: Unicode.Scalar = "╮"
        public static let bottomLeft: Unicode.Scalar = "╰"
        public static let bottomRight: Unicode.Scalar = "╯"
        public static let horizontal: Unicode.Scalar = "─"
        public static let vertical: Unicode.Scalar = "│"
    }
}
