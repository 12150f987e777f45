/// Turns slices of biological time into whole integration steps, carrying the fraction
/// over to the next slice, so that frames of 33.3 ms at dt = 0.1 ms add up exactly over
/// time and the step counter stays the clock (no floating-point drift).
public struct StepBudget: Sendable, Equatable {
    /// Fraction of a step owed from earlier slices, in steps (0 ≤ carry < 1).
    public private(set) var carry = 0.0

    public init() {}

    /// Whole steps to simulate for `durationMs` at `stepMs` (both ms); ≤ 0 gives 0.
    public mutating func steps(for durationMs: Double, stepMs: Double) -> Int {
        guard durationMs > 0, stepMs > 0 else { return 0 }
        carry += durationMs / stepMs
        let steps = Int((carry + 1e-9).rounded(.down))
        carry = max(0, carry - Double(steps))
        return steps
    }
}
