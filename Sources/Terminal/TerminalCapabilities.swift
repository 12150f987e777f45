import Canvas

/// The escape strings our frame writer sends, formatted once (from terminfo at start, see
/// `NcursesTerminal.capabilitiesFromTerminfo`), so writing a frame never calls tiparm/tputs.
///
/// Pure data: tests build one by hand and check the bytes `FrameEncoder` produces without
/// a terminal.
struct TerminalCapabilities {
    /// How the cursor is moved to an absolute cell.
    enum CursorAddressing {
        /// ECMA-48 CUP, `ESC [ row+1 ; col+1 H` (what xterm, tmux, screen, linux use):
        /// formatted by us with integer-to-ASCII, no terminfo call per move.
        case ansi
        /// Anything else: terminfo's `cup` formatted for (row, col), 0-based.
        case formatted((Int, Int) -> [UInt8])
    }

    /// A capability with one count parameter (`dch`, `ich`).
    enum CountedSequence {
        /// ECMA-48 `ESC [ n final`, formatted by us (what xterm, tmux, screen, linux use).
        case ansi(final: UInt8)
        /// Anything else: terminfo's string formatted for n.
        case formatted((Int) -> [UInt8])

        func append(_ n: Int, to out: inout [UInt8]) {
            switch self {
            case .ansi(let final):
                out.append(0x1b); out.append(0x5b)
                FrameEncoder.appendDecimal(n, to: &out)
                out.append(final)
            case .formatted(let format):
                out.append(contentsOf: format(n))
            }
        }

        /// Bytes `append(n)` writes (for `.formatted`, an estimate: its ANSI length).
        func cost(_ n: Int) -> Int { 3 + FrameEncoder.digits(n) }
    }

    /// `clear`: home the cursor and erase the screen (sent after `sgr0`, so the erase uses
    /// the default background on `bce` terminals).
    var clearScreen: [UInt8]
    /// `sgr0`: all attributes and colours off.
    var resetAttributes: [UInt8]
    /// `bold`, `dim`, `rev`, `smul`; empty when the terminal lacks one (then it is not shown,
    /// as ncurses does).
    var bold: [UInt8]
    var dim: [UInt8]
    var reverse: [UInt8]
    var underline: [UInt8]
    /// `op`: default foreground and background (the colour -1 of `use_default_colors`).
    var originalPair: [UInt8]
    /// `setaf`/`setab` for colours 0..<colors (empty arrays when colour is off).
    var foreground: [[UInt8]]
    var background: [[UInt8]]
    var cursorAddress: CursorAddressing
    /// Whether `ESC [ n C` (`cuf`, ANSI form) moves the cursor right by n; used when it is
    /// shorter than an absolute move.
    var ansiCursorRight: Bool
    /// `am` without `xenl`: writing the bottom-right cell scrolls the screen, so it is never
    /// written (ncurses does the same when it cannot insert).
    var lastCellScrolls: Bool
    /// Colour depth the app draws for and the terminal's COLORS: how a Canvas colour becomes a
    /// colour number (`terminalColorNumber`).
    var depth: ColorDepth
    var colors: Int
    /// `dch` (parm_dch, ECMA-48 DCH `ESC [ n P`): delete n characters at the cursor, the rest of
    /// the line moving left, blanks entering at the right margin; and `ich` (parm_ich, ICH
    /// `ESC [ n @`): insert n blanks at the cursor, the rest moving right, the last n lost. The
    /// cursor stays where it is. With both the writer moves cells that scrolled sideways
    /// instead of rewriting them (`HorizontalShift`); nil when the terminal lacks one.
    var deleteCharacters: CountedSequence? = nil
    var insertCharacters: CountedSequence? = nil

    /// The capability bytes for a style's attributes (bit order of `Attributes`).
    func attributeString(_ bit: UInt8) -> [UInt8] {
        switch bit {
        case Attributes.bold.rawValue: return bold
        case Attributes.dim.rawValue: return dim
        case Attributes.reverse.rawValue: return reverse
        case Attributes.underline.rawValue: return underline
        default: return []
        }
    }
}
