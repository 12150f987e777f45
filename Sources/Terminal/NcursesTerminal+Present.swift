import Canvas
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension NcursesTerminal {
    /// Copies the buffer's changed cells into ncurses (setcchar + mvadd_wch) and refreshes
    /// once. ncurses then sends only what differs from the physical screen. After a resize
    /// (or a buffer of another size) the screen is erased and everything drawn; `clear()`
    /// is never used (it forces a full repaint and flickers).
    public func present(_ buffer: CellBuffer) {
        guard active else { return }
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
