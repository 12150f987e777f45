/// The wall clock of an accelerated chip (science.md 4.2, derived timing [OURS, arithmetic]):
/// biological time t_bio runs on the chip in t_chip = t_bio / speed-up, e.g. 1e5 ms of
/// biological time is 10 ms on BrainScaleS-1 (10⁴) and 100 ms on BrainScaleS-2 (10³).
public struct ChipClock: Sendable, Equatable {
    /// Acceleration relative to biological real time.
    public let speedup: Double

    public init(speedup: Double) {
        precondition(speedup > 0, "speed-up must be > 0")
        self.speedup = speedup
    }

    /// Wall-clock ms the chip needs for `biologicalMs` of biological time.
    public func chipWallMs(biologicalMs: Double) -> Double { biologicalMs / speedup }

    /// How fast an emulation runs relative to the chip: `biologicalMsPerWallMs` is the
    /// emulation's own speed (biological ms per wall-clock ms); the chip does `speedup`.
    public func emulationSpeedRelativeToChip(biologicalMsPerWallMs: Double) -> Double {
        biologicalMsPerWallMs / speedup
    }
}
