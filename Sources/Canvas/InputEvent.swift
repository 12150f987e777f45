/// A key the app understands, decoded by the terminal backend.
public enum Key: Hashable, Sendable {
    case character(Unicode.Scalar)
    case escape, enter, tab, backTab, backspace
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
}

/// Something that happened at the terminal since the last frame.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// The process received a termination signal (SIGINT, SIGTERM, SIGHUP); the app must stop.
    case signal(Int32)
}
