/// A colour as the front end knows it, before it is reduced to what the terminal can show.
///
/// `.default` is the terminal's own foreground or background (ncurses colour -1);
/// `.indexed` is one of the 256 xterm palette entries (0-15 the ANSI colours);
/// `.rgb` is a 24-bit colour from a theme, reduced by `ColorDepth` before drawing.
public enum Color: Hashable, Sendable {
    case `default`
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)
}
