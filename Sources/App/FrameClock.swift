/// Wall-clock time for frame pacing. The app is the only place a clock is read; the
/// engine never sees one (the simulation advances by biological time only).
public protocol FrameClock {
    /// Milliseconds since an arbitrary fixed origin.
    func nowMs() -> Double
}

/// The process's monotonic clock.
public struct MonotonicClock: FrameClock {
    private let origin = ContinuousClock.now
    public init() {}
    public func nowMs() -> Double {
        let d = ContinuousClock.now - origin
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }
}
