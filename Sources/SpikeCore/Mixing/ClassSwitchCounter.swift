/// Class-switch rate of a sample stream (science.md 3.4, mixing metrics [CHOICE]): every sample
/// is classified, and a *switch* is a kept sample whose class differs from the previous kept
/// sample's. The rate is given per 1000 budget slots, where one slot is one Gibbs sweep or
/// 10 ms of LIF time (science.md 1.11: 1 sweep ≈ τ_ref). For Gibbs and free-running LIF every
/// slot gives a kept sample, so this is "switches per 1000 samples"; tempering keeps only its
/// β = 1 samples and oscillating networks only those in the readout window, and both are charged
/// for every slot (equal budget).
///
/// Batch means (`batchSlots` slots per batch) give a standard error for the rate that
/// accounts for the correlation between switches.
public struct ClassSwitchCounter: Sendable {
    public let batchSlots: Int
    /// Slots used so far.
    public private(set) var slots = 0
    /// Kept (classified) samples.
    public private(set) var keptSamples = 0
    public private(set) var switches = 0
    /// Class of the last kept sample.
    public private(set) var lastClass: Int?
    /// Switches per 1000 slots in each completed batch.
    public private(set) var batchRates = RunningStatistics()
    private var batchSwitches = 0
    private var batchFill = 0

    public init(batchSlots: Int = 1000) {
        precondition(batchSlots > 0)
        self.batchSlots = batchSlots
    }

    /// One budget slot: `label` is the class of the sample kept in it, nil if none was kept.
    /// Returns whether this sample switched class.
    @discardableResult
    public mutating func record(_ label: Int?) -> Bool {
        slots += 1
        batchFill += 1
        var switched = false
        if let label {
            keptSamples += 1
            if let last = lastClass, last != label {
                switches += 1
                batchSwitches += 1
                switched = true
            }
            lastClass = label
        }
        if batchFill == batchSlots {
            batchRates.add(1000 * Double(batchSwitches) / Double(batchSlots))
            batchSwitches = 0
            batchFill = 0
        }
        return switched
    }

    /// Switches per 1000 slots over the whole run (0 before any slot).
    public var switchesPer1000: Double { slots > 0 ? 1000 * Double(switches) / Double(slots) : 0 }

    /// Standard error of `switchesPer1000` from the completed batches (0 with fewer than two).
    public var standardError: Double { batchRates.count > 1 ? batchRates.standardErrorOfMean : 0 }

    /// Completed batches.
    public var batches: Int { batchRates.count }
}

/// A ratio of two independent rate estimates with its standard error by the delta method:
/// R = a/b, se(R) = R·√((se_a/a)² + (se_b/b)²).
public struct RateRatio: Sendable, Equatable {
    public let value: Double
    public let standardError: Double

    public init(numerator a: Double, numeratorError sa: Double, denominator b: Double, denominatorError sb: Double) {
        value = b > 0 ? a / b : .infinity
        if a > 0 && b > 0 {
            let ra = sa / a, rb = sb / b
            standardError = value * (ra * ra + rb * rb).squareRoot()
        } else {
            standardError = .infinity
        }
    }

    /// Lower end of the two-sided confidence interval value − z·se (z = 1.96 for 95 %).
    public func lowerBound(z: Double = 1.96) -> Double { value - z * standardError }
}
