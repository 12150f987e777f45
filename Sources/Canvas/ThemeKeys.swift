/// The theme keys spiketty understands: btop's full set plus our own, with their fallbacks.
///
/// btop's keys keep btop's meaning so a btop theme loads unchanged. Our extra keys fall back
/// to a btop key when a file leaves them out (shared/terminal.md 3.4):
/// `raster_box` ← `cpu_box`, `dream_box` ← `mem_box`, `energy_box` ← `net_box`,
/// `curve_box` ← `proc_box`; gradients `spike_*` ← `cpu_*`, `energy_*` ← `temp_*`,
/// `train_*` ← `process_*` (← `cpu_*`), `pixel_*` ← the built-in grey ramp.
public enum ThemeKeys {
    /// btop's single-colour keys.
    public static let btopColors = [
        "main_bg", "main_fg", "title", "hi_fg", "selected_bg", "selected_fg", "inactive_fg",
        "graph_text", "meter_bg", "proc_misc", "cpu_box", "mem_box", "net_box", "proc_box", "div_line",
    ]

    /// Our single-colour keys and the btop key each falls back to.
    public static let extraColors: [(key: String, fallback: String)] = [
        ("raster_box", "cpu_box"), ("dream_box", "mem_box"), ("energy_box", "net_box"), ("curve_box", "proc_box"),
    ]

    /// btop keys that, when missing, copy another key of the same file (btop's own rule).
    public static let derivedColors: [(key: String, source: String)] = [
        ("meter_bg", "inactive_fg"), ("graph_text", "inactive_fg"),
    ]

    /// Every single-colour key.
    public static let colors: [String] = btopColors + extraColors.map(\.key)

    /// Every key the parser accepts (colours plus `<gradient>_start|_mid|_end`).
    public static let all: Set<String> = {
        var keys = Set(colors)
        for name in GradientName.allCases {
            for suffix in ["_start", "_mid", "_end"] { keys.insert(name.rawValue + suffix) }
        }
        return keys
    }()
}

/// The 101-step gradients a theme defines: btop's nine and our four.
public enum GradientName: String, CaseIterable, Hashable, Sendable {
    case temp, cpu, free, cached, available, used, download, upload, process
    /// Raster dots by density (fallback `cpu`).
    case spike
    /// Grey-level images, intensity 0...1 (fallback: the built-in grey ramp).
    case pixel
    /// Energy landscapes, low to high (fallback `temp`).
    case energy
    /// Learning curves and paired series (fallback `process`).
    case train

    /// The gradient used when a file sets none of this gradient's keys (nil: the built-in one).
    public var fallback: GradientName? {
        switch self {
        case .spike: return .cpu
        case .energy: return .temp
        case .train: return .process
        case .process: return .cpu
        default: return nil
        }
    }
}
