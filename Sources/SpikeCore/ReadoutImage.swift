/// A small grey-level image an experiment shows (e.g. the visible layer of a sampling network
/// averaged over a window), with a caption (classifier label and confidence).
public struct ReadoutImage: Sendable, Equatable {
    /// Role of the image on the screen, e.g. "dream" or "completion".
    public var label: String
    public var width: Int
    public var height: Int
    /// Grey levels in [0, 1], row-major, row 0 at the top (`width * height` values).
    public var values: [Double]
    /// Short text shown under the image ("7 0.93").
    public var caption: String
    /// Biological time at the end of the window the image was read out over, ms.
    public var timeMs: Double

    public init(label: String, width: Int, height: Int, values: [Double], caption: String, timeMs: Double) {
        precondition(values.count == width * height, "image needs width × height values")
        self.label = label
        self.width = width
        self.height = height
        self.values = values
        self.caption = caption
        self.timeMs = timeMs
    }
}
