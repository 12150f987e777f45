/// The two-stage activation-function calibration of science.md 1.5 (sbs
/// `LIFsampler.calibrate` + `_do_pre_calibration`), runnable incrementally so a screen can
/// animate it: `advance(steps:)` simulates, `points` shows every point measured so far (with
/// the running estimate of the points being simulated), `result` appears when it is done.
///
/// 1. Pre-calibration: E_l from −80 to −20 mV in 0.2 mV steps, 1000 ms each (all points one
///    vectorised population: one neuron per E_l, no recurrence, independent Poisson streams).
///    Keep the range where 0.05 < p_on < 0.95, extended by one point each side → [V_min, V_max].
///    If no point is above 0.95 (below 0.05) the window is shifted up (down) by its width and
///    rescanned (at most 4 times); with fewer than 10 valid points the range is rescanned
///    with dV = (V_max − V_min)/100.
/// 2. Fine calibration: `points` equally spaced E_l in [V_min, V_max], each with burn-in and
///    duration T, in batches of `pointsPerBatch` neurons (default: all at once).
/// 3. `LogisticFit` of the points inside (0.05, 0.95); α_theo as a cross-check.
///
/// p_on = (spikes × τ_ref)/T (sbs `gather_data.py`: the fraction of time spent refractory; on an
/// emulated chip each neuron's own τ_ref).
public struct CalibrationSweep: Sendable {
    public enum Stage: Sendable, Equatable {
        case preScan(attempt: Int)
        case fine(batch: Int)
        case done
        case failed(String)
    }

    public let settings: CalibrationSettings
    /// The emulated chip the sweep runs on (science.md 4.3): every point is another chip
    /// neuron with its own fixed-pattern noise (point i of the fine stage is chip neuron i);
    /// nil = the ideal model.
    public let hardware: HardwareRealisation?
    public private(set) var stage: Stage
    /// Points of the current scan grid (pre-scan) or of the fine grid, ascending E_l.
    public private(set) var scanVRest: [Double] = []
    public private(set) var scanPOn: [Double] = []
    public private(set) var fineVRest: [Double] = []
    /// p_on of the fine points; NaN until measured (running estimate while simulated).
    public private(set) var finePOn: [Double] = []
    /// [V_min, V_max] chosen by the pre-calibration.
    public private(set) var fineRange: ClosedRange<Double>?
    public private(set) var result: ActivationCalibration?
    public private(set) var fit: LogisticFit?
    /// Simulated biological time over all stages, ms.
    public private(set) var simulatedMs = 0.0

    private var network: Network?
    private var batchStart = 0
    private var spikeCounts: [Int] = []
    /// Refractory steps of each neuron of the current block (its own on a chip: z = 1 for its
    /// own τ_ref after a spike).
    private var blockRefractorySteps: [Int] = []
    private var stepsDone = 0
    private var burnInSteps = 0
    private var measureSteps = 0
    private var refinements = 0

    public init(settings: CalibrationSettings, hardware: HardwareRealisation? = nil) {
        precondition(settings.validate().isEmpty, "invalid calibration settings: \(settings.validate().joined(separator: "; "))")
        self.settings = settings
        self.hardware = hardware
        stage = .preScan(attempt: 0)
        startScan(range: settings.preScanRangeMv, step: settings.preScanStepMv, attempt: 0)
    }

    public var isFinished: Bool {
        switch stage { case .done, .failed: return true; default: return false }
    }

    /// Runs the whole calibration (`advance` until finished) and returns the result.
    public static func run(_ settings: CalibrationSettings) -> ActivationCalibration? {
        var sweep = CalibrationSweep(settings: settings)
        while !sweep.isFinished { sweep.advance(steps: 1 << 20) }
        return sweep.result
    }

    /// Simulates up to `steps` integration steps of the current stage(s).
    public mutating func advance(steps: Int) {
        var left = steps
        while left > 0, !isFinished, network != nil {
            let chunk = min(left, burnInSteps + measureSteps - stepsDone)
            // Moved out (not copied) while it steps: a copy would duplicate every state array.
            var net = network.take()!
            net.advance(steps: chunk) { step in
                stepsDone += 1
                if stepsDone > burnInSteps {
                    for k in step.spiked { spikeCounts[Int(k)] += 1 }
                }
            }
            network = net
            left -= chunk
            simulatedMs += Double(chunk) * settings.stepMs
            updateEstimates()
            if stepsDone >= burnInSteps + measureSteps { finishBlock() }
        }
    }

    /// Time into the current block (burn-in + measurement), ms, and its length.
    public var blockProgressMs: (done: Double, total: Double) {
        (Double(stepsDone) * settings.stepMs, Double(burnInSteps + measureSteps) * settings.stepMs)
    }

    // MARK: stages

    private var tauRefSteps: Int { Int((settings.neuron.tauRefrac / settings.stepMs).rounded()) }

    private func pOn(spikes: Int, measuredSteps: Int, neuron k: Int) -> Double {
        guard measuredSteps > 0 else { return .nan }
        let refractory = k < blockRefractorySteps.count ? blockRefractorySteps[k] : tauRefSteps
        return min(1, Double(spikes * refractory) / Double(measuredSteps))
    }

    private mutating func startScan(range: ClosedRange<Double>, step: Double, attempt: Int) {
        let count = Int(((range.upperBound - range.lowerBound) / step).rounded()) + 1
        scanVRest = (0..<count).map { range.lowerBound + Double($0) * step }
        scanPOn = Array(repeating: .nan, count: count)
        stage = .preScan(attempt: attempt)
        let burn = min(settings.burnInMs, 100.0)
        startBlock(vRest: scanVRest, burnInMs: burn, durationMs: settings.preScanDurationMs, streamTag: 1000 + attempt)
    }

    private mutating func startFine() {
        guard let range = fineRange else { return }
        let n = settings.points
        fineVRest = (0..<n).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(n - 1) }
        finePOn = Array(repeating: .nan, count: n)
        batchStart = 0
        startBatch(0)
    }

    private var batchSize: Int { settings.pointsPerBatch.map { min($0, settings.points) } ?? settings.points }

    private mutating func startBatch(_ b: Int) {
        stage = .fine(batch: b)
        batchStart = b * batchSize
        let end = min(fineVRest.count, batchStart + batchSize)
        startBlock(vRest: Array(fineVRest[batchStart..<end]), burnInMs: settings.burnInMs,
                   durationMs: settings.durationMs, streamTag: b, firstNeuron: batchStart)
    }

    private mutating func startBlock(vRest: [Double], burnInMs: Double, durationMs: Double, streamTag: Int, firstNeuron: Int = 0) {
        let seed = SplitMix64.mix(settings.seed ^ SplitMix64.mix(UInt64(streamTag) &+ 0xCA11_B4A7))
        var net = Network(parameters: settings.neuron, count: vRest.count, stepMs: settings.stepMs, seed: seed,
                          background: settings.background, spikeCapacity: 1024)
        if let hardware {
            // Chip neurons firstNeuron ..< firstNeuron + count: their own noise, E_l as realised.
            for k in 0..<vRest.count {
                let p = hardware.neuronParameters(settings.neuron, neuron: firstNeuron + k)
                net.setIntrinsic(thresholdMv: p.vThresh, tauMembraneMs: p.tauM, tauRefractoryMs: p.tauRefrac, neuron: k)
                net.setBackground(hardware.background(settings.background, neuron: firstNeuron + k), neuron: k)
            }
        }
        for (k, v) in vRest.enumerated() {
            let realised = hardware?.restingPotential(programmed: v, neuron: firstNeuron + k) ?? v
            net.setRestingPotential(realised, neuron: k)
            net.setMembranePotential(realised, neuron: k)
        }
        blockRefractorySteps = net.population.refractoryStepCounts.map(Int.init)
        network = net
        spikeCounts = Array(repeating: 0, count: vRest.count)
        stepsDone = 0
        burnInSteps = Int((burnInMs / settings.stepMs).rounded())
        measureSteps = max(1, Int((durationMs / settings.stepMs).rounded()))
    }

    private mutating func updateEstimates() {
        let measured = max(0, stepsDone - burnInSteps)
        guard measured > 0 else { return }
        switch stage {
        case .preScan:
            for k in spikeCounts.indices { scanPOn[k] = pOn(spikes: spikeCounts[k], measuredSteps: measured, neuron: k) }
        case .fine:
            for k in spikeCounts.indices { finePOn[batchStart + k] = pOn(spikes: spikeCounts[k], measuredSteps: measured, neuron: k) }
        default: break
        }
    }

    private mutating func finishBlock() {
        network = nil
        switch stage {
        case .preScan(let attempt): finishScan(attempt: attempt)
        case .fine(let b):
            if (b + 1) * batchSize < fineVRest.count { startBatch(b + 1) } else { finishFit() }
        default: break
        }
    }

    private mutating func finishScan(attempt: Int) {
        let lo = scanVRest.first!, hi = scanVRest.last!, width = hi - lo
        let step = scanVRest.count > 1 ? scanVRest[1] - scanVRest[0] : settings.preScanStepMv
        if !scanPOn.contains(where: { $0 > 0.95 }) || !scanPOn.contains(where: { $0 < 0.05 }) {
            guard attempt < 4 else { stage = .failed("pre-calibration found no range with 0.05 < p_on < 0.95"); return }
            let shift = scanPOn.contains(where: { $0 > 0.95 }) ? -width : width
            startScan(range: (lo + shift)...(hi + shift), step: step, attempt: attempt + 1)
            return
        }
        let valid = scanPOn.indices.filter { scanPOn[$0] > 0.05 && scanPOn[$0] < 0.95 }
        let first = max(0, (valid.first ?? 0) - 1), last = min(scanVRest.count - 1, (valid.last ?? 0) + 1)
        let range = scanVRest[first]...scanVRest[last]
        if valid.count < 10 && refinements < 2 && range.upperBound > range.lowerBound {
            refinements += 1
            startScan(range: range, step: (range.upperBound - range.lowerBound) / 100, attempt: attempt + 1)
            return
        }
        fineRange = range
        startFine()
    }

    private mutating func finishFit() {
        let theory = ActivationCalibration.theoreticalAlpha(neuron: settings.neuron, background: settings.background)
        guard let f = LogisticFit.fit(vRest: fineVRest, pOn: finePOn) else {
            stage = .failed("fewer than 3 calibration points with 0.05 < p_on < 0.95")
            return
        }
        fit = f
        result = ActivationCalibration(key: settings.key, vP05: f.vP05, alpha: f.alpha, alphaTheory: theory,
                                       rmsResidual: f.rmsResidual, maxResidual: f.maxResidual, converged: f.converged,
                                       vRest: fineVRest, pOn: finePOn)
        stage = f.converged ? .done : .failed("the logistic fit did not converge (\(f.status.rawValue))")
    }
}
