/// Quantisation of synaptic weights to the levels of a chip (science.md 4.3 step 1):
///
///     w_hw = round(|w|/w_max · (2^B − 1)) · w_max/(2^B − 1),   sign kept (receptor type)
///
/// with 2^B levels including 0 (16 for BrainScaleS-1's 4 bits, 64 for BrainScaleS-2's 6 bits,
/// science.md 4.1). Magnitudes above w_max are clipped to w_max (the largest level).
/// Idempotent: quantising a quantised weight with the same scale gives it back.
public struct WeightQuantiser: Sendable, Equatable {
    /// Bits B; nil = unlimited (identity).
    public let bits: Int?

    public init(bits: Int?) {
        precondition(bits.map { $0 >= 1 && $0 <= 30 } ?? true, "weight bits must be in 1...30")
        self.bits = bits
    }

    /// Number of levels 2^B, nil when unlimited.
    public var levels: Int? { bits.map { 1 << $0 } }

    /// The hardware value of `w` with scale `maximum` (= w_max > 0).
    @inline(__always)
    public func quantise(_ w: Double, maximum: Double) -> Double {
        guard let bits, maximum > 0 else { return w }
        let top = Double((1 << bits) - 1)
        let level = min(top, (abs(w) / maximum * top).rounded())
        let magnitude = level == top ? maximum : level / top * maximum
        return w < 0 ? -magnitude : magnitude
    }

    /// The level index 0 ..< 2^B of `w` (for histograms and tests).
    public func level(_ w: Double, maximum: Double) -> Int? {
        guard let bits, maximum > 0 else { return nil }
        let top = Double((1 << bits) - 1)
        return Int(min(top, (abs(w) / maximum * top).rounded()))
    }
}

/// The w_max of every synapse of a signed weight matrix [pre][post] (µS): one for the whole
/// network (`global`) or one per synapse row, i.e. per presynaptic neuron and receptor type
/// (`perRow`, BrainScaleS-1). Fixed once (the scale is an analog parameter, science.md 4.2:
/// only the digital weights change during in-the-loop training).
public struct WeightScales: Sendable, Equatable {
    /// w_max per presynaptic neuron for excitatory and inhibitory rows.
    public let excitatory: [Double]
    public let inhibitory: [Double]

    /// Scales from the magnitudes of `weights` [pre][post].
    public init(weights: [[Double]], mode: HardwareProfile.WeightScale) {
        let rowE = weights.map { row in row.filter { $0 > 0 }.max() ?? 0 }
        let rowI = weights.map { row in row.filter { $0 < 0 }.map { -$0 }.max() ?? 0 }
        switch mode {
        case .perRow:
            excitatory = rowE
            inhibitory = rowI
        case .global:
            let m = max(rowE.max() ?? 0, rowI.max() ?? 0)
            excitatory = Array(repeating: m, count: weights.count)
            inhibitory = excitatory
        }
    }

    /// w_max of synapse pre → (any) with the sign of `w`.
    public func maximum(pre: Int, weight w: Double) -> Double { w < 0 ? inhibitory[pre] : excitatory[pre] }

    /// `weights` [pre][post] quantised with these scales.
    public func quantise(_ weights: [[Double]], with quantiser: WeightQuantiser) -> [[Double]] {
        weights.enumerated().map { j, row in row.map { quantiser.quantise($0, maximum: maximum(pre: j, weight: $0)) } }
    }
}
