/// A rectangle of cells: origin at the top left, x to the right, y down.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var description: String { "\(width)x\(height)+\(x)+\(y)" }

    /// The rectangle shrunk by `by` cells on every side (empty when nothing is left).
    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// Splits off `count` rows at the top; returns (top, rest).
    public func splitTop(_ count: Int) -> (Rect, Rect) {
        let c = min(max(0, count), height)
        return (Rect(x: x, y: y, width: width, height: c), Rect(x: x, y: y + c, width: width, height: height - c))
    }

    /// Splits off `count` rows at the bottom; returns (rest, bottom).
    public func splitBottom(_ count: Int) -> (Rect, Rect) {
        let c = min(max(0, count), height)
        return (Rect(x: x, y: y, width: width, height: height - c), Rect(x: x, y: maxY - c, width: width, height: c))
    }

    /// Splits off `count` columns at the left; returns (left, rest).
    public func splitLeft(_ count: Int) -> (Rect, Rect) {
        let c = min(max(0, count), width)
        return (Rect(x: x, y: y, width: c, height: height), Rect(x: x + c, y: y, width: width - c, height: height))
    }

    /// Splits the rectangle into `fractions.count` columns with widths proportional to `fractions`.
    public func columns(_ fractions: [Double]) -> [Rect] {
        split(fractions, total: width) { Rect(x: x + $0, y: y, width: $1, height: height) }
    }

    /// Splits the rectangle into `fractions.count` rows with heights proportional to `fractions`.
    public func rows(_ fractions: [Double]) -> [Rect] {
        split(fractions, total: height) { Rect(x: x, y: y + $0, width: width, height: $1) }
    }

    private func split(_ fractions: [Double], total: Int, make: (Int, Int) -> Rect) -> [Rect] {
        let sum = fractions.reduce(0, +)
        guard sum > 0 else { return [] }
        var result: [Rect] = []
        var start = 0
        var acc = 0.0
        for f in fractions {
            acc += f
            let end = Int((acc / sum * Double(total)).rounded())
            result.append(make(start, end - start))
            start = end
        }
        return result
    }
}
