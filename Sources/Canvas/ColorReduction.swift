/// Reduction of theme colours to what a terminal can show (shared/terminal.md 3.5).
public enum ColorReduction {
    /// The six levels of each channel of the xterm 6x6x6 colour cube.
    public static let cubeLevels: [Int] = [0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff]

    /// The RGB value of palette entry `index` (xterm defaults for 0-15).
    public static func rgb(ofIndex index: UInt8) -> (r: Int, g: Int, b: Int) {
        let i = Int(index)
        switch i {
        case 0..<16: return ansi16RGB[i]
        case 16..<232:
            let c = i - 16
            return (cubeLevels[c / 36], cubeLevels[(c / 6) % 6], cubeLevels[c % 6])
        default:
            let g = 8 + 10 * (i - 232)
            return (g, g, g)
        }
    }

    /// Nearest entry of the 256-colour palette (cube or grey ramp), tmux's `colour_find_rgb`:
    /// per channel q(v) = v < 48 ? 0 : v < 114 ? 1 : (v - 35) / 40; grey k from the mean;
    /// the closer of the two candidates by squared RGB distance wins.
    public static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func q(_ v: Int) -> Int { v < 48 ? 0 : v < 114 ? 1 : (v - 35) / 40 }
        let (ri, gi, bi) = (Int(r), Int(g), Int(b))
        let (qr, qg, qb) = (q(ri), q(gi), q(bi))
        let cube = (cubeLevels[qr], cubeLevels[qg], cubeLevels[qb])
        let cubeIndex = 16 + 36 * qr + 6 * qg + qb
        if cube.0 == ri && cube.1 == gi && cube.2 == bi { return UInt8(cubeIndex) }
        let average = (ri + gi + bi) / 3
        let k = average > 238 ? 23 : max(0, (average - 3) / 10)
        let grey = 8 + 10 * k
        func distance(_ a: (Int, Int, Int)) -> Int {
            (a.0 - ri) * (a.0 - ri) + (a.1 - gi) * (a.1 - gi) + (a.2 - bi) * (a.2 - bi)
        }
        return distance((grey, grey, grey)) < distance(cube) ? UInt8(232 + k) : UInt8(cubeIndex)
    }

    /// Nearest of the 16 ANSI colours by squared RGB distance (xterm default palette).
    public static func nearest16(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        var best = 0
        var bestDistance = Int.max
        for (i, c) in ansi16RGB.enumerated() {
            let d = (c.r - Int(r)) * (c.r - Int(r)) + (c.g - Int(g)) * (c.g - Int(g)) + (c.b - Int(b)) * (c.b - Int(b))
            if d < bestDistance { bestDistance = d; best = i }
        }
        return UInt8(best)
    }

    /// `color` as it can be shown at `depth`: RGB reduced to the palette, palette entries
    /// above 15 reduced to ANSI, everything to `.default` without colour.
    public static func reduce(_ color: Color, to depth: ColorDepth) -> Color {
        switch (color, depth) {
        case (.default, _), (_, .trueColor): return color
        case (_, .none): return .default
        case (.rgb(let r, let g, let b), .palette256): return .indexed(nearest256(r, g, b))
        case (.indexed, .palette256): return color
        case (.rgb(let r, let g, let b), .ansi16): return .indexed(nearest16(r, g, b))
        case (.indexed(let i), .ansi16):
            if i < 16 { return color }
            let c = rgb(ofIndex: i)
            return .indexed(nearest16(UInt8(c.r), UInt8(c.g), UInt8(c.b)))
        }
    }

    /// `style` with both colours reduced to `depth`; attributes are kept (they survive NO_COLOR).
    public static func reduce(_ style: Style, to depth: ColorDepth) -> Style {
        Style(foreground: reduce(style.foreground, to: depth), background: reduce(style.background, to: depth),
              attributes: style.attributes)
    }

    /// xterm's default RGB values of the 16 ANSI colours.
    static let ansi16RGB: [(r: Int, g: Int, b: Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
}
