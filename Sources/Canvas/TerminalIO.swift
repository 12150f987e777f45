/// How many colours the terminal can show; widgets pick glyphs and colours by it.
public enum ColorDepth: Int, Comparable, Sendable, CaseIterable {
    /// No colour at all (NO_COLOR, `--color never`, or a terminal without colours).
    case none = 0
    /// The 16 ANSI colours (8 on some terminals; 16 are assumed addressable).
    case ansi16 = 16
    /// The xterm 256-colour palette (6x6x6 cube plus 24 greys).
    case palette256 = 256
    /// 24-bit colour (only through a `*-direct` terminfo; reduced to 256 otherwise).
    case trueColor = 16_777_216

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
}

/// What the app needs from a terminal: its size, its colour depth, a way to show a
/// frame and a way to read what happened. The ncurses backend and the tests' fake
/// terminal both conform, so the app never knows which one it drives.
public protocol TerminalIO: AnyObject {
    /// Current size in cells.
    var size: (width: Int, height: Int) { get }
    /// Colour depth to draw for.
    var colorDepth: ColorDepth { get }
    /// Shows the buffer (which has the terminal's current size); only changed cells need writing.
    func present(_ buffer: CellBuffer)
    /// Returns every event since the last call, waiting at most `timeoutMs` for the first one.
    func pollEvents(timeoutMs: Int) -> [InputEvent]
}
