extension SpikingEnsembleExperiment {
    /// The same figures, histograms and series as the binary lane (`DeterministicEnsembleExperiment`),
    /// so one screen shows either; calibration figures are the LIF ones (v_p05, α in mV).
    public func readout() -> Readout {
        typealias D = DeterministicEnsembleExperiment
        let fig = { (name: String, value: Double, label: String) in Figure(name: name, value: value, label: label) }
        var figures: [Figure] = [
            fig("dkl_ensemble_before_training", D.mean(before), "D_KL ensemble before training (mean)"),
            fig("dkl_ensemble_after_training", D.mean(after), "D_KL ensemble after training (mean)"),
            fig("dkl_target_sampled_poisson", D.mean(referenceDivergences), "D_KL private Poisson (mean)"),
            fig("dkl_ensemble_before_training_median", D.median(before), "D_KL before (median)"),
            fig("dkl_ensemble_after_training_median", D.median(after), "D_KL after (median)"),
            fig("dkl_target_sampled_poisson_median", D.median(referenceDivergences), "D_KL private (median)"),
            fig("after_over_poisson", D.mean(after) / D.mean(referenceDivergences), "after / private"),
            fig("training_iteration", Double(iteration), "training iteration"),
            fig("phase", Double(phase.rawValue), "phase (0 before, 1 training, 2 after, 3 done)"),
            fig("networks", Double(config.networks), "networks M"),
            fig("v_p05_ensemble", calibration?.vP05 ?? .nan, "v_p05 under ensemble background (mV)"),
            fig("alpha_ensemble", calibration?.alpha ?? .nan, "α under ensemble background (mV)"),
            fig("v_p05_poisson", referenceCalibration?.vP05 ?? .nan, "v_p05 under private Poisson (mV)"),
            fig("alpha_poisson", referenceCalibration?.alpha ?? .nan, "α under private Poisson (mV)"),
            fig("ensemble_rate_hz", beforeRateHz, "mean rate of the ensemble's neurons (Hz)"),
            fig("ensemble_fano_factor", beforeFanoFactor, "population spike-count Fano factor, 1 ms bins (1 = asynchronous)"),
            fig("calibration_rate_hz", calibrationRateHz, "ensemble rate in the last calibration round (Hz)"),
            fig("set_point_v_p05", setPoint?.vP05 ?? .nan, "v_p05 at the set point: mean activity = target's (mV)"),
            fig("set_point_activity_error", setPoint?.activityError ?? .nan, "mean activity − target's mean marginal at the set point"),
            fig("sampled_ms", timeMs, "time (ms)"),
        ]
        figures.append(fig("dkl_ensemble_training", trainingCurve.last?.value ?? .nan, "D_KL pooled, last iteration window"))
        let clipped = ensemble.chipTranslation?.clippedRestingPotentials(ensemble.machines)
        figures.append(fig("chip_leak_clipped", clipped.map(Double.init) ?? .nan, "chip neurons whose E_l the DAC clips"))
        let b = D.logBins
        let histograms = [
            Histogram(label: "before training", unit: "log10 D_KL", lowerEdge: b.lower, binWidth: b.width, counts: D.logHistogram(before)),
            Histogram(label: "after training", unit: "log10 D_KL", lowerEdge: b.lower, binWidth: b.width, counts: D.logHistogram(after)),
            Histogram(label: "private Poisson", unit: "log10 D_KL", lowerEdge: b.lower, binWidth: b.width, counts: D.logHistogram(referenceDivergences)),
        ]
        var series = [Series(name: "dkl_ensemble_training", points: trainingCurve)]
        series.append(Series(name: "dkl_ensemble_before_training", points: before.isEmpty ? [] : [(config.measureMs, D.mean(before))]))
        series.append(Series(name: "calibration_points", points: calibrationPoints.map { ($0.vRest, $0.pOn) }))
        let n = config.machine.unitCount
        let w = ensemble.machines[0].weights
        let landscapes = [
            Landscape(label: "W of network 0", columns: n, rows: n, values: w,
                      xRange: 0...Double(n - 1), yRange: 0...Double(n - 1), xLabel: "unit", yLabel: "unit"),
        ]
        return Readout(timeMs: timeMs, histograms: histograms, figures: figures, series: series, landscapes: landscapes)
    }
}
