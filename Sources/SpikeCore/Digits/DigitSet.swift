/// A set of labelled grey-level digit images (science.md 3.4 step 1: the UCI "optdigits" 8×8
/// set, pixel values 0…16 = count of on-pixels in a 4×4 block of a 32×32 bitmap).
///
/// Pixels are stored row-major, one image after another. Parsing is from text (the project's
/// compact seed format, `init(text:)`); reading the file is the Scenarios target's job.
public struct DigitSet: Sendable, Equatable {
    /// Image width and height in pixels.
    public let width: Int
    public let height: Int
    /// Largest pixel value (16 for optdigits); grey level = value / levels ∈ [0, 1].
    public let levels: Int
    /// Pixel values, `count * pixelCount` of them, image after image.
    public let pixels: [UInt8]
    /// Class label (0…9) of each image.
    public let labels: [Int]

    /// Number of classes (digits 0…9).
    public static let classCount = 10

    public init(width: Int, height: Int, levels: Int, pixels: [UInt8], labels: [Int]) {
        precondition(width > 0 && height > 0 && levels > 0, "digit set needs a positive size and level count")
        precondition(pixels.count == labels.count * width * height, "expected \(labels.count * width * height) pixels, got \(pixels.count)")
        precondition(labels.allSatisfy { (0..<Self.classCount).contains($0) }, "labels must be 0...9")
        self.width = width
        self.height = height
        self.levels = levels
        self.pixels = pixels
        self.labels = labels
    }

    /// Number of images.
    public var count: Int { labels.count }
    /// Pixels per image.
    public var pixelCount: Int { width * height }

    /// Grey levels of image `i` in [0, 1] (value / levels).
    public func greyLevels(_ i: Int) -> [Double] {
        let start = i * pixelCount
        return pixels[start..<start + pixelCount].map { Double($0) / Double(levels) }
    }

    /// Binarised image `i`: pixel > threshold (science.md 3.4: value > 8/16 → 1).
    public func binary(_ i: Int, threshold: Int? = nil) -> [Bool] {
        let t = threshold ?? levels / 2
        let start = i * pixelCount
        return pixels[start..<start + pixelCount].map { Int($0) > t }
    }

    /// The images with the given indices, in that order.
    public func subset(_ indices: [Int]) -> DigitSet {
        var p: [UInt8] = []
        p.reserveCapacity(indices.count * pixelCount)
        for i in indices { p += pixels[i * pixelCount..<(i + 1) * pixelCount] }
        return DigitSet(width: width, height: height, levels: levels, pixels: p, labels: indices.map { labels[$0] })
    }

    /// Deterministic train / held-out split: image i is held out when i % period == period − 1
    /// (period 5 → every fifth image, 20 %; the file's order is mixed across classes).
    public func split(heldOutPeriod period: Int = 5) -> (training: DigitSet, heldOut: DigitSet) {
        precondition(period >= 2, "held-out period must be at least 2")
        let all = Array(0..<count)
        return (subset(all.filter { $0 % period != period - 1 }), subset(all.filter { $0 % period == period - 1 }))
    }

    /// Number of images per class.
    public var classCounts: [Int] {
        var c = Array(repeating: 0, count: Self.classCount)
        for l in labels { c[l] += 1 }
        return c
    }
}
