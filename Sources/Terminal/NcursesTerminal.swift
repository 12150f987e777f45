// The real terminal: the only type in spiketty that talks to ncurses.
//
// The four traps of shared/terminal.md 0.2 and where they are handled:
//  1. SwiftPM drops pkg-config's -D_XOPEN_SOURCE ("prohibited flag"), hiding the wide API:
//     Sources/CNcursesw/shim.h defines NCURSES_WIDECHAR/_XOPEN_SOURCE_EXTENDED itself.
//  2. Swift 6 rejects reads of ncurses' mutable globals (stdscr, LINES, COLS, COLORS):
//     we only read them through the shim's nc_* accessors, and keep the WINDOW* here.
//  3. Without a UTF-8 locale every wide glyph renders blank: `NcursesTerminal.setUpLocale()`
//     falls back to C.UTF-8.
//  4. Swift's crash backtracer would take over a tty still in curses mode: Signals.swift
//     installs crash handlers that endwin() first, then chain to the backtracer.
import Canvas
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An ncursesw session on the process's controlling terminal (stdin/stdout).
///
/// Not `Sendable`: create, use and shut it down on the main thread. One session at a time.
/// Creating it installs SIGINT/SIGTERM/SIGHUP handlers (reported by `pollEvents` as
/// `.signal`), crash handlers that restore the terminal, and redirects stderr to a temp
/// file that is printed after the terminal is restored.
public final class NcursesTerminal: TerminalIO {
    public enum StartError: Error, CustomStringConvertible {
        /// stdin or stdout is not a terminal.
        case notATerminal
        /// Another `NcursesTerminal` is still active in this process.
        case alreadyActive
        /// ncurses could not set up the terminal (unknown or missing TERM).
        case cannotInitialize(term: String?)

        public var description: String {
            switch self {
            case .notATerminal: return "standard input and output must be a terminal (try --headless)"
            case .alreadyActive: return "the terminal is already in use by another session"
            case .cannotInitialize(let term):
                return "cannot initialise the terminal (TERM=\(term ?? "unset")); try TERM=xterm-256color or --headless"
            }
        }
    }

    /// Colour depth the app should draw for: the forced depth if one was given (capped at
    /// 256 colours, the most ncurses pairs can show), else detected from COLORS;
    /// `.none` whenever the terminal has no colours at all.
    public let colorDepth: ColorDepth
    /// Whether the locale's codeset is UTF-8 (after the C.UTF-8 fallback). When false,
    /// braille and block glyphs will not show; the app may switch to ASCII glyphs.
    public let isUTF8: Bool
    /// The termination signal received, once `pollEvents` has reported it (or `shutdown`
    /// found it pending). Use `exitStatus(forSignal:)` to exit with 128+signo.
    public internal(set) var receivedSignal: Int32?

    /// Whether the terminal reports clicks and the wheel (ncurses found a mouse protocol).
    public private(set) var mouseReporting = false

    let window: UnsafeMutablePointer<WINDOW>
    let screen: OpaquePointer
    /// The terminal's COLORS (0 when colour was not started).
    let colors: Int
    var pairCache: ColorPairCache
    /// What the screen shows (the last presented buffer), for the changed-cell diff.
    var previous: CellBuffer?
    /// Set on start and on KEY_RESIZE: the next `present` erases and draws everything.
    var needsFullRedraw = true
    var active = true
    var lastSize: (width: Int, height: Int)
    /// Memo of the last style's attributes and pair (neighbouring cells usually share it).
    var lastStyle: Style?
    var lastAttrPair: (attr: attr_t, pair: Int16) = (0, 0)
    /// Our own output path (nil: ncurses writes the frames), the rendition it left the
    /// terminal in, and its reusable byte buffer; `outputFD` is what it writes to.
    let frameEncoder: FrameEncoder?
    var pen = Pen.unknown
    var frameBytes: [UInt8] = []
    /// The rows' sideways moves in recent frames (reset by every full repaint).
    var shiftMemory = ShiftMemory()
    let outputFD: Int32
    /// Two wchar_t (glyph + terminator) for setcchar, allocated once.
    let wideScratch = UnsafeMutablePointer<wchar_t>.allocate(capacity: 2)

    /// Starts curses on the terminal.
    /// - Parameter forcedDepth: a colour depth chosen by the user (`--color`, NO_COLOR →
    ///   `.none`) instead of the detected one. With `.none` colour is never started.
    public convenience init(forcedDepth: ColorDepth? = nil) throws {
        try self.init(forcedDepth: forcedDepth, input: STDIN_FILENO, output: STDOUT_FILENO)
    }

    /// Starts curses on the terminal open on `input` and `output` (e.g. a pseudo-terminal for
    /// the frame benchmark).
    public init(forcedDepth: ColorDepth?, input: Int32, output: Int32) throws {
        guard isatty(input) == 1, isatty(output) == 1 else { throw StartError.notATerminal }
        guard !sessionExists.exchange(true, ordering: .sequentiallyConsistent) else { throw StartError.alreadyActive }

        isUTF8 = Self.setUpLocale()
        touchSignalGlobals()
        pendingSignal.store(0, ordering: .sequentiallyConsistent)
        // Before newterm: ncurses only installs its own SIGINT/SIGTERM handlers when the
        // disposition is still SIG_DFL, and we want ours (terminal.md 1.7).
        installTerminationHandlers()
        installCrashHandlers()

        // newterm rather than initscr: initscr exit()s on an unknown TERM, newterm returns NULL.
        // fdopen instead of the C globals stdout/stdin (Swift 6 rejects reading those too).
        guard let out = fdopen(output, "w"), let inp = fdopen(input, "r"),
              let scr = newterm(nil, out, inp), let win = nc_stdscr() else {
            restoreSignalHandlers()
            sessionExists.store(false, ordering: .sequentiallyConsistent)
            throw StartError.cannotInitialize(term: ProcessEnvironment.value("TERM"))
        }
        screen = scr
        window = win
        cbreak()                  // keys arrive at once; ^C still raises SIGINT
        noecho()
        keypad(win, true)         // arrows, F-keys and KEY_RESIZE as single codes
        nodelay(win, true)        // get_wch returns ERR instead of blocking
        set_escdelay(25)          // Esc alone is reported after 25 ms
        curs_set(0)
        mouseReporting = nc_enable_mouse(1) != 0   // clicks and the wheel (off again in shutdown)

        var depth = ColorDepth.none
        var colorCount = 0
        if forcedDepth != ColorDepth.none && has_colors() {
            start_color()
            use_default_colors()  // colour -1 = the terminal's own foreground/background
            colorCount = Int(nc_colors())
            let detected = Self.detectedDepth(colors: colorCount)
            depth = detected == .none ? .none : min(forcedDepth ?? detected, .palette256)
        }
        colorDepth = depth
        colors = colorCount
        pairCache = ColorPairCache(colorPairs: depth == .none ? 0 : Int(nc_color_pairs()))
        lastSize = (Int(nc_cols()), Int(nc_lines()))
        outputFD = output
        frameEncoder = Self.capabilitiesFromTerminfo(depth: depth, colors: colorCount)
            .map { FrameEncoder(capabilities: $0, scalarWidth: Self.cellWidth) }
        if let caps = frameEncoder?.capabilities {
            // ncurses' first refresh (its clear) goes out now, before any frame of ours.
            wrefresh(win)
            frameBytes.reserveCapacity(1 << 16)
            Self.storeWriterReset(caps: caps, fd: output)
        }

        cursesActive.store(true, ordering: .sequentiallyConsistent)
        StderrCapture.begin()
    }

    deinit {
        shutdown()
        wideScratch.deallocate()
    }

    /// Restores the terminal: leaves curses (and the alternate screen), restores the cursor,
    /// tty modes and stderr (printing what was written to it meanwhile) and the previous
    /// signal handlers. Safe to call more than once; `deinit` calls it too.
    public func shutdown() {
        guard active else { return }
        active = false
        if receivedSignal == nil {
            let s = pendingSignal.load(ordering: .sequentiallyConsistent)
            if s != 0 { receivedSignal = s }
        }
        if cursesActive.exchange(false, ordering: .sequentiallyConsistent) {
            if mouseReporting { _ = nc_enable_mouse(0) }   // endwin also switches it off; be explicit
            writeWriterReset()
            curs_set(1)
            endwin()
        }
        writerResetFD.store(-1, ordering: .sequentiallyConsistent)
        delscreen(screen)
        StderrCapture.end()
        restoreSignalHandlers()
        sessionExists.store(false, ordering: .sequentiallyConsistent)
    }

    /// What `writeWriterReset` sends (also from signal handlers): sgr0 and cursor home, the
    /// state ncurses believes the terminal is in, so its own output (endwin) lands right.
    static func storeWriterReset(caps: TerminalCapabilities, fd: Int32) {
        var bytes = caps.resetAttributes
        switch caps.cursorAddress {
        case .ansi: bytes += Array("\u{1b}[1;1H".utf8)
        case .formatted(let format): bytes += format(0, 0)
        }
        let n = min(bytes.count, 64)
        for i in 0..<n { writerResetBytes[i] = bytes[i] }
        writerResetLength.store(n, ordering: .sequentiallyConsistent)
        writerResetFD.store(fd, ordering: .sequentiallyConsistent)
    }

    /// Current size in cells (the last known size after `shutdown`).
    public var size: (width: Int, height: Int) {
        if active { lastSize = (Int(nc_cols()), Int(nc_lines())) }
        return lastSize
    }

    /// The conventional exit status after a fatal signal: 128 + signo (130 for SIGINT,
    /// 143 for SIGTERM, 129 for SIGHUP). Exit with it after `shutdown()`.
    public static func exitStatus(forSignal signo: Int32) -> Int32 { 128 + signo }

    /// Depth from the terminal's COLORS: >= 256 → 256 colours, >= 8 → ANSI, else none.
    static func detectedDepth(colors: Int) -> ColorDepth {
        colors >= 256 ? .palette256 : colors >= 8 ? .ansi16 : .none
    }

    /// `setlocale(LC_ALL, "")`, falling back to C.UTF-8 when the codeset is not UTF-8
    /// (with LANG unset, every wide glyph would render blank). Returns whether the
    /// resulting codeset is UTF-8.
    static func setUpLocale() -> Bool {
        setlocale(LC_ALL, "")
        if codeset() == "UTF-8" { return true }
        if setlocale(LC_ALL, "C.UTF-8") == nil { setlocale(LC_ALL, "C.utf8") }
        return codeset() == "UTF-8"
    }

    static func codeset() -> String {
        guard let p = nl_langinfo(nl_item(CODESET)) else { return "" }
        return String(cString: p)
    }
}
