/// The activation function of the dreaming samplers under the background of their own ensemble
/// (science.md 1.5, 2.3 step 3; [Dold2019]: an autocorrelated background steepens the
/// activation function and the fit absorbs it). Each round builds the ensemble (M copies of the
/// digit RBM plus probes) with the current translation, lets the probes measure p_on(E_l) in the
/// background that translation produces (`ProbeWindowSearch` moves the window if it misses), fits
/// the logistic, and translates again with the fitted (v_p05, α) and the weight factors of the
/// Poisson background equivalent to the copies' measured rate. The first round starts from the
/// Poisson calibration. Deterministic for a seed.
public struct DreamingEnsembleCalibration: Sendable, Equatable {
    /// The wiring (weights matched to the Poisson background at the settings' source rate).
    public let background: SpikingEnsembleBackground
    /// The translation of the last successful round (the start one if none succeeded).
    public let translation: LIFSamplingTranslation
    /// The fit of the last successful round (nil: no round gave a usable logistic).
    public let fit: LogisticFit?
    /// Mean rate of the copy neurons in the last round, Hz.
    public let rateHz: Double
    /// (E_l, p_on) of the probes in the last window measured, mV.
    public let probeRestingPotentials: [Double]
    public let probePOn: [Double]
    public let rounds: Int

    public static func measure(machine: RestrictedBoltzmannMachine, neuron: LIFParameters, poisson: PoissonBackground,
                               start: ActivationCalibration, settings s: DreamingEnsembleSettings, stepMs: Double,
                               delayMs: Double, seed: UInt64) -> DreamingEnsembleCalibration {
        let b = s.background(matching: poisson, neuronsPerCopy: machine.boltzmannMachine.unitCount)
        let steps = { (ms: Double) in max(1, Int((ms / stepMs).rounded())) }
        var translation = LIFSamplingTranslation(neuron: neuron, background: b.equivalentPoisson(sourceRateHz: s.sourceRateHz),
                                                 vP05: start.vP05, alpha: start.alpha)
        var fit: LogisticFit?
        var rate = Double.nan
        var points: (vRest: [Double], pOn: [Double]) = ([], [])
        var done = 0
        for _ in 0..<s.calibrationRounds {
            var net = RBMSamplingNetwork(machine: machine, neuron: neuron, translation: translation, ensemble: b, probes: s.probes,
                                         stepMs: stepMs, seed: seed, delayMs: delayMs)
            let p = s.probes
            let round = ProbeWindowSearch.search(centre: translation.vP05, halfWidth: max(5 * translation.alpha, 2)) { c, h in
                let vRest = (0..<p).map { c - h + 2 * h * Double($0) / Double(p - 1) }
                let measured = net.measureProbes(restingPotentials: vRest, burnInSteps: steps(s.calibrationBurnInMs),
                                                 steps: steps(s.calibrationMs))
                rate = measured.copyRateHz
                points = (vRest, measured.pOn)
                guard let f = LogisticFit.fit(vRest: vRest, pOn: measured.pOn), f.converged, f.alpha > 0 else { return (nil, measured.pOn) }
                return (f, measured.pOn)
            }
            guard let f = round, rate > 0 else { break }
            fit = f
            done += 1
            translation = LIFSamplingTranslation(neuron: neuron, background: b.equivalentPoisson(sourceRateHz: rate),
                                                 vP05: f.vP05, alpha: f.alpha)
        }
        return DreamingEnsembleCalibration(background: b, translation: translation, fit: fit, rateHz: rate,
                                           probeRestingPotentials: points.vRest, probePOn: points.pOn, rounds: done)
    }
}
