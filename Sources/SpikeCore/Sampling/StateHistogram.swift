/// The sampled distribution of a network's joint state (science.md 1.10).
///
/// - Time-weighted: `add(stateIndex:)` is called once per integration step with the state
///   at that time index; p(z) = (time spent in z)/(total time) = counts/total. This is the
///   per-step form of sbs `get_bm_joint_sim` (exact for states that change only on the step
///   grid, as here).
/// - Discrete samples: every `sampleIntervalSteps` steps the current state is also counted
///   in `sampleCounts` (sbs `get_sample_states(time_per_sample = 10 ms)`).
///
/// Burn-in is the caller's: it starts adding after the burn-in (see `LIFSamplingRun`).
public struct StateHistogram: Sendable, Equatable {
    public let unitCount: Int
    /// Steps spent in each state.
    public private(set) var counts: [Double]
    /// Discrete samples per state.
    public private(set) var sampleCounts: [Double]
    public let sampleIntervalSteps: Int
    public private(set) var totalSteps: Int64 = 0
    public private(set) var totalSamples: Int64 = 0

    public init(unitCount: Int, sampleIntervalSteps: Int = 1000) {
        precondition(unitCount >= 1 && unitCount <= BoltzmannMachine.maxEnumerableUnits && sampleIntervalSteps >= 1)
        self.unitCount = unitCount
        self.sampleIntervalSteps = sampleIntervalSteps
        counts = Array(repeating: 0, count: 1 << unitCount)
        sampleCounts = counts
    }

    /// One step spent in `stateIndex`.
    @inline(__always)
    public mutating func add(stateIndex: Int) {
        counts[stateIndex] += 1
        totalSteps += 1
        if totalSteps % Int64(sampleIntervalSteps) == 0 {
            sampleCounts[stateIndex] += 1
            totalSamples += 1
        }
    }

    /// p(z) per state (time-weighted); zeros before the first step.
    public var probabilities: [Double] {
        guard totalSteps > 0 else { return counts }
        let t = Double(totalSteps)
        return counts.map { $0 / t }
    }

    /// p(z_k = 1) per unit (time-weighted).
    public var marginals: [Double] {
        BoltzmannDistribution.marginals(of: probabilities, unitCount: unitCount)
    }

    /// Number of states visited at least once.
    public var visitedStates: Int { counts.reduce(0) { $1 > 0 ? $0 + 1 : $0 } }
}
