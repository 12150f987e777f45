extension DreamingExperiment {
    /// Figure names in display order (documented in docs/scenario-keys.md).
    public static let figureNames: [String] = [
        "classifier_accuracy", "dream_confidence_mean", "data_confidence_mean", "completion_accuracy",
        "label_accuracy_spiking", "label_accuracy_gibbs",
    ] + (0..<DigitSet.classCount).map { "occupancy_\($0)" } + ["dream_samples", "completion_trials", "label_trials",
                                                                "v_p05_mv", "alpha_mv",
                                                                "noise_ensemble", "ensemble_copies", "ensemble_rate_hz"]

    /// Fraction of dreamed images classified as each class.
    public var occupancy: [Double] {
        let n = Double(max(1, dreamCount))
        return dreamClassCounts.map { Double($0) / n }
    }

    /// Mean classifier confidence on the dreamed images (NaN before the first one).
    public var dreamConfidenceMean: Double {
        dreamCount == 0 ? .nan : dreamConfidenceSum / Double(dreamCount)
    }

    static func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : .nan }

    public func figures() -> [Figure] {
        var f = [
            Figure(name: "classifier_accuracy", value: classifierAccuracy, label: "classifier accuracy, held-out digits"),
            Figure(name: "dream_confidence_mean", value: dreamConfidenceMean, label: "mean confidence on dreamed images"),
            Figure(name: "data_confidence_mean", value: dataConfidenceMean, label: "mean confidence on held-out digits"),
            Figure(name: "completion_accuracy", value: Self.ratio(completionCorrect, completionTrials),
                   label: "left half clamped: completed image classified right"),
            Figure(name: "label_accuracy_spiking", value: Self.ratio(labelCorrectSpiking, labelTrials),
                   label: "image clamped: label units right (LIF)"),
            Figure(name: "label_accuracy_gibbs", value: Self.ratio(labelCorrectGibbs, labelTrials),
                   label: "image clamped: label units right (Gibbs)"),
        ]
        for (k, o) in occupancy.enumerated() {
            f.append(Figure(name: "occupancy_\(k)", value: o, label: "dreamed images classified as \(k)"))
        }
        f += [
            Figure(name: "dream_samples", value: Double(dreamCount), label: "dreamed images (one per window)"),
            Figure(name: "completion_trials", value: Double(completionTrials), label: "completion trials"),
            Figure(name: "label_trials", value: Double(labelTrials), label: "label-inference trials"),
            Figure(name: "v_p05_mv", value: dream.translation.vP05, label: "calibration v_p05 (mV)"),
            Figure(name: "alpha_mv", value: dream.translation.alpha, label: "calibration alpha (mV)"),
            Figure(name: "noise_ensemble", value: Double(noise.rawValue),
                   label: noise == .poisson ? "noise: Poisson (0) / ensemble (1)" : "noise: ensemble, no Poisson input (1) / Poisson (0)"),
            Figure(name: "ensemble_copies", value: noise == .ensemble ? Double(config.ensemble.copies) : 0,
                   label: "networks per ensemble M (0: Poisson)"),
            // 0 (not NaN) under Poisson noise, as ensemble_copies: figures compare equal run to run.
            Figure(name: "ensemble_rate_hz", value: noise == .ensemble ? ensembleCalibration?.rateHz ?? 0 : 0,
                   label: "ensemble neurons' mean rate, last calibration round (Hz; 0: Poisson)"),
        ]
        return f
    }

    /// What the screen and the headless report show: figures, the film strip of the network on
    /// display (`images`, oldest first; the last is the current image), the raster of all units
    /// (visible first, then hidden; of an ensemble only copy 0, on the experiment's clock), and
    /// the class occupancy of the dream against the data.
    public func readout() -> Readout {
        let shown = showCompletion ? inference : dream
        let net = shown.network
        let dt = config.stepMs
        let now = net.stepIndex
        let rasterSteps = Int64((config.rasterWindowMs / dt).rounded())
        var spikes = net.spikeMonitor.spikes(fromStep: max(0, now - rasterSteps) + 1, toStep: now + 1)
        let units = shown.unitCount
        if net.neuronCount > units {
            let kept = spikes.neurons.indices.filter { Int(spikes.neurons[$0]) < units }
            spikes = (kept.map { spikes.steps[$0] }, kept.map { spikes.neurons[$0] })
        }
        let clock = Double(networkStartStep) * dt
        let raster = Raster(neuronCount: units, startMs: clock + max(0, Double(now - rasterSteps) * dt),
                            endMs: clock + Double(now) * dt, spikeTimesMs: spikes.steps.map { clock + Double($0) * dt },
                            spikeNeurons: spikes.neurons, onWindowMs: config.neuron.tauRefrac)
        let dataFrequencies = heldOut.classCounts.map { Double($0) / Double(max(1, heldOut.count)) }
        let occupancyChart = Distribution(label: "class occupancy", categories: (0..<DigitSet.classCount).map(String.init),
                                          seriesNames: ["dream", "held-out data"], values: [occupancy, dataFrequencies])
        var r = Readout(timeMs: timeMs, raster: raster, figures: figures(), distributions: [occupancyChart])
        r.images = showCompletion ? completionFilm : dreamFilm
        return r
    }

    /// The retained dreamed images (all of them with `retainedImageLimit = .max`, as
    /// `--export-samples` sets it) as CSV, one image a line like the input data: grey levels in [0, 1]
    /// (time in z = 1 over the window) row-major, then the classifier's label.
    public var dreamSamplesCSV: String {
        var out = ""
        for (image, label) in zip(dreamImages, dreamLabels) {
            out += image.map { Self.grey($0) }.joined(separator: ",") + ",\(label)\n"
        }
        return out
    }

    static func grey(_ x: Double) -> String {
        let milli = Int((x * 10000).rounded())
        if milli == 0 { return "0" }
        if milli == 10000 { return "1" }
        let s = String(milli)
        return "0." + String(repeating: "0", count: 4 - s.count) + s
    }
}
