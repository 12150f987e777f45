import Canvas
import Foundation

/// Finds colour themes (btop syntax) on disk: the user's `$XDG_CONFIG_HOME/spiketty/themes`
/// (or `~/.config/spiketty/themes`), the current directory's `themes/` and the checkout's
/// `themes/`. The built-in default is always available, so the app runs with no files.
public struct ThemeCatalog: Sendable {
    public var searchDirectories: [String]

    public init(searchDirectories: [String]) {
        self.searchDirectories = searchDirectories
    }

    public static func standard() -> ThemeCatalog {
        let env = ProcessInfo.processInfo.environment
        var dirs: [String] = []
        if let xdg = env["XDG_CONFIG_HOME"], !xdg.isEmpty {
            dirs.append(xdg + "/spiketty/themes")
        } else if let home = env["HOME"], !home.isEmpty {
            dirs.append(home + "/.config/spiketty/themes")
        }
        dirs.append(FileManager.default.currentDirectoryPath + "/themes")
        if let root = ResourceRoot.checkoutRoot() { dirs.append(root + "/themes") }
        var seen = Set<String>()
        return ThemeCatalog(searchDirectories: dirs.filter { seen.insert(($0 as NSString).standardizingPath).inserted })
    }

    /// The themes `t` cycles through, which one to start with, and warnings about bad lines.
    public struct Selection: Sendable {
        public var themes: [Theme]
        public var index: Int
        public var warnings: [String]
    }

    /// Every theme found (first directory wins per name), the built-in default first.
    /// Files that are not themes at all are skipped with a warning.
    public func all() -> (themes: [Theme], warnings: [String]) {
        var byName: [String: Theme] = [:]
        var warnings: [String] = []
        for dir in searchDirectories {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for entry in entries.sorted() where entry.hasSuffix(".theme") {
                let name = Theme.themeName(fromFileName: entry)
                guard byName[name] == nil else { continue }
                do {
                    let (theme, problems) = try ThemeCatalog.load(path: dir + "/" + entry)
                    byName[name] = theme
                    warnings += problems
                } catch {
                    warnings.append(error.description)
                }
            }
        }
        var themes = [byName.removeValue(forKey: "default") ?? Theme.builtInDefault]
        themes += byName.keys.sorted().compactMap { byName[$0] }
        return (themes, warnings)
    }

    /// The theme list with `requested` (a name or a path) selected; nil selects the default.
    public func select(_ requested: String?) throws(LoadError) -> Selection {
        var (themes, warnings) = all()
        guard let requested else { return Selection(themes: themes, index: 0, warnings: []) }
        if requested.contains("/") || requested.hasSuffix(".theme") {
            let (theme, problems) = try ThemeCatalog.load(path: requested)
            themes.removeAll { $0.name == theme.name }
            themes.insert(theme, at: 0)
            return Selection(themes: themes, index: 0, warnings: problems)
        }
        guard let index = themes.firstIndex(where: { $0.name == requested }) else {
            throw LoadError(message: "no theme named '\(requested)'; available: "
                            + themes.map(\.name).joined(separator: ", ") + " (or give a path to a .theme file)")
        }
        warnings = warnings.filter { $0.contains(requested + ".theme") }
        return Selection(themes: themes, index: index, warnings: warnings)
    }

    /// Loads one theme file; bad lines come back as warnings naming file and line.
    public static func load(path: String) throws(LoadError) -> (Theme, [String]) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LoadError(message: "\(path): cannot read the theme file (\(error.localizedDescription))")
        }
        do {
            let (theme, warnings) = try Theme.load(text: text, fileName: path)
            return (theme, warnings.map(\.description))
        } catch {
            throw LoadError(message: error.description)
        }
    }
}
