/// One terminal cell: a single-width Unicode scalar and its style.
///
/// Everything spiketty draws (braille dots, half blocks, box drawing, ASCII) is one
/// column wide, so a cell holds exactly one scalar; wide glyphs are never written.
public struct Cell: Hashable, Sendable {
    public var character: Unicode.Scalar
    public var style: Style

    public init(_ character: Unicode.Scalar = " ", style: Style = .plain) {
        self.character = character
        self.style = style
    }

    /// An empty cell in the default style.
    public static let blank = Cell()
}
