import Canvas
import CNcursesw

extension NcursesTerminal {
    /// The frame writer's escape strings, read from the terminal's terminfo entry once
    /// (`tigetstr`, formatted with `tiparm`). Nil when a capability the writer needs is
    /// missing (e.g. TERM=dumb: no `cup` or `clear`; colour on but no `setaf`/`setab`/`op`),
    /// or when SPIKETTY_WRITER=ncurses asks for the ncurses output path: then `present`
    /// keeps using ncurses (`mvwadd_wch` + `wrefresh`).
    static func capabilitiesFromTerminfo(depth: ColorDepth, colors: Int) -> TerminalCapabilities? {
        if ProcessEnvironment.value("SPIKETTY_WRITER") == "ncurses" { return nil }
        guard let cup = string("cup"), let clear = bytes("clear"), let sgr0 = bytes("sgr0") else { return nil }
        var foreground: [[UInt8]] = [], background: [[UInt8]] = [], originalPair: [UInt8] = []
        if depth != .none && colors > 0 {
            guard let setaf = string("setaf"), let setab = string("setab"), let op = bytes("op") else { return nil }
            let n = min(colors, 256)
            foreground = (0..<n).map { stripPadding(nc_tiparm1(setaf, Int32($0))) }
            background = (0..<n).map { stripPadding(nc_tiparm1(setab, Int32($0))) }
            originalPair = op
        }
        let cursorAddress: TerminalCapabilities.CursorAddressing
        if stripPadding(nc_tiparm2(cup, 0, 0)) == Array("\u{1b}[1;1H".utf8),
           stripPadding(nc_tiparm2(cup, 11, 102)) == Array("\u{1b}[12;103H".utf8) {
            cursorAddress = .ansi
        } else {
            cursorAddress = .formatted { row, col in stripPadding(nc_tiparm2(cup, Int32(row), Int32(col))) }
        }
        let ansiRight = string("cuf").map {
            stripPadding(nc_tiparm1($0, 7)) == Array("\u{1b}[7C".utf8) && stripPadding(nc_tiparm1($0, 123)) == Array("\u{1b}[123C".utf8)
        } ?? false
        let cuf1Ansi = bytes("cuf1") == Array("\u{1b}[C".utf8)
        let dch = counted("dch", final: UInt8(ascii: "P")), ich = counted("ich", final: UInt8(ascii: "@"))
        return TerminalCapabilities(
            clearScreen: clear, resetAttributes: sgr0,
            bold: bytes("bold") ?? [], dim: bytes("dim") ?? [], reverse: bytes("rev") ?? [],
            underline: bytes("smul") ?? [], originalPair: originalPair,
            foreground: foreground, background: background, cursorAddress: cursorAddress,
            ansiCursorRight: ansiRight && cuf1Ansi,
            lastCellScrolls: tigetflag("am") > 0 && tigetflag("xenl") <= 0,
            depth: depth, colors: colors,
            deleteCharacters: ich == nil ? nil : dch, insertCharacters: dch == nil ? nil : ich)
    }

    /// A one-parameter capability (`dch`, `ich`): `.ansi` when terminfo formats it as
    /// `ESC [ n final` (checked for two counts), else formatted by terminfo; nil when absent.
    private static func counted(_ name: String, final: UInt8) -> TerminalCapabilities.CountedSequence? {
        guard let p = string(name) else { return nil }
        let ansi = [7, 123].allSatisfy { n in
            stripPadding(nc_tiparm1(p, Int32(n))) == [0x1b, 0x5b] + Array(String(n).utf8) + [final]
        }
        if ansi { return .ansi(final: final) }
        guard !stripPadding(nc_tiparm1(p, 1)).isEmpty else { return nil }
        return .formatted { n in stripPadding(nc_tiparm1(p, Int32(n))) }
    }

    /// A string capability, or nil when absent or cancelled.
    private static func string(_ name: String) -> UnsafeMutablePointer<CChar>? {
        guard let p = tigetstr(name), nc_is_cancelled_string(p) == 0 else { return nil }
        return p
    }

    /// A parameterless string capability's bytes (padding removed), nil when absent or empty.
    private static func bytes(_ name: String) -> [UInt8]? {
        guard let p = string(name) else { return nil }
        let b = stripPadding(p)
        return b.isEmpty ? nil : b
    }

    /// The bytes of a formatted capability without terminfo padding (`$<5>`, `$<100/>`):
    /// padding is a delay for slow hardware terminals that tputs would turn into NULs or a
    /// sleep; terminal emulators do not need it.
    static func stripPadding(_ p: UnsafeMutablePointer<CChar>?) -> [UInt8] {
        guard let p else { return [] }
        var raw: [UInt8] = []
        var q = p
        while q.pointee != 0 { raw.append(UInt8(bitPattern: q.pointee)); q += 1 }
        return stripPadding(raw)
    }

    static func stripPadding(_ raw: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < raw.count {
            if raw[i] == UInt8(ascii: "$"), i + 1 < raw.count, raw[i + 1] == UInt8(ascii: "<"),
               let close = raw[(i + 2)...].firstIndex(of: UInt8(ascii: ">")),
               raw[(i + 2)..<close].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2e || $0 == 0x2a || $0 == 0x2f }) {
                i = close + 1
                continue
            }
            out.append(raw[i])
            i += 1
        }
        return out
    }
}
