/// How to calibrate a LIF sampler's activation function (science.md 1.5; sbs
/// `LIFsampler.calibrate` + `_do_pre_calibration`). Units: ms, mV, Hz, µS.
///
/// Duration trade-off [CHOICE]: the statistical error of one point is
/// σ(p_on) ≈ √(2 p(1−p) τ_c/T) with a correlation time τ_c of a few τ_ref, i.e. ≈ 0.03 at
/// T = 1e4 ms; the fit averages ≈ 100 points inside (0.05, 0.95), so v_p05 and α are known to
/// ≈ 0.01 mV and ≈ 1 % — well inside the test tolerances (0.15 mV, 10 %). sbs's tutorial uses
/// T = 1e5 ms (the [OURS] anchor), its tests 1e4 ms. The default here, `.standard`
/// (T = 1e4 ms, 150 points, dt = 0.01 ms), takes ≈ 1–2 s in a release build; `.quick`
/// (T = 2e3 ms) a few tenths of a second with ≈ 2× larger errors.
public struct CalibrationSettings: Sendable, Equatable {
    public var neuron: LIFParameters
    public var background: PoissonBackground
    public var stepMs: Double
    public var seed: UInt64
    /// Pre-calibration scan: E_l range, spacing and simulated time per point.
    public var preScanRangeMv: ClosedRange<Double>
    public var preScanStepMv: Double
    public var preScanDurationMs: Double
    /// Fine calibration: number of E_l points in [V_min, V_max], burn-in and measured
    /// duration per point.
    public var points: Int
    public var burnInMs: Double
    public var durationMs: Double
    /// Fine points simulated together (one neuron each, one vectorised population); nil = all
    /// at once. Smaller batches make the sweep visibly advance point by point.
    public var pointsPerBatch: Int?

    public init(neuron: LIFParameters = .sbsDefault, background: PoissonBackground = .sbsDefault,
                stepMs: Double = 0.01, seed: UInt64 = 20_160_312, preScanRangeMv: ClosedRange<Double> = -80...(-20),
                preScanStepMv: Double = 0.2, preScanDurationMs: Double = 1000, points: Int = 150,
                burnInMs: Double = 500, durationMs: Double = 10_000, pointsPerBatch: Int? = nil) {
        self.neuron = neuron
        self.background = background
        self.stepMs = stepMs
        self.seed = seed
        self.preScanRangeMv = preScanRangeMv
        self.preScanStepMv = preScanStepMv
        self.preScanDurationMs = preScanDurationMs
        self.points = points
        self.burnInMs = burnInMs
        self.durationMs = durationMs
        self.pointsPerBatch = pointsPerBatch
    }

    /// T = 1e4 ms per point, 150 points (sbs tests).
    public static let standard = CalibrationSettings()
    /// T = 2e3 ms per point, 100 points: for quick live starts.
    public static let quick = CalibrationSettings(points: 100, durationMs: 2_000)

    /// The same settings for other neuron/background parameters.
    public func with(neuron: LIFParameters, background: PoissonBackground, stepMs: Double) -> CalibrationSettings {
        var s = self
        s.neuron = neuron
        s.background = background
        s.stepMs = stepMs
        return s
    }

    /// A stable, human-readable key for everything the result depends on (`pointsPerBatch`
    /// included: batching changes which random draws each point gets), so one key always
    /// names one deterministic computation.
    public var key: String {
        let n = neuron, b = background
        var parts = ["cm_nF=\(n.cm)", "tauM_ms=\(n.tauM)", "eRevE_mV=\(n.eRevE)", "eRevI_mV=\(n.eRevI)",
                     "vThresh_mV=\(n.vThresh)", "vReset_mV=\(n.vReset)", "tauSynE_ms=\(n.tauSynE)",
                     "tauSynI_ms=\(n.tauSynI)", "tauRef_ms=\(n.tauRefrac)", "iOffset_nA=\(n.iOffset)",
                     "rateE_Hz=\(b.excRateHz)", "rateI_Hz=\(b.inhRateHz)", "wE_uS=\(b.excWeight)", "wI_uS=\(b.inhWeight)",
                     "dt_ms=\(stepMs)", "seed=\(seed)",
                     "scan_mV=\(preScanRangeMv.lowerBound)..\(preScanRangeMv.upperBound)/\(preScanStepMv)",
                     "scan_ms=\(preScanDurationMs)", "points=\(points)", "burnIn_ms=\(burnInMs)", "T_ms=\(durationMs)"]
        if let batch = pointsPerBatch { parts.append("batch=\(batch)") }
        return parts.joined(separator: " ")
    }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems = neuron.validate() + background.validate()
        if !(stepMs > 0 && stepMs <= 1) { problems.append("calibration step must be in (0, 1] ms") }
        if !(preScanRangeMv.upperBound > preScanRangeMv.lowerBound) { problems.append("pre-scan range must be non-empty") }
        if !(preScanStepMv > 0) { problems.append("pre-scan step must be > 0 mV") }
        if !(preScanDurationMs > 0) { problems.append("pre-scan duration must be > 0 ms") }
        if points < 5 { problems.append("calibration needs at least 5 points, got \(points)") }
        if !(durationMs > 0) { problems.append("calibration duration must be > 0 ms") }
        if !(burnInMs >= 0) { problems.append("calibration burn-in must be >= 0 ms") }
        if let b = pointsPerBatch, b < 1 { problems.append("pointsPerBatch must be >= 1") }
        if !(neuron.tauRefrac > 0) { problems.append("calibration needs tauRefrac > 0 (p_on = spikes·τ_ref/T)") }
        return problems
    }
}
