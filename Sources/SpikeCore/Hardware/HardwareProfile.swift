/// A neuromorphic chip as a transformation of an experiment's ideal parameters into the ones
/// the chip realises, plus a clock (science.md 4.1, 4.3; [Kungl2019], [BSS1doc], [BSS2doc]).
///
/// Numbers and where they come from (`facts` lists them for the help overlay):
/// - BrainScaleS-1: speed-up 10⁴ (range 10³–10⁵, 10⁴ commonly used) [BSS1doc]; 4-bit weights
///   (16 levels), scale per synapse row (V_gmax/gmax_div per row), sign per row [BSS1doc];
///   synaptic fixed-pattern noise σ_w = 0.2 (ESS `weight_distortion` example) [BSS1doc].
/// - BrainScaleS-2: speed-up 10³ [BSS2doc]; 6-bit weights (64 levels), sign per row [BSS2doc];
///   analog parameters set by 10-bit DACs [BSS2doc] (here: E_l over −80…−20 mV [CHOICE]).
/// - Neuron fixed-pattern noise after the chip's parameter calibration: 2 % [CHOICE, science.md
///   4.3 "10 % uncalibrated, 2 % calibrated"; real residuals NOT FOUND] of τ_m and τ_ref, and
///   2 % of the 50 mV scale (1 mV) for V_th and E_l. No BSS-2 synaptic-noise figure was found;
///   σ_w = 0.2 is used for both chips [CHOICE].
/// - Spike loss is optional (0 by default). Biases are set through the leak potential E_l
///   (a 10-bit DAC on BrainScaleS-2); [Kungl2019]'s always-on bias neurons are not emulated.
public struct HardwareProfile: Sendable, Equatable {
    /// How the weight scale w_max of the quantiser is chosen.
    public enum WeightScale: String, Sendable, Equatable {
        /// One w_max for the whole network (max |w|).
        case global
        /// One w_max per synapse row: per presynaptic neuron and receptor type (BrainScaleS-1:
        /// V_gmax/gmax_div and the sign are set per row).
        case perRow
    }

    /// Short name (`ideal`, `bss1`, `bss2`) as in scenario files and on the command line.
    public var name: String
    public var title: String
    /// Acceleration relative to biological real time; nil for the ideal (simulated) model.
    public var speedup: Double?
    /// Bits of the synaptic weight (2^B levels including 0); nil = unlimited (no quantisation).
    public var weightBits: Int?
    public var weightScale: WeightScale
    /// Relative standard deviation σ_w of the frozen multiplicative synaptic noise (1 + σ_w ξ, ≥ 0).
    public var synapticMismatch: Double
    /// Standard deviations of the frozen per-neuron offsets: threshold V_th (the reset moves
    /// with it) and leak potential E_l, mV.
    public var thresholdMismatchMv: Double
    public var leakMismatchMv: Double
    /// Relative standard deviations of the per-neuron time constants τ_m and τ_ref.
    public var tauMembraneMismatch: Double
    public var tauRefractoryMismatch: Double
    /// Bits of the analog parameter DACs (E_l here) and the range they span, mV; nil = exact.
    public var parameterBits: Int?
    public var parameterRangeMv: ClosedRange<Double>
    /// Probability that a recurrent spike event is lost in routing.
    public var spikeLoss: Double
    /// Calibrate every neuron's activation function under its own mismatch and use it in
    /// the translation (science.md 4.3 step 3), instead of the one shared calibration.
    public var perNeuronCalibration: Bool

    public init(name: String, title: String, speedup: Double?, weightBits: Int?, weightScale: WeightScale,
                synapticMismatch: Double, thresholdMismatchMv: Double, leakMismatchMv: Double,
                tauMembraneMismatch: Double, tauRefractoryMismatch: Double, parameterBits: Int?,
                parameterRangeMv: ClosedRange<Double> = -80...(-20), spikeLoss: Double = 0,
                perNeuronCalibration: Bool) {
        self.name = name
        self.title = title
        self.speedup = speedup
        self.weightBits = weightBits
        self.weightScale = weightScale
        self.synapticMismatch = synapticMismatch
        self.thresholdMismatchMv = thresholdMismatchMv
        self.leakMismatchMv = leakMismatchMv
        self.tauMembraneMismatch = tauMembraneMismatch
        self.tauRefractoryMismatch = tauRefractoryMismatch
        self.parameterBits = parameterBits
        self.parameterRangeMv = parameterRangeMv
        self.spikeLoss = spikeLoss
        self.perNeuronCalibration = perNeuronCalibration
    }

    /// The simulated model itself: nothing is transformed.
    public static let ideal = HardwareProfile(
        name: "ideal", title: "ideal (simulation)", speedup: nil, weightBits: nil, weightScale: .global,
        synapticMismatch: 0, thresholdMismatchMv: 0, leakMismatchMv: 0, tauMembraneMismatch: 0,
        tauRefractoryMismatch: 0, parameterBits: nil, perNeuronCalibration: false)

    /// BrainScaleS-1 (wafer-scale, NM-PM-1), science.md 4.1.
    public static let bss1 = HardwareProfile(
        name: "bss1", title: "BrainScaleS-1", speedup: 1e4, weightBits: 4, weightScale: .perRow,
        synapticMismatch: 0.2, thresholdMismatchMv: 1, leakMismatchMv: 1, tauMembraneMismatch: 0.02,
        tauRefractoryMismatch: 0.02, parameterBits: nil, perNeuronCalibration: true)

    /// BrainScaleS-2 (HICANN-X), science.md 4.1.
    public static let bss2 = HardwareProfile(
        name: "bss2", title: "BrainScaleS-2", speedup: 1e3, weightBits: 6, weightScale: .global,
        synapticMismatch: 0.2, thresholdMismatchMv: 1, leakMismatchMv: 1, tauMembraneMismatch: 0.02,
        tauRefractoryMismatch: 0.02, parameterBits: 10, perNeuronCalibration: true)

    public static let all: [HardwareProfile] = [.ideal, .bss1, .bss2]

    /// The profile called `name`, if any.
    public static func named(_ name: String) -> HardwareProfile? { all.first { $0.name == name } }

    /// The next profile in `all` (the live toggle: ideal → bss1 → bss2 → ideal).
    public var next: HardwareProfile {
        let i = HardwareProfile.all.firstIndex { $0.name == name } ?? 0
        return HardwareProfile.all[(i + 1) % HardwareProfile.all.count]
    }

    /// Whether this profile changes nothing at all (the ideal path is taken).
    public var isIdeal: Bool {
        weightBits == nil && synapticMismatch == 0 && thresholdMismatchMv == 0 && leakMismatchMv == 0
            && tauMembraneMismatch == 0 && tauRefractoryMismatch == 0 && parameterBits == nil && spikeLoss == 0
    }

    /// Number of weight levels 2^B (16 for 4 bits, 64 for 6), nil when unlimited.
    public var weightLevels: Int? { weightBits.map { 1 << $0 } }

    /// The clock of this chip (nil for the ideal profile).
    public var clock: ChipClock? { speedup.map { ChipClock(speedup: $0) } }

    /// (quantity, value, source) for the help overlay.
    public var facts: [(quantity: String, value: String, source: String)] {
        guard name != "ideal" || !isIdeal else {
            return [("profile", "ideal: simulated model, no chip", "science.md 1")]
        }
        var rows: [(String, String, String)] = [("profile", title, name == "bss1" ? "BSS1doc" : name == "bss2" ? "BSS2doc" : "custom")]
        if let s = speedup { rows.append(("speed-up", "\(Int(s)) × biological time", name == "bss1" ? "BSS1doc (range 1e3–1e5)" : "BSS2doc")) }
        rows.append(("weights", weightBits.map { "\($0) bit, \(1 << $0) levels, sign = receptor" } ?? "unlimited",
                     name == "bss1" ? "BSS1doc" : "BSS2doc"))
        rows.append(("weight scale", weightScale == .perRow ? "per synapse row" : "one for the network",
                     weightScale == .perRow ? "BSS1doc (V_gmax/gmax_div per row)" : "science.md 4.3 [CHOICE]"))
        rows.append(("synaptic noise", "σ_w = \(synapticMismatch) (frozen)", "ESS weight_distortion example, science.md 4.1"))
        rows.append(("neuron noise", "V_th, E_l ±\(thresholdMismatchMv) mV; τ_m, τ_ref ±\(Int((tauMembraneMismatch * 100).rounded())) %",
                     "science.md 4.3 [CHOICE] (2 % calibrated)"))
        if let b = parameterBits { rows.append(("parameters", "\(b)-bit DACs (E_l)", "BSS2doc")) }
        rows.append(("spike loss", spikeLoss > 0 ? "\(spikeLoss)" : "none", "science.md 4.1 (optional)"))
        rows.append(("biases", "through the leak potential E_l", "science.md 1.6"))
        rows.append(("calibration", perNeuronCalibration ? "per neuron, under its own mismatch" : "one shared", "science.md 4.3"))
        return rows
    }
}
