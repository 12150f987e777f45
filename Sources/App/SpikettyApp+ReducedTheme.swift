import Canvas

/// Which reduction of which theme: `themes` never changes after `init`, so the index names
/// the theme; the depth is the terminal's (it may differ between terminals, e.g. in tests).
struct ReducedThemeKey: Hashable {
    var themeIndex: Int
    var depth: ColorDepth
}

extension SpikettyApp {
    /// The current theme reduced to the terminal's colour depth, what every frame draws with.
    /// Reducing maps every colour and all 101 steps of every gradient; it was done per frame
    /// (2–3 % of drawing, issue 13), now once per theme and depth.
    var reducedTheme: Theme {
        let key = ReducedThemeKey(themeIndex: state.themeIndex, depth: terminalDepth)
        if let cached = reducedThemes[key] { return cached }
        let reduced = theme.reduced(to: key.depth)
        reducedThemes[key] = reduced
        return reduced
    }
}
