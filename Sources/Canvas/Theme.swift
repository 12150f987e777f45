/// A resolved colour theme: every key has a colour, every gradient 101 steps.
///
/// Load one from text in btop's syntax with `Theme.load(text:fileName:)` (reading the file is
/// the caller's job), or use `Theme.builtIn(named: "default")`. Widgets ask for styles by role
/// (`theme.style(.title)`) and colours by gradient (`theme.gradient(.spike).color(at: 0.7)`).
/// A theme is reduced once per terminal with `reduced(to:)`; at `.none` (NO_COLOR) every colour
/// becomes the terminal default and roles that need to stand out use attributes instead.
public struct Theme: Hashable, Sendable {
    /// The name shown to users (the file name without `.theme`).
    public var name: String
    /// Every single-colour key (see `ThemeKeys.colors`) with its resolved colour.
    public private(set) var colors: [String: Color]
    /// Every gradient with its 101 steps.
    public private(set) var gradients: [GradientName: Gradient]
    /// The colour depth the colours have been reduced to (`.trueColor` when not reduced).
    public private(set) var depth: ColorDepth

    /// A theme from explicit maps; missing keys are taken from `base`.
    public init(name: String, colors: [String: Color], gradients: [GradientName: Gradient],
                depth: ColorDepth = .trueColor, base: Theme? = nil) {
        self.name = name
        self.colors = (base?.colors ?? [:]).merging(colors) { $1 }
        self.gradients = (base?.gradients ?? [:]).merging(gradients) { $1 }
        self.depth = depth
    }

    /// The colour of a single-colour key (`.default` for unknown keys).
    public func color(forKey key: String) -> Color { colors[key] ?? .default }

    /// The gradient `name` (flat `.default` if somehow absent).
    public func gradient(_ name: GradientName) -> Gradient { gradients[name] ?? .flat(.default) }

    /// The theme with every colour reduced to `depth` (reduce from the unreduced theme).
    public func reduced(to depth: ColorDepth) -> Theme {
        var copy = self
        copy.colors = colors.mapValues { ColorReduction.reduce($0, to: depth) }
        copy.gradients = gradients.mapValues { $0.reduced(to: depth) }
        copy.depth = min(self.depth, depth)
        return copy
    }

    // MARK: Loading

    /// Loads a theme from text in btop syntax; missing keys come from `base` (the built-in default).
    ///
    /// Returns the theme and the warnings for bad lines (the caller decides whether to show
    /// them or refuse the file); throws only when the text has no theme line at all.
    /// ```swift
    /// let text = try String(contentsOfFile: path)            // the caller reads the file
    /// let (theme, warnings) = try Theme.load(text: text, fileName: "nord.theme")
    /// for w in warnings { log(w.description) }               // "nord.theme: line 12: theme[…]: …"
    /// ```
    public static func load(text: String, fileName: String, base: Theme = .defaultTheme) throws(ThemeError)
        -> (theme: Theme, warnings: [ThemeWarning])
    {
        let parsed = try ThemeParser.parse(text, fileName: fileName)
        return (resolve(parsed.values, name: themeName(fromFileName: fileName), base: base), parsed.warnings)
    }

    /// Builds a theme from parsed values, applying btop's and our fallbacks, then `base`.
    public static func resolve(_ values: [String: ThemeParser.Value], name: String, base: Theme?) -> Theme {
        var colors: [String: Color] = [:]
        for key in ThemeKeys.btopColors {
            switch values[key] {
            case .color(let c)?: colors[key] = c
            case .empty? where key == "main_bg": colors[key] = .default
            default: break
            }
        }
        for (key, source) in ThemeKeys.derivedColors where colors[key] == nil {
            if let c = colors[source] ?? base?.colors[source] { colors[key] = c }
        }
        for (key, fallback) in ThemeKeys.extraColors {
            if case .color(let c)? = values[key] {
                colors[key] = c
            } else if let c = colors[fallback] {
                colors[key] = c
            }
        }
        var gradients: [GradientName: Gradient] = [:]
        func gradient(_ name: GradientName) -> Gradient? {
            if case .color(let start)? = values[name.rawValue + "_start"] {
                func stop(_ suffix: String) -> Color? {
                    if case .color(let c)? = values[name.rawValue + suffix] { return c }
                    return nil
                }
                return Gradient(start: start, mid: stop("_mid"), end: stop("_end"))
            }
            return name.fallback.flatMap(gradient)
        }
        for name in GradientName.allCases {
            if let g = gradient(name) { gradients[name] = g }
        }
        return Theme(name: name, colors: colors, gradients: gradients, base: base)
    }

    /// `"~/x/nord.theme"` → `"nord"`.
    public static func themeName(fromFileName fileName: String) -> String {
        var name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        if name.hasSuffix(".theme") { name.removeLast(6) }
        return name
    }

    // MARK: Built-in themes

    /// The built-in dark theme (the text of `themes/default.theme`), used when no file is found
    /// and as the base every loaded theme falls back to.
    public static let defaultTheme: Theme = {
        do {
            let parsed = try ThemeParser.parse(defaultThemeText, fileName: "default.theme")
            return resolve(parsed.values, name: "default", base: nil)
        } catch {
            fatalError("built-in default theme does not parse: \(error)")
        }
    }()

    /// The built-in default theme (same as `defaultTheme`).
    public static var builtInDefault: Theme { defaultTheme }

    /// Names accepted by `builtIn(named:)`.
    public static let builtInNames = ["default"]

    /// A theme compiled into the binary, so the app works with no theme files: `"default"`.
    public static func builtIn(named name: String) -> Theme? {
        switch name.lowercased() {
        case "default": return defaultTheme
        default: return nil
        }
    }
}
