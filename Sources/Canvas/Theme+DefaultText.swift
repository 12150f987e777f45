extension Theme {
    /// The text of the built-in default theme; `themes/default.theme` holds the same text.
    public static let defaultThemeText = """
    # spiketty default theme: dark, btop's default colours plus spiketty's keys.
    # Syntax: btop themes (https://github.com/aristocratos/btop, themes/*.theme).
    # Colors should be in 6 or 2 character hexadecimal or single spaced rgb decimal:
    # "#RRGGBB", "#BW" or "0-255 0-255 0-255"; example for white: "#FFFFFF", "#ff" or "255 255 255".
    # Unknown keys are ignored; keys missing from a theme file use this file's values.
    # Gradients have 101 steps: set "start" only for one colour, "start" and "end" for two,
    # "start", "mid" and "end" for three; leave "mid" and "end" empty ("") to skip them.

    # Main background, empty for terminal default (transparent)
    theme[main_bg]=""

    # Main text color
    theme[main_fg]="#cc"

    # Title color for boxes
    theme[title]="#ee"

    # Highlight color for keyboard shortcuts
    theme[hi_fg]="#b54040"

    # Background and text of the selected item and of the title bar
    theme[selected_bg]="#6a2f2f"
    theme[selected_fg]="#ee"

    # Inactive or secondary text
    theme[inactive_fg]="#40"

    # Axis ticks and labels in graphs
    theme[graph_text]="#60"

    # Empty part of meters and bars
    theme[meter_bg]="#40"

    # Misc colors (btop: processes box)
    theme[proc_misc]="#0de756"

    # btop box outlines (our panes fall back to these)
    theme[cpu_box]="#556d59"
    theme[mem_box]="#6c6c4b"
    theme[net_box]="#5c588d"
    theme[proc_box]="#805252"

    # Divider lines and axes
    theme[div_line]="#30"

    # btop gradients
    theme[temp_start]="#4897d4"
    theme[temp_mid]="#5474e8"
    theme[temp_end]="#ff40b6"
    theme[cpu_start]="#77ca9b"
    theme[cpu_mid]="#cbc06c"
    theme[cpu_end]="#dc4c4c"
    theme[free_start]="#384f21"
    theme[free_mid]="#b5e685"
    theme[free_end]="#dcff85"
    theme[cached_start]="#163350"
    theme[cached_mid]="#74e6fc"
    theme[cached_end]="#26c5ff"
    theme[available_start]="#4e3f0e"
    theme[available_mid]="#ffd77a"
    theme[available_end]="#ffb814"
    theme[used_start]="#592b26"
    theme[used_mid]="#d9626d"
    theme[used_end]="#ff4769"
    theme[download_start]="#291f75"
    theme[download_mid]="#4f43a3"
    theme[download_end]="#b0a9de"
    theme[upload_start]="#620665"
    theme[upload_mid]="#7d4180"
    theme[upload_end]="#dcafde"
    theme[process_start]="#80d0a3"
    theme[process_mid]="#dcd179"
    theme[process_end]="#d45454"

    # spiketty pane outlines (fallback: cpu_box, mem_box, net_box, proc_box)
    theme[raster_box]="#556d59"
    theme[dream_box]="#6c6c4b"
    theme[energy_box]="#5c588d"
    theme[curve_box]="#805252"

    # Raster dots by density (fallback: cpu_*)
    theme[spike_start]="#77ca9b"
    theme[spike_mid]="#cbc06c"
    theme[spike_end]="#dc4c4c"

    # Grey-level images, intensity 0 to 1 (fallback: this grey ramp)
    theme[pixel_start]="#00"
    theme[pixel_mid]=""
    theme[pixel_end]="#ff"

    # Energy, low to high (fallback: temp_*)
    theme[energy_start]="#4897d4"
    theme[energy_mid]="#5474e8"
    theme[energy_end]="#ff40b6"

    # Learning curves and paired series such as target vs sampled (fallback: process_*)
    theme[train_start]="#80d0a3"
    theme[train_mid]=""
    theme[train_end]="#d45454"

    """
}
