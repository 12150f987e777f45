import Canvas
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension NcursesTerminal {
    /// Writes the buffer's changed cells ourselves (`FrameEncoder`: escape strings formatted
    /// once from terminfo, one write(2) per frame) when the terminal has what the encoder
    /// needs; otherwise copies them into ncurses as below.
    ///
    /// ncurses path: copies the buffer's changed cells into ncurses (setcchar + mvadd_wch) and refreshes
    /// once. ncurses then sends only what differs from the physical screen. After a resize
    /// (or a buffer of another size) the screen is erased and everything drawn; `clear()`
    /// is never used (it forces a full repaint and flickers).
    public func present(_ buffer: CellBuffer) {
        guard active else { return }
        if let frameEncoder {
            presentDirect(buffer, encoder: frameEncoder)
            return
        }
        let rows = Int(nc_lines()), cols = Int(nc_cols())
        let indices: [Int]
        if !needsFullRedraw, let changed = CellDiff.changedIndices(from: previous, to: buffer) {
            indices = changed
        } else {
            werase(window)
            indices = CellDiff.nonBlankIndices(buffer)
        }
        let width = buffer.width
        var cell = cchar_t()
        buffer.cells.withUnsafeBufferPointer { cells in
            for i in indices {
                let y = i / width, x = i - y * width
                guard y < rows, x < cols else { continue }
                let c = cells[i]
                let (attr, pair) = attributesAndPair(for: c.style)
                wideScratch[0] = wchar_t(bitPattern: CellDiff.displayScalar(c.character, width: Self.cellWidth).value)
                wideScratch[1] = 0
                setcchar(&cell, wideScratch, attr, pair, nil)
                // At the bottom-right corner this returns ERR (the cursor cannot advance)
                // although the glyph is written; ignoring the status is deliberate.
                _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
            }
        }
        wrefresh(window)
        previous = buffer
        needsFullRedraw = false
    }

    /// Our own output path. ncurses keeps believing the screen is blank with the cursor at
    /// home and normal attributes (its last refresh); it is refreshed only before a full
    /// repaint (start, resize, Ctrl-Z/fg), so anything it still has to send goes out before
    /// our clear, and stdscr stays untouched so `wget_wch` never repaints over us.
    func presentDirect(_ buffer: CellBuffer, encoder: FrameEncoder) {
        let rows = Int(nc_lines()), cols = Int(nc_cols())
        if continuedSignal.exchange(false, ordering: .sequentiallyConsistent) { needsFullRedraw = true }
        frameBytes.removeAll(keepingCapacity: true)
        if needsFullRedraw {
            // Back to what ncurses believes (normal rendition, cursor home), then let it flush.
            writeWriterReset()
            wrefresh(window)
            pen = .unknown
        }
        encoder.encode(previous: needsFullRedraw ? nil : previous, next: buffer, screenWidth: cols, screenHeight: rows,
                       pen: &pen, shifts: &shiftMemory, into: &frameBytes)
        if !writeAll(frameBytes) { pen = .unknown; needsFullRedraw = true; return }
        previous = buffer
        needsFullRedraw = false
    }

    /// One write(2) of the frame (repeated on a partial write, EINTR or EAGAIN). False when
    /// the terminal is gone or the write failed: the next frame then repaints everything.
    func writeAll(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            guard var p = raw.baseAddress else { return true }
            var left = raw.count
            while left > 0 {
                let n = write(outputFD, p, left)
                if n > 0 { p += n; left -= n; continue }
                if n < 0 && errno == EINTR { continue }
                if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    var fds = pollfd(fd: outputFD, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&fds, 1, 100)
                    continue
                }
                return false
            }
            return true
        }
    }

    /// ncurses attributes and colour pair for a style, allocating the pair on first use.
    func attributesAndPair(for style: Style) -> (attr: attr_t, pair: Int16) {
        if style == lastStyle { return lastAttrPair }
        var attr = nc_a_normal()
        let a = style.attributes
        if a.contains(.bold) { attr |= nc_a_bold() }
        if a.contains(.dim) { attr |= nc_a_dim() }
        if a.contains(.reverse) { attr |= nc_a_reverse() }
        if a.contains(.underline) { attr |= nc_a_underline() }
        var pair: Int16 = 0
        if colorDepth != .none {
            let fg = terminalColorNumber(style.foreground, depth: colorDepth, colors: colors)
            let bg = terminalColorNumber(style.background, depth: colorDepth, colors: colors)
            let lookup = pairCache.lookup(fg: fg, bg: bg)
            if case .allocate(let p) = lookup { init_pair(p, fg, bg) }
            pair = lookup.pair
        }
        lastStyle = style
        lastAttrPair = (attr, pair)
        return (attr, pair)
    }

    /// Display width of a scalar in the current locale (wcwidth; -1 for non-printables).
    static func cellWidth(_ s: Unicode.Scalar) -> Int {
        guard let f = wcwidthFunction else { return 1 }
        return Int(f(wchar_t(bitPattern: s.value)))
    }

    /// glibc declares wcwidth only under _XOPEN_SOURCE, which the Glibc module is not built
    /// with (and SwiftPM drops the define, trap 1), so look the C function up once.
    static let wcwidthFunction: (@convention(c) (wchar_t) -> Int32)? = {
        guard let sym = dlsym(nil, "wcwidth") else { return nil }
        return unsafeBitCast(sym, to: (@convention(c) (wchar_t) -> Int32).self)
    }()
}
