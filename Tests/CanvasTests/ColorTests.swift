import Canvas
import Testing

@Suite("Colour reduction and depth")
struct ColorTests {
    @Test("RGB to the 256-colour palette (tmux colour_find_rgb)", arguments: [
        (UInt8(0), UInt8(0), UInt8(0), UInt8(16)), (255, 255, 255, 231), (95, 135, 175, 67), (128, 128, 128, 244),
        (255, 0, 0, 196), (8, 8, 8, 232), (0x77, 0xca, 0x9b, 115), (0xcc, 0xcc, 0xcc, 252),
    ])
    func to256(r: UInt8, g: UInt8, b: UInt8, index: UInt8) {
        #expect(ColorReduction.nearest256(r, g, b) == index)
    }

    @Test("RGB to the 16 ANSI colours", arguments: [
        (UInt8(0), UInt8(0), UInt8(0), UInt8(0)), (205, 0, 0, 1), (250, 5, 5, 9), (120, 120, 120, 8), (250, 250, 250, 15),
    ])
    func to16(r: UInt8, g: UInt8, b: UInt8, index: UInt8) {
        #expect(ColorReduction.nearest16(r, g, b) == index)
    }

    @Test("reduce() per depth", arguments: [
        (Color.rgb(255, 0, 0), ColorDepth.trueColor, Color.rgb(255, 0, 0)),
        (.rgb(255, 0, 0), .palette256, .indexed(196)),
        (.rgb(255, 0, 0), .ansi16, .indexed(9)),
        (.rgb(255, 0, 0), .none, .default),
        (.indexed(196), .ansi16, .indexed(9)),
        (.indexed(3), .ansi16, .indexed(3)),
        (.default, .none, .default),
        (.default, .palette256, .default),
    ])
    func reduce(color: Color, depth: ColorDepth, expected: Color) {
        #expect(ColorReduction.reduce(color, to: depth) == expected)
    }

    @Test("depth precedence: CLI flag > NO_COLOR > terminal", arguments: [
        (ColorChoice?.none, String?.none, 256, ColorDepth.palette256),
        (nil, "1", 256, .none),
        (nil, "", 256, .palette256),  // empty NO_COLOR is ignored
        (.auto, "1", 16_777_216, .none),
        (.always, "1", 256, .palette256),  // the flag beats NO_COLOR
        (.always, nil, 0, .ansi16),
        (.never, nil, 16_777_216, .none),
        (.depth(.ansi16), nil, 256, .ansi16),
        (nil, nil, 8, .ansi16),
        (nil, nil, 16, .ansi16),
        (nil, nil, 2, .none),
        (nil, nil, 16_777_216, .trueColor),
    ])
    func resolve(flag: ColorChoice?, env: String?, colors: Int, expected: ColorDepth) {
        #expect(ColorDepth.resolve(flag: flag, noColorEnv: env, terminalColors: colors) == expected)
    }

    @Test func styleReductionKeepsAttributes() {
        let s = Style(foreground: .rgb(1, 2, 3), background: .rgb(200, 200, 200), attributes: [.bold, .reverse])
        #expect(ColorReduction.reduce(s, to: .none) == Style(attributes: [.bold, .reverse]))
    }
}
