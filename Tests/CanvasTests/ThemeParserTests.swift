import Canvas
import Testing

/// btop's default theme as shipped (`themes/default.theme-sample` in btop's repository).
let btopDefaultTheme = """
#Bashtop theme with default colors and black background
#by aristocratos

# Colors should be in 6 or 2 character hexadecimal or single spaced rgb decimal: "#RRGGBB", "#BW" or "0-255 0-255 0-255"
# example for white: "#FFFFFF", "#ff" or "255 255 255".

# All graphs and meters can be gradients
# For single color graphs leave "mid" and "end" variable empty.
# Use "start" and "end" variables for two color gradient
# Use "start", "mid" and "end" for three color gradient

# Main background, empty for terminal default, need to be empty if you want transparent background
theme[main_bg]="#00"

# Main text color
theme[main_fg]="#cc"

# Title color for boxes
theme[title]="#ee"

# Highlight color for keyboard shortcuts
theme[hi_fg]="#90"

# Background color of selected item in processes box
theme[selected_bg]="#7e2626"

# Foreground color of selected item in processes box
theme[selected_fg]="#ee"

# Color of inactive/disabled text
theme[inactive_fg]="#40"

# Color of text appearing on top of graphs, i.e uptime and current network graph scaling
theme[graph_text]="#60"

# Background color of the percentage meters
theme[meter_bg]="#40"

# Misc colors for processes box including mini cpu graphs, details memory graph and details status text
theme[proc_misc]="#0de756"

# Cpu box outline color
theme[cpu_box]="#3d7b46"

# Memory/disks box outline color
theme[mem_box]="#8a882e"

# Net up/down box outline color
theme[net_box]="#423ba5"

# Processes box outline color
theme[proc_box]="#923535"

# Box divider line and small boxes line color
theme[div_line]="#30"

# Temperature graph colors
theme[temp_start]="#4897d4"
theme[temp_mid]="#5474e8"
theme[temp_end]="#ff40b6"

# CPU graph colors
theme[cpu_start]="#50f095"
theme[cpu_mid]="#f2e266"
theme[cpu_end]="#fa1e1e"

# Mem/Disk free meter
theme[free_start]="#223014"
theme[free_mid]="#b5e685"
theme[free_end]="#dcff85"

# Mem/Disk cached meter
theme[cached_start]="#0b1a29"
theme[cached_mid]="#74e6fc"
theme[cached_end]="#26c5ff"

# Mem/Disk available meter
theme[available_start]="#292107"
theme[available_mid]="#ffd77a"
theme[available_end]="#ffb814"

# Mem/Disk used meter
theme[used_start]="#3b1f1c"
theme[used_mid]="#d9626d"
theme[used_end]="#ff4769"

# Download graph colors
theme[download_start]="#231a63"
theme[download_mid]="#4f43a3"
theme[download_end]="#b0a9de"

# Upload graph colors
theme[upload_start]="#510554"
theme[upload_mid]="#7d4180"
theme[upload_end]="#dcafde"

# Process box color gradient for threads, mem and cpu usage
theme[process_start]="#80d0a3"
theme[process_mid]="#dcd179"
theme[process_end]="#d45454"
"""

/// A nord-like btop theme: btop keys only, no spiketty keys, no graph_text/meter_bg/process_*.
let nordLikeTheme = """
#Nord theme (btop syntax)
theme[main_bg]="#2E3440"
theme[main_fg]="#D8DEE9"
theme[title]="#8FBCBB"
theme[hi_fg]="#5E81AC"
theme[selected_bg]="#4C566A"
theme[selected_fg]="#ECEFF4"
theme[inactive_fg]="#4C566A"
theme[proc_misc]="#5E81AC"
theme[cpu_box]="#4C566A"
theme[mem_box]="#4C566A"
theme[net_box]="#4C566A"
theme[proc_box]="#4C566A"
theme[div_line]="#4C566A"
theme[temp_start]="#81A1C1"
theme[temp_mid]="#88C0D0"
theme[temp_end]="#ECEFF4"
theme[cpu_start]="#81A1C1"
theme[cpu_mid]="#88C0D0"
theme[cpu_end]="#ECEFF4"
"""

@Suite("Theme parser")
struct ThemeParserTests {
    @Test func btopDefaultThemeLoadsUnchanged() throws {
        let (theme, warnings) = try Theme.load(text: btopDefaultTheme, fileName: "default.theme-sample")
        #expect(warnings.isEmpty)
        #expect(theme.name == "default.theme-sample")
        #expect(theme.color(forKey: "main_bg") == .rgb(0, 0, 0))
        #expect(theme.color(forKey: "main_fg") == .rgb(0xcc, 0xcc, 0xcc))
        #expect(theme.color(forKey: "hi_fg") == .rgb(0x90, 0x90, 0x90))
        #expect(theme.color(forKey: "cpu_box") == .rgb(0x3d, 0x7b, 0x46))
        let cpu = theme.gradient(.cpu)
        #expect(cpu.steps.count == 101)
        #expect(cpu.steps[0] == .rgb(0x50, 0xf0, 0x95))
        #expect(cpu.steps[50] == .rgb(0xf2, 0xe2, 0x66))
        #expect(cpu.steps[100] == .rgb(0xfa, 0x1e, 0x1e))
    }

    @Test("our keys fall back to btop's: raster_box ← cpu_box, spike ← cpu, energy ← temp, train ← process")
    func extraKeysFallBackToBtopKeys() throws {
        let (theme, _) = try Theme.load(text: btopDefaultTheme, fileName: "btop")
        #expect(theme.color(forKey: "raster_box") == theme.color(forKey: "cpu_box"))
        #expect(theme.color(forKey: "dream_box") == theme.color(forKey: "mem_box"))
        #expect(theme.color(forKey: "energy_box") == theme.color(forKey: "net_box"))
        #expect(theme.color(forKey: "curve_box") == theme.color(forKey: "proc_box"))
        #expect(theme.gradient(.spike) == theme.gradient(.cpu))
        #expect(theme.gradient(.energy) == theme.gradient(.temp))
        #expect(theme.gradient(.train) == theme.gradient(.process))
        #expect(theme.gradient(.pixel) == Theme.defaultTheme.gradient(.pixel))
    }

    @Test func nordLikeThemeUsesBtopsDerivedFallbacks() throws {
        let (theme, warnings) = try Theme.load(text: nordLikeTheme, fileName: "themes/nord.theme")
        #expect(warnings.isEmpty)
        #expect(theme.name == "nord")
        #expect(theme.color(forKey: "main_bg") == .rgb(0x2e, 0x34, 0x40))
        // graph_text and meter_bg ← inactive_fg; process_* ← cpu_*; train ← process.
        #expect(theme.color(forKey: "graph_text") == .rgb(0x4c, 0x56, 0x6a))
        #expect(theme.color(forKey: "meter_bg") == .rgb(0x4c, 0x56, 0x6a))
        #expect(theme.gradient(.process) == theme.gradient(.cpu))
        #expect(theme.gradient(.train) == theme.gradient(.cpu))
        #expect(theme.color(forKey: "raster_box") == .rgb(0x4c, 0x56, 0x6a))
        // Keys the file lacks entirely come from the built-in default.
        #expect(theme.gradient(.free) == Theme.defaultTheme.gradient(.free))
        #expect(theme.style(.text) == Style(foreground: .rgb(0xd8, 0xde, 0xe9), background: .rgb(0x2e, 0x34, 0x40)))
    }

    @Test func badValuesBecomeWarningsWithLineNumbers() throws {
        let text = """
        # a theme with mistakes
        theme[main_fg]="#zz"
        theme[title]="#ee"
        theme[hi_fg]="300 0 0"
        theme[selected_bg]="#12345"
        theme[inactive_fg]="1 2"
        this is not a theme line
        theme[cpu_start]="#50f095
        """
        let (theme, warnings) = try Theme.load(text: text, fileName: "bad.theme")
        #expect(warnings.map(\.lineMessage) == [
            "line 2: theme[main_fg]: expected \"#RRGGBB\", \"#BW\" or \"R G B\", got \"#zz\"",
            "line 4: theme[hi_fg]: expected \"#RRGGBB\", \"#BW\" or \"R G B\", got \"300 0 0\"",
            "line 5: theme[selected_bg]: expected \"#RRGGBB\", \"#BW\" or \"R G B\", got \"#12345\"",
            "line 6: theme[inactive_fg]: expected \"#RRGGBB\", \"#BW\" or \"R G B\", got \"1 2\"",
            "line 7: expected a line like theme[main_fg]=\"#cc\", got \"this is not a theme line\"",
            "line 8: theme[cpu_start]: missing closing quote after \"#50f095",
        ])
        #expect(warnings[0].description.hasPrefix("bad.theme: line 2: "))
        // Bad keys fall back to the default; good ones still count.
        #expect(theme.color(forKey: "main_fg") == Theme.defaultTheme.color(forKey: "main_fg"))
        #expect(theme.color(forKey: "title") == .rgb(0xee, 0xee, 0xee))
    }

    @Test func valueForms() {
        #expect(ThemeParser.parseValue("#FFFFFF") == .color(.rgb(255, 255, 255)))
        #expect(ThemeParser.parseValue("#ff") == .color(.rgb(255, 255, 255)))
        #expect(ThemeParser.parseValue("255 255 255") == .color(.rgb(255, 255, 255)))
        #expect(ThemeParser.parseValue("  12  34 56 ") == .color(.rgb(12, 34, 56)))
        #expect(ThemeParser.parseValue("#2E3440") == .color(.rgb(0x2e, 0x34, 0x40)))
        #expect(ThemeParser.parseValue("") == .empty)
        for bad in ["#f", "#fffffff", "#gg0000", "red", "1 2 3 4", "-1 0 0", "256 0 0"] {
            #expect(ThemeParser.parseValue(bad) == nil, "\(bad)")
        }
    }

    @Test func commentsUnknownKeysAndQuotesFollowBtop() throws {
        let text = """
        #comment theme[main_fg]="#11"
          # indented comment
        theme[main_fg]="#22"   # trailing comment after the quotes
        theme[no_such_key]="#33"
        theme[title]=#44
        theme[ hi_fg ] = "#55"
        theme[main_bg]=""
        """
        let result = try ThemeParser.parse(text, fileName: "t")
        #expect(result.warnings.isEmpty)
        #expect(result.values["main_fg"] == .color(.rgb(0x22, 0x22, 0x22)))
        #expect(result.values["title"] == .color(.rgb(0x44, 0x44, 0x44)))
        #expect(result.values["hi_fg"] == .color(.rgb(0x55, 0x55, 0x55)))
        #expect(result.ignoredKeys.map(\.key) == ["no_such_key"])
        #expect(result.ignoredKeys.map(\.line) == [4])
        let theme = Theme.resolve(result.values, name: "t", base: .defaultTheme)
        #expect(theme.color(forKey: "main_bg") == .default)  // "" = transparent
    }

    @Test("a text without any theme line is an error", arguments: ["", "# only comments\n\n", "[section]\nkey = 1\n"])
    func noThemeLinesIsAnError(text: String) {
        #expect(throws: ThemeError.noThemeLines(fileName: "x.toml")) {
            _ = try Theme.load(text: text, fileName: "x.toml")
        }
    }

    @Test func missingKeysFallBackToDefaults() throws {
        let (theme, warnings) = try Theme.load(text: "theme[main_fg]=\"#10\"", fileName: "tiny")
        #expect(warnings.isEmpty)
        #expect(theme.color(forKey: "main_fg") == .rgb(16, 16, 16))
        // btop's derived keys copy inactive_fg when missing; everything else is the default.
        #expect(theme.color(forKey: "graph_text") == Theme.defaultTheme.color(forKey: "inactive_fg"))
        #expect(theme.color(forKey: "meter_bg") == Theme.defaultTheme.color(forKey: "inactive_fg"))
        for key in ThemeKeys.colors where !["main_fg", "graph_text", "meter_bg"].contains(key) {
            #expect(theme.color(forKey: key) == Theme.defaultTheme.color(forKey: key), "\(key)")
        }
        #expect(theme.gradients == Theme.defaultTheme.gradients)
    }

    @Test func emptyMidAndEndMeanNoStop() throws {
        let (theme, _) = try Theme.load(text: """
            theme[spike_start]="#10"
            theme[spike_mid]=""
            theme[spike_end]=""
            theme[train_start]="#00"
            theme[train_mid]=""
            theme[train_end]="#c8"
            """, fileName: "g")
        #expect(Set(theme.gradient(.spike).steps) == [.rgb(16, 16, 16)])
        #expect(theme.gradient(.train).steps[50] == .rgb(100, 100, 100))
    }

    @Test func builtInDefaultIsCompleteAndNamed() {
        let theme = Theme.builtIn(named: "default")
        #expect(theme != nil)
        #expect(Theme.builtIn(named: "Default") == theme)
        #expect(Theme.builtIn(named: "nope") == nil)
        for key in ThemeKeys.colors { #expect(theme?.colors[key] != nil, "\(key)") }
        for name in GradientName.allCases { #expect(theme?.gradients[name]?.steps.count == 101, "\(name)") }
        #expect(theme?.color(forKey: "main_bg") == .default)
    }
}
