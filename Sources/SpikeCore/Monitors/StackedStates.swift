/// Several lanes' recent binary states, stacked into one raster (lane l's unit k is row
/// l·n + k), as the noise-sources experiments show them: entry i of a lane with `count` states
/// is the state at `timeMs − (count − i)·spacingMs` ms, unit k in bit n − 1 − k. A unit that is
/// on there is a spike at that time (`spikes()`, `StackedStateRaster`).
///
/// Held by a `Raster` instead of the derived spike list, so a frame hands the raster widget
/// the states themselves (a few thousand bits) rather than thousands of listed spikes (issue 13).
public struct StackedStates: Sendable {
    /// Each lane's states, oldest first.
    public var lanes: [[Int]]
    /// Units per lane, n (1 ≤ n < Int.bitWidth).
    public var unitCount: Int
    /// The time one spacing after each lane's newest state (ms).
    public var timeMs: Double
    /// Time between a lane's states (ms).
    public var spacingMs: Double

    public init(lanes: [[Int]], unitCount: Int, timeMs: Double, spacingMs: Double) {
        precondition(unitCount > 0 && unitCount < Int.bitWidth, "stacked states need 1 ≤ n < \(Int.bitWidth) units")
        self.lanes = lanes
        self.unitCount = unitCount
        self.timeMs = timeMs
        self.spacingMs = spacingMs
    }

    /// Spike times (ms) and rows, oldest first, ties in lane and unit order.
    public func spikes() -> (times: [Double], neurons: [Int32]) {
        StackedStateRaster.spikes(lanes, unitCount: unitCount, timeMs: timeMs, spacingMs: spacingMs)
    }

    /// Whether every spike time is finite, known without listing them: the times are
    /// `timeMs − j·spacingMs` for 1 ≤ j ≤ the longest lane, finite when both ends are.
    var spikeTimesAreFinite: Bool {
        let longest = lanes.map(\.count).max() ?? 0
        return timeMs.isFinite && spacingMs.isFinite && (timeMs - Double(longest) * spacingMs).isFinite
    }
}
