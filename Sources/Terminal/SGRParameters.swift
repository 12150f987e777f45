/// The parameters of the terminal's SGR (select graphic rendition) strings when every one of
/// them is a plain ECMA-48 `ESC [ params m` (xterm, tmux, screen, linux, VTE...): then several
/// changes go out as one sequence, `ESC [ 38;5;98;48;5;170 m` instead of `ESC [ 38;5;98 m
/// ESC [ 48;5;170 m` (issue 13: colour changes were two thirds of the bytes of the busiest
/// screens), and a default colour is restored on its own (`39` or `49`) instead of with `op`,
/// which resets both.
///
/// Semantics are those of the separate strings: SGR parameters apply left to right, so one
/// sequence with the parameters of several does what those sequences did one after another.
struct SGRParameters {
    /// One SGR parameter string (e.g. "38;5;200") packed into a word: up to 8 bytes, low
    /// byte first, and its length (writing one needs no array and no reference count).
    struct Packed {
        let bytes: UInt64
        let count: Int

        init?(_ p: [UInt8]) {
            guard p.count <= 8 else { return nil }
            var w: UInt64 = 0
            for (k, b) in p.enumerated() { w |= UInt64(b) << UInt64(8 * k) }
            bytes = w
            count = p.count
        }

        /// Appends the parameter, after a `;` unless it opens the sequence (`ESC [`).
        @inline(__always)
        func append(to out: inout [UInt8], opened: inout Bool) {
            guard count > 0 else { return }
            if opened { out.append(0x3b) } else { out.append(0x1b); out.append(0x5b); opened = true }
            var w = bytes
            for _ in 0..<count { out.append(UInt8(truncatingIfNeeded: w)); w >>= 8 }
        }
    }

    /// Parameters of `setaf`/`setab` per colour number (e.g. "31", "38;5;200").
    let foreground: [Packed]
    let background: [Packed]
    /// Parameters of `bold`, `dim`, `rev`, `smul` (empty when the terminal lacks one).
    let bold: Packed, dim: Packed, reverse: Packed, underline: Packed

    /// Default foreground and default background, alone.
    static let defaultForeground = Packed(Array("39".utf8))!
    static let defaultBackground = Packed(Array("49".utf8))!

    /// Nil unless `op` is exactly `ESC [ 39;49 m` (the terminal treats 39 and 49 as ECMA-48
    /// defines them) and every colour and attribute string is one plain SGR sequence (with at
    /// most 8 bytes of parameters).
    init?(_ caps: TerminalCapabilities) {
        guard caps.originalPair.isEmpty || caps.originalPair == Array("\u{1b}[39;49m".utf8) else { return nil }
        var fg: [Packed] = [], bg: [Packed] = []
        fg.reserveCapacity(caps.foreground.count)
        bg.reserveCapacity(caps.background.count)
        for s in caps.foreground { guard let p = Self.parameters(s).flatMap(Packed.init) else { return nil }; fg.append(p) }
        for s in caps.background { guard let p = Self.parameters(s).flatMap(Packed.init) else { return nil }; bg.append(p) }
        var attributes: [Packed] = []
        for s in [caps.bold, caps.dim, caps.reverse, caps.underline] {
            if s.isEmpty { attributes.append(Packed([])!); continue }
            guard let p = Self.parameters(s).flatMap(Packed.init) else { return nil }
            attributes.append(p)
        }
        foreground = fg
        background = bg
        (bold, dim, reverse, underline) = (attributes[0], attributes[1], attributes[2], attributes[3])
    }

    /// The parameters of `ESC [ params m` (digits and semicolons, not empty, no leading or
    /// trailing semicolon), nil for anything else.
    static func parameters(_ s: [UInt8]) -> [UInt8]? {
        guard s.count >= 4, s[0] == 0x1b, s[1] == 0x5b, s[s.count - 1] == 0x6d else { return nil }
        let p = Array(s[2..<(s.count - 1)])
        guard p.first != 0x3b, p.last != 0x3b, p.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x3b }) else { return nil }
        return p
    }

    /// The parameters of an attribute bit (bit order of `Attributes`).
    func attribute(_ bit: UInt8) -> Packed {
        switch bit {
        case 1: return bold
        case 2: return dim
        case 4: return reverse
        default: return underline
        }
    }
}
