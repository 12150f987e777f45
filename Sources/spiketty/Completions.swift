import App
import ArgumentParser

/// Shell completions for the arguments that name things spiketty knows: scenarios, themes,
/// session logs, benchmark workloads (swift-argument-parser generates the scripts:
/// `spiketty --generate-completion-script bash|zsh|fish`; the custom lists are computed by the
/// installed binary when the shell asks).
enum Completions {
    /// Scenario names from the search path, then `.toml` files.
    static let scenarios = CompletionKind.custom { _, _, prefix in
        ScenarioLocator.standard().available().map(\.name).filter { $0.hasPrefix(prefix) }
    }

    /// Theme names from themes/ and ~/.config/spiketty/themes.
    static let themes = CompletionKind.custom { _, _, prefix in
        ThemeCatalog.standard().all().themes.map(\.name).filter { $0.hasPrefix(prefix) }
    }

    /// Session logs.
    static let logs = CompletionKind.file(extensions: ["stlog"])

    /// Hardware profiles of `--hardware`.
    static let hardware = CompletionKind.list(["ideal", "bss1", "bss2"])
}
