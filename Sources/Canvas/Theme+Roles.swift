extension Theme {
    /// What a piece of the screen is, so widgets ask for meaning rather than colour keys.
    public enum Role: String, CaseIterable, Hashable, Sendable {
        /// Ordinary text (`main_fg` on `main_bg`).
        case text
        /// Box titles and emphasised figures (`title`, bold).
        case title
        /// Hotkey letters in titles and the key bar (`hi_fg`, bold).
        case hotkey
        /// Inactive or secondary text (`inactive_fg`; dim attribute without colour).
        case dim
        /// A generic pane outline (`cpu_box`, btop's first box colour).
        case box
        /// The spike-raster pane outline (`raster_box`).
        case rasterBox
        /// The dreamed-images pane outline (`dream_box`).
        case dreamBox
        /// The energy pane outline (`energy_box`).
        case energyBox
        /// The learning-curve pane outline (`curve_box`).
        case curveBox
        /// The selected item (`selected_fg` on `selected_bg`; reverse without colour).
        case selected
        /// Axis ticks and labels inside graphs (`graph_text`).
        case graphText
        /// Divider lines and axes (`div_line`).
        case divider
        /// The empty part of meters and bars (`meter_bg`).
        case meter
        /// The title bar (`title` on `selected_bg`, bold; reverse without colour).
        case titleBar
        /// A value that is fine (start of the `spike` gradient, green in the default theme).
        case good
        /// A value that is not fine (end of the `spike` gradient, red; bold).
        case bad
    }

    /// The style for a role, with `main_bg` as background unless the role has its own.
    public func style(_ role: Role) -> Style {
        let bg = color(forKey: "main_bg")
        let noColor = depth == .none
        func fg(_ key: String, _ attributes: Attributes = []) -> Style {
            Style(foreground: color(forKey: key), background: bg, attributes: attributes)
        }
        switch role {
        case .text: return fg("main_fg")
        case .title: return fg("title", .bold)
        case .hotkey: return fg("hi_fg", noColor ? [.bold, .underline] : .bold)
        case .dim: return fg("inactive_fg", noColor ? .dim : [])
        case .box: return fg("cpu_box")
        case .rasterBox: return fg("raster_box")
        case .dreamBox: return fg("dream_box")
        case .energyBox: return fg("energy_box")
        case .curveBox: return fg("curve_box")
        case .graphText: return fg("graph_text")
        case .divider: return fg("div_line", noColor ? .dim : [])
        case .meter: return fg("meter_bg", noColor ? .dim : [])
        case .selected:
            return Style(foreground: color(forKey: "selected_fg"), background: color(forKey: "selected_bg"),
                         attributes: noColor ? .reverse : [])
        case .titleBar:
            return Style(foreground: color(forKey: "title"), background: color(forKey: "selected_bg"),
                         attributes: noColor ? [.bold, .reverse] : .bold)
        case .good: return Style(foreground: gradient(.spike).color(at: 0), background: bg)
        case .bad: return Style(foreground: gradient(.spike).color(at: 1), background: bg, attributes: .bold)
        }
    }

    /// The colour of a data series: a role's foreground, a gradient position or a fixed colour.
    public func color(_ series: SeriesColor) -> Color {
        switch series {
        case .role(let role): return style(role).foreground
        case .gradient(let name, let at): return gradient(name).color(at: at)
        case .fixed(let c): return ColorReduction.reduce(c, to: depth)
        }
    }
}

/// How a widget colours one data series.
public enum SeriesColor: Hashable, Sendable {
    /// The foreground of a theme role.
    case role(Theme.Role)
    /// A position 0...1 along one of the theme's gradients.
    case gradient(GradientName, Double)
    /// A fixed colour (reduced to the theme's depth).
    case fixed(Color)
}
