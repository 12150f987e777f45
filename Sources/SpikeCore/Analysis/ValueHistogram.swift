/// Fixed equal-width bins over [lowerEdge, lowerEdge + binCount·binWidth); values outside are
/// counted separately, not clamped into the edge bins.
public struct ValueHistogram: Sendable, Equatable {
    public let lowerEdge: Double
    public let binWidth: Double
    private let inverseBinWidth: Double
    public private(set) var counts: [Double]
    public private(set) var below = 0.0
    public private(set) var above = 0.0

    public init(lowerEdge: Double, upperEdge: Double, binCount: Int) {
        precondition(binCount > 0 && upperEdge > lowerEdge)
        self.lowerEdge = lowerEdge
        binWidth = (upperEdge - lowerEdge) / Double(binCount)
        inverseBinWidth = 1 / binWidth
        counts = Array(repeating: 0, count: binCount)
    }

    public var binCount: Int { counts.count }
    public var upperEdge: Double { lowerEdge + Double(binCount) * binWidth }
    public func binCentre(_ i: Int) -> Double { lowerEdge + (Double(i) + 0.5) * binWidth }
    public var total: Double { counts.reduce(0, +) + below + above }

    public mutating func add(_ x: Double, weight: Double = 1) {
        let position = (x - lowerEdge) * inverseBinWidth
        if position < 0 {
            below += weight
        } else if position >= Double(counts.count) {
            above += weight
        } else {
            counts[Int(position)] += weight
        }
    }
}
