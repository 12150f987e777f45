import Canvas
import Testing

@Suite("Gradients, shipped themes and roles")
struct GradientAndThemeTests {
    @Test func threeStopGradientFollowsBtop() {
        let g = Gradient(start: .rgb(0, 0, 0), mid: .rgb(100, 100, 100), end: .rgb(200, 200, 200))
        #expect(g.steps.count == 101)
        #expect(g.steps[0] == .rgb(0, 0, 0))
        #expect(g.steps[25] == .rgb(50, 50, 50))
        #expect(g.steps[50] == .rgb(100, 100, 100))
        #expect(g.steps[51] == .rgb(102, 102, 102))
        #expect(g.steps[75] == .rgb(150, 150, 150))
        #expect(g.steps[100] == .rgb(200, 200, 200))
    }

    @Test func twoStopGradientTruncatesLikeBtop() {
        let g = Gradient(start: .rgb(0, 255, 10), end: .rgb(255, 0, 10))
        #expect(g.steps[50] == .rgb(127, 128, 10))  // 0 + 50·255/100 = 127; 255 + 50·(−255)/100 = 128
        #expect(g.steps[100] == .rgb(255, 0, 10))
    }

    @Test func startOnlyOrNoEndIsFlat() {
        #expect(Set(Gradient(start: .rgb(1, 2, 3)).steps) == [.rgb(1, 2, 3)])
        #expect(Set(Gradient(start: .rgb(1, 2, 3), mid: .rgb(9, 9, 9)).steps) == [.rgb(1, 2, 3)])
    }

    @Test("color(at:) maps 0...1 to the 101 steps and clamps", arguments: [
        (0.0, 0), (1.0, 100), (0.5, 50), (0.004, 0), (0.006, 1), (-3.0, 0), (7.0, 100), (Double.nan, 0),
    ])
    func colorAt(fraction: Double, step: Int) {
        let g = Gradient(start: .rgb(0, 0, 0), end: .rgb(100, 100, 100))
        #expect(g.color(at: fraction) == g.steps[step])
    }

    @Test("shipped theme files load without warnings", arguments: ["default", "light", "monochrome", "nord"])
    func shippedThemes(name: String) throws {
        let path = repositoryRoot() + "/themes/\(name).theme"
        let text = try #require(readTextFile(path), "missing \(path)")
        let (theme, warnings) = try Theme.load(text: text, fileName: "\(name).theme")
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(theme.name == name)
        let parsed = try ThemeParser.parse(text, fileName: name)
        #expect(parsed.ignoredKeys.isEmpty)
        // Every shipped theme sets every key itself (nothing silently inherited).
        for key in ThemeKeys.colors { #expect(parsed.values[key] != nil, "\(name): \(key)") }
        for g in ["spike", "pixel", "energy", "train"] { #expect(parsed.values[g + "_start"] != nil, "\(name): \(g)") }
    }

    @Test func defaultThemeFileMatchesTheBuiltIn() throws {
        let text = try #require(readTextFile(repositoryRoot() + "/themes/default.theme"))
        #expect(text == Theme.defaultThemeText)
    }

    @Test func monochromeThemeHasOnlyGreys() throws {
        let text = try #require(readTextFile(repositoryRoot() + "/themes/monochrome.theme"))
        let theme = try Theme.load(text: text, fileName: "monochrome.theme").theme
        let all = Array(theme.colors.values) + theme.gradients.values.flatMap(\.steps)
        for color in all {
            if case .rgb(let r, let g, let b) = color { #expect(r == g && g == b, "\(color)") }
        }
    }

    @Test func rolesUseTheirKeys() {
        let t = Theme.defaultTheme
        #expect(t.style(.text).foreground == t.color(forKey: "main_fg"))
        #expect(t.style(.title) == Style(foreground: .rgb(0xee, 0xee, 0xee), attributes: .bold))
        #expect(t.style(.hotkey).foreground == .rgb(0xb5, 0x40, 0x40))
        #expect(t.style(.selected).background == .rgb(0x6a, 0x2f, 0x2f))
        #expect(t.style(.rasterBox).foreground == .rgb(0x55, 0x6d, 0x59))
        #expect(t.style(.graphText).foreground == .rgb(0x60, 0x60, 0x60))
        #expect(t.color(.gradient(.spike, 1)) == .rgb(0xdc, 0x4c, 0x4c))
        #expect(t.gradient(.spike).color(at: 0) == .rgb(0x77, 0xca, 0x9b))
    }

    @Test("reduced(to:) reduces every colour; .none leaves attributes only", arguments: ColorDepth.allCases)
    func reduced(depth: ColorDepth) {
        let t = Theme.defaultTheme.reduced(to: depth)
        #expect(t.depth == depth)
        for role in Theme.Role.allCases {
            let s = t.style(role)
            for c in [s.foreground, s.background] {
                switch (depth, c) {
                case (.none, _): #expect(c == .default)
                case (.ansi16, .indexed(let i)): #expect(i < 16)
                case (.ansi16, .rgb), (.palette256, .rgb): Issue.record("\(role) not reduced: \(c)")
                default: break
                }
            }
        }
        if depth == .none {
            #expect(t.style(.selected).attributes.contains(.reverse))
            #expect(t.style(.titleBar).attributes.contains(.reverse))
            #expect(Set(t.gradient(.spike).steps) == [.default])
        }
    }
}
