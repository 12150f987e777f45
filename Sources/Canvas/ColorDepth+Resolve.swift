/// The `--color` command-line choice.
public enum ColorChoice: Hashable, Sendable {
    /// Follow `NO_COLOR` and the terminal (the default).
    case auto
    /// Colour even when `NO_COLOR` is set (at least 16 colours).
    case always
    /// No colour at all.
    case never
    /// Exactly this depth (e.g. `--color 256` to avoid truecolor), whatever the environment.
    case depth(ColorDepth)
}

extension ColorDepth {
    /// The depth to draw with, from the command line, the environment and the terminal.
    ///
    /// Precedence (shared/terminal.md 3.3): **CLI flag > `NO_COLOR` > terminal capability**.
    /// - `flag`: `.never` → `.none`; `.depth(d)` → `d`; `.always` → the terminal's depth but at
    ///   least `.ansi16` (it overrides `NO_COLOR`); `.auto` or nil → look further.
    /// - `noColorEnv`: the value of `NO_COLOR`; present **and non-empty** means `.none`
    ///   (no-color.org; an empty `NO_COLOR=` is ignored, as htop does).
    /// - `terminalColors`: what the terminal reports (ncurses `COLORS`): ≥ 16 777 216 →
    ///   `.trueColor`, ≥ 256 → `.palette256`, ≥ 8 → `.ansi16`, otherwise `.none`.
    /// Config-file settings, if any, belong between `NO_COLOR` and capability; the caller maps
    /// them to `flag` when no CLI flag was given.
    public static func resolve(flag: ColorChoice?, noColorEnv: String?, terminalColors: Int) -> ColorDepth {
        let capability = fromTerminalColors(terminalColors)
        switch flag ?? .auto {
        case .never: return .none
        case .depth(let d): return d
        case .always: return max(capability, .ansi16)
        case .auto:
            if let value = noColorEnv, !value.isEmpty { return .none }
            return capability
        }
    }

    /// The depth for a number of terminal colours (ncurses `COLORS`).
    public static func fromTerminalColors(_ colors: Int) -> ColorDepth {
        if colors >= ColorDepth.trueColor.rawValue { return .trueColor }
        if colors >= 256 { return .palette256 }
        if colors >= 8 { return .ansi16 }
        return .none
    }
}
