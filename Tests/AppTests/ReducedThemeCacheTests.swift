import Canvas
import Testing
@testable import App

/// The app reduces each theme once per colour depth (`SpikettyApp.reducedTheme`); switching
/// the theme or drawing on a terminal of another depth must never draw with a stale one.
@Suite struct ReducedThemeCacheTests {
    @Test func switchingThemeOrDepthGivesThatReduction() throws {
        let (green, _) = try Theme.load(text: "theme[main_fg]=\"#00ff00\"\ntheme[title]=\"#00aa00\"", fileName: "green.theme")
        let terminal = FakeTerminal(width: 100, height: 30, depth: .palette256)
        let app = SpikettyApp(scenario: try defaultScenario(), seed: nil, terminal: terminal, themes: [Theme.builtInDefault, green])
        app.advanceAndDraw()
        #expect(app.reducedTheme == Theme.builtInDefault.reduced(to: .palette256))
        let defaultFrame = terminal.frames.last!

        _ = app.handle(.key(.character("t")))   // next theme
        #expect(app.state.themeIndex == 1)
        #expect(app.reducedTheme == green.reduced(to: .palette256))
        app.advanceAndDraw()
        #expect(terminal.frames.last!.cells.map(\.style) != defaultFrame.cells.map(\.style),
                "the frame after switching themes still has the old theme's styles")

        terminal.colorDepth = .ansi16
        #expect(app.reducedTheme == green.reduced(to: .ansi16))
        terminal.colorDepth = .none
        #expect(app.reducedTheme == green.reduced(to: .none))
        _ = app.handle(.key(.character("t")))   // back to the default theme
        #expect(app.reducedTheme == Theme.builtInDefault.reduced(to: .none))
    }
}
