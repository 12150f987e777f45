/// A small grey-level image drawn with half blocks (two pixels per cell, shared/terminal.md 5.5),
/// scaled up by the largest whole factor that fits, with an optional caption centred under it.
/// Intensities 0...1 are coloured through the theme's `pixel` gradient; terminals without
/// enough colours get shade glyphs (HalfBlockCanvas).
public struct GreyImage: Sendable {
    /// Image size in pixels and its intensities, row-major, row 0 at the top.
    public var width: Int
    public var height: Int
    public var values: [Double]
    public var caption: String
    /// Largest scale factor to use (nil: as large as fits).
    public var maxScale: Int?

    public init(width: Int, height: Int, values: [Double], caption: String = "", maxScale: Int? = nil) {
        self.width = width
        self.height = height
        self.values = values
        self.caption = caption
        self.maxScale = maxScale
    }

    /// The scale that fits `area` (at least 1), leaving a row for the caption.
    public func scale(for area: Rect) -> Int {
        let rows = area.height - (caption.isEmpty ? 0 : 1)
        guard width > 0, height > 0 else { return 1 }
        let fit = max(1, min(area.width / width, (2 * rows) / height))
        return min(fit, maxScale ?? fit)
    }

    /// Cells the image occupies at scale `s` (caption row included).
    public func size(scale s: Int) -> (width: Int, height: Int) {
        (width * s, (height * s + 1) / 2 + (caption.isEmpty ? 0 : 1))
    }

    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        guard area.width > 0, area.height > 0, values.count == width * height else { return }
        let s = scale(for: area)
        let size = size(scale: s)
        let x0 = area.x + max(0, (area.width - size.width) / 2)
        // As a HalfBlockCanvas of (width·s) x ⌈height·s / 2⌉ cells with every pixel set (HalfBlockImagePainter).
        let canvasRows = (height * s + 1) / 2
        var painter = HalfBlockImagePainter(gradient: theme.gradient(.pixel), depth: theme.depth)
        let imageRows = min(canvasRows, area.height - (caption.isEmpty ? 0 : 1))
        painter.draw(values, imageWidth: width, imageHeight: height, scale: s, cellRows: canvasRows,
                     into: &buffer, area: Rect(x: x0, y: area.y, width: min(size.width, area.width), height: max(0, imageRows)))
        if !caption.isEmpty, imageRows < area.height {
            let text = String(caption.prefix(area.width))
            let cx = area.x + max(0, (area.width - text.count) / 2)
            _ = buffer.put(text, x: cx, y: area.y + imageRows, style: theme.style(.text), clip: area)
        }
    }
}

/// A row of small captioned images, newest on the right (a film strip of samples): as many of
/// the latest images as fit, at scale 1, one column apart.
public struct FilmStrip: Sendable {
    public var images: [GreyImage]

    public init(images: [GreyImage]) {
        self.images = images
    }

    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        guard let first = images.first, area.width > 0, area.height > 0 else { return }
        let frameWidth = max(first.width, first.caption.count)
        let fitting = max(0, (area.width + 1) / (frameWidth + 1))
        let shown = images.suffix(fitting)
        for (k, image) in shown.enumerated() {
            var single = image
            single.maxScale = 1
            let rect = Rect(x: area.x + k * (frameWidth + 1), y: area.y, width: frameWidth, height: area.height)
            single.render(into: &buffer, area: rect, theme: theme)
        }
    }
}
