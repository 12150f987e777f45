/// The activation-function calibration of a LIF sampler (science.md 1.5; sbs
/// `LIFsampler.calibrate`), animated as biological time advances: the pre-calibration scan
/// over −80…−20 mV, then the fine points in [V_min, V_max] (in batches of
/// `pointsPerBatch`, so the sweep visibly moves along E_l), with the logistic refitted to the
/// points measured so far and the theoretical width α_theo as a cross-check.
///
/// Readout conventions: the `traces` are curves over the resting potential E_l — their
/// `startMs`/`intervalMs` fields carry E_l in **mV** (first point, spacing), values are p_on
/// (or residuals). `timeMs` is the biological time simulated over all stages (the sum over
/// batches; all neurons of a batch run in parallel).
public final class ActivationFunctionExperiment: Experiment {
    public let settings: CalibrationSettings
    public private(set) var sweep: CalibrationSweep
    /// Fit to the points measured so far (nil until ≥ 3 lie inside (0.05, 0.95)).
    public private(set) var liveFit: LogisticFit?
    private var budget = StepBudget()
    private var fitStamp = -1.0
    private var vP05Series: [(timeMs: Double, value: Double)] = []
    private var alphaSeries: [(timeMs: Double, value: Double)] = []
    /// Curves are drawn with this many points over E_l.
    public static let curvePoints = 121

    /// The emulated chip (science.md 4.3): every calibration point is another chip neuron;
    /// nil = the ideal model.
    public let hardware: HardwareRealisation?

    public init(settings: CalibrationSettings, hardware: HardwareRealisation? = nil) {
        self.settings = settings
        self.hardware = hardware
        sweep = CalibrationSweep(settings: settings, hardware: hardware)
    }

    public var timeMs: Double { sweep.simulatedMs }
    public var stepMs: Double { settings.stepMs }

    public func advance(by durationMs: Double) {
        guard durationMs > 0 else { return }
        let steps = budget.steps(for: durationMs, stepMs: settings.stepMs)
        sweep.advance(steps: steps)
        refit()
    }

    /// The point estimates of the fine stage that have data so far.
    private var measuredFine: (v: [Double], p: [Double]) {
        let idx = sweep.finePOn.indices.filter { sweep.finePOn[$0].isFinite }
        return (idx.map { sweep.fineVRest[$0] }, idx.map { sweep.finePOn[$0] })
    }

    private func refit() {
        guard timeMs != fitStamp else { return }
        fitStamp = timeMs
        if let done = sweep.fit {
            liveFit = done
        } else {
            let m = measuredFine
            liveFit = m.v.count >= 3 ? LogisticFit.fit(vRest: m.v, pOn: m.p) : nil
        }
        if let f = liveFit, f.converged {
            vP05Series.append((timeMs: timeMs, value: f.vP05))
            alphaSeries.append((timeMs: timeMs, value: f.alpha))
            if vP05Series.count > 2000 { vP05Series.removeFirst(); alphaSeries.removeFirst() }
        }
    }

    // MARK: parameters

    public var parameters: [ParameterInfo] {
        [ParameterInfo(key: "rate_hz", label: "background rate (Hz), restarts the sweep", value: sweep.settings.background.excRateHz,
                       range: 100...20000, stepFactor: 1.25)]
    }

    public func setParameter(_ key: String, to value: Double) throws(ParameterError) {
        guard let info = parameters.first(where: { $0.key == key }) else { throw .unknown(key: key) }
        guard info.range.contains(value) else { throw .outOfRange(key: key, value: value, range: info.range) }
        guard value != info.value else { return }
        var s = sweep.settings
        s.background.excRateHz = value
        s.background.inhRateHz = value
        sweep = CalibrationSweep(settings: s, hardware: hardware)
        liveFit = nil
        fitStamp = -1
        vP05Series = []
        alphaSeries = []
    }

    // MARK: readout

    /// Stage as a number: 0 pre-calibration scan, 1 fine calibration, 2 done, −1 failed.
    public var stageCode: Double {
        switch sweep.stage {
        case .preScan: return 0
        case .fine: return 1
        case .done: return 2
        case .failed: return -1
        }
    }

    public func readout() -> Readout {
        let s = sweep
        let bg = s.settings.background
        let alphaTheory = ActivationCalibration.theoreticalAlpha(neuron: s.settings.neuron, background: bg)
        var traces: [Trace] = []
        let inFine = !s.fineVRest.isEmpty
        let xs = inFine ? s.fineVRest : s.scanVRest
        let ps = inFine ? s.finePOn : s.scanPOn
        let lo = xs.first ?? -80, hi = xs.last ?? -20
        let spacing = xs.count > 1 ? (hi - lo) / Double(xs.count - 1) : 1
        traces.append(Trace(label: inFine ? "p_on measured" : "p_on pre-scan", startMs: lo, intervalMs: spacing, values: ps,
                            reference: 0.5))
        if let f = liveFit {
            let dv = (hi - lo) / Double(Self.curvePoints - 1)
            let grid = (0..<Self.curvePoints).map { lo + Double($0) * dv }
            traces.append(Trace(label: "logistic fit", startMs: lo, intervalMs: dv, values: grid.map { f.pOn($0) }))
            traces.append(Trace(label: "theory (α_theo, same v_p05)", startMs: lo, intervalMs: dv,
                                values: grid.map { LogisticFit.model($0, vP05: f.vP05, alpha: alphaTheory) }))
            if inFine {
                traces.append(Trace(label: "residual", startMs: lo, intervalMs: spacing,
                                    values: zip(xs, ps).map { $1.isFinite ? $1 - f.pOn($0) : .nan }, reference: 0))
            }
        }
        let measured = Double(s.finePOn.filter(\.isFinite).count)
        let figures = [
            Figure(name: "v_p05_mv", value: liveFit?.vP05 ?? .nan, label: "fitted v_p05: E_l with p_on = ½ (mV)"),
            Figure(name: "alpha_mv", value: liveFit?.alpha ?? .nan, label: "fitted width α (mV, E_l units)"),
            Figure(name: "alpha_theory_mv", value: alphaTheory, label: "α_theo = ¼√(2π)σ_V·g_tot/g_l (mV)"),
            Figure(name: "fit_rms", value: liveFit?.rmsResidual ?? .nan, label: "RMS residual of the fit (p_on)"),
            Figure(name: "fit_max_residual", value: liveFit?.maxResidual ?? .nan, label: "largest |residual| (p_on)"),
            Figure(name: "v_p05_error_mv", value: liveFit?.vP05Error ?? .nan, label: "standard error of v_p05 (mV)"),
            Figure(name: "alpha_error_mv", value: liveFit?.alphaError ?? .nan, label: "standard error of α (mV)"),
            Figure(name: "points_measured", value: measured, label: "fine points with data"),
            Figure(name: "v_min_mv", value: s.fineRange?.lowerBound ?? .nan, label: "fine range start V_min (mV)"),
            Figure(name: "v_max_mv", value: s.fineRange?.upperBound ?? .nan, label: "fine range end V_max (mV)"),
            Figure(name: "stage", value: stageCode, label: "0 pre-scan, 1 fine, 2 done, −1 failed"),
        ]
        let categories = xs.map { String(Double(Int(($0 * 100).rounded())) / 100) }
        let fitted = liveFit.map { f in xs.map { f.pOn($0) } } ?? xs.map { _ in Double.nan }
        let distribution = Distribution(label: "p_on vs E_l (mV)", categories: categories,
                                        seriesNames: ["measured", "logistic fit"], values: [ps, fitted])
        return Readout(timeMs: timeMs, traces: traces, figures: figures,
                       series: [Series(name: "v_p05_mv", points: vP05Series), Series(name: "alpha_mv", points: alphaSeries)],
                       distributions: [distribution])
    }
}
