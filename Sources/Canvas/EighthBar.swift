/// Vertical bars built from eighth blocks `▁▂▃▄▅▆▇█`, shared by bar charts, histograms and
/// sparklines.
public enum EighthBar {
    /// The height in eighths of a cell for `fraction` (0...1) of `rows` rows; a positive
    /// fraction gets at least one eighth so small values stay visible.
    public static func eighths(_ fraction: Double, rows: Int) -> Int {
        guard fraction.isFinite, fraction > 0, rows > 0 else { return 0 }
        return max(1, min(rows * 8, Int((fraction * Double(rows * 8)).rounded())))
    }

    /// Draws a bar `eighths` high in column `x`, its foot on row `bottom` (growing upward,
    /// at most `rows` rows), in `style`, clipped to `clip`.
    public static func draw(into buffer: inout CellBuffer, x: Int, bottom: Int, rows: Int, eighths: Int,
                            style: Style, clip: Rect) {
        var left = min(max(0, eighths), rows * 8)
        var y = bottom
        while left > 0 {
            buffer.put(Glyphs.eighths[min(8, left)], x: x, y: y, style: style, clip: clip)
            left -= 8
            y -= 1
        }
    }
}
