/// A key the app understands, decoded by the terminal backend.
public enum Key: Hashable, Sendable {
    case character(Unicode.Scalar)
    case escape, enter, tab, backTab, backspace
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
}

/// A mouse event at a screen cell (0-based column `x` and row `y` from the top left), as the
/// terminal reports it with mouse reporting on (xterm 1000/1006 protocols through ncurses'
/// `getmouse`; shared/terminal.md).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The primary (left) button went down.
        case press
        /// The wheel turned up (away from the user; xterm button 4) or down (button 5).
        case wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Something that happened at the terminal since the last frame.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// A click or wheel turn at a cell.
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// The process received a termination signal (SIGINT, SIGTERM, SIGHUP); the app must stop.
    case signal(Int32)
}
