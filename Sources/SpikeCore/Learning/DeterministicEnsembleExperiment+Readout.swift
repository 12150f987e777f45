#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension DeterministicEnsembleExperiment {
    /// log10 D_KL bins of the before/after histograms.
    static let logBins = (lower: -4.0, width: 0.25, count: 16)

    static func mean(_ x: [Double]) -> Double { x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count) }
    static func median(_ x: [Double]) -> Double {
        guard !x.isEmpty else { return .nan }
        let s = x.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
    }

    /// Counts of log10 D_KL over the ensemble (values below/above the range go to the end bins).
    static func logHistogram(_ x: [Double]) -> [Double] {
        var counts = Array(repeating: 0.0, count: logBins.count)
        for v in x where v > 0 && v.isFinite {
            let b = Int(((log10(v) - logBins.lower) / logBins.width).rounded(.down))
            counts[min(max(b, 0), logBins.count - 1)] += 1
        }
        return counts
    }

    public func readout() -> Readout {
        let driven = config.source == .ensemble ? "ensemble" : "networks on the background network"
        var figures: [Figure] = [
            Figure(name: "dkl_ensemble_before_training", value: Self.mean(before), label: "D_KL \(driven) before training (mean)"),
            Figure(name: "dkl_ensemble_after_training", value: Self.mean(after), label: "D_KL \(driven) after training (mean)"),
            Figure(name: "dkl_target_sampled_poisson", value: Self.mean(referenceDivergences), label: "D_KL private noise (mean)"),
            Figure(name: "dkl_ensemble_before_training_median", value: Self.median(before), label: "D_KL before (median)"),
            Figure(name: "dkl_ensemble_after_training_median", value: Self.median(after), label: "D_KL after (median)"),
            Figure(name: "dkl_target_sampled_poisson_median", value: Self.median(referenceDivergences), label: "D_KL private (median)"),
            Figure(name: "after_over_poisson", value: Self.mean(after) / Self.mean(referenceDivergences), label: "after / private"),
            Figure(name: "training_iteration", value: Double(iteration), label: "training iteration"),
            Figure(name: "phase", value: Double(phase.rawValue), label: "phase (0 before, 1 training, 2 after, 3 done)"),
            Figure(name: "networks", value: Double(config.networks), label: "networks M"),
            Figure(name: "input_corr_mean_ensemble", value: inputCorrelation, label: "mean input correlation"),
            Figure(name: "beta_eff_ensemble", value: calibration.beta, label: "β_eff under \(config.source.label) noise"),
            Figure(name: "offset_ensemble", value: calibration.offset, label: "h₀ under \(config.source.label) noise"),
            Figure(name: "beta_eff_poisson", value: referenceCalibration.beta, label: "β_eff under private noise"),
            Figure(name: "sampled_ms", value: timeMs, label: "time (ms)"),
        ]
        if let last = trainingCurve.last {
            figures.append(Figure(name: "dkl_ensemble_training", value: last.value, label: "D_KL pooled, last iteration window"))
        } else {
            figures.append(Figure(name: "dkl_ensemble_training", value: .nan, label: "D_KL pooled, last iteration window"))
        }
        let b = Self.logBins
        let histograms = [
            Histogram(label: "before training", unit: "log10 D_KL", lowerEdge: b.lower, binWidth: b.width, counts: Self.logHistogram(before)),
            Histogram(label: "after training", unit: "log10 D_KL", lowerEdge: b.lower, binWidth: b.width, counts: Self.logHistogram(after)),
            Histogram(label: "private noise", unit: "log10 D_KL", lowerEdge: b.lower, binWidth: b.width, counts: Self.logHistogram(referenceDivergences)),
        ]
        var series = [Series(name: "dkl_ensemble_training", points: trainingCurve)]
        series.append(Series(name: "dkl_ensemble_before_training", points: before.isEmpty ? [] : [(Double(config.measureCycles) * config.cycleMs, Self.mean(before))]))
        let n = config.machine.unitCount
        let m = ensemble.inputs.matrixUnits
        let landscapes = [
            Landscape(label: "W' of network 0", columns: n, rows: n, values: ensemble.weights[0],
                      xRange: 0...Double(n - 1), yRange: 0...Double(n - 1), xLabel: "unit", yLabel: "unit"),
            Landscape(label: "input correlation", columns: m, rows: m, values: inputCorrelationMatrix.isEmpty ? ensemble.inputs.correlationMatrix : inputCorrelationMatrix,
                      xRange: 0...Double(m - 1), yRange: 0...Double(m - 1), xLabel: "unit", yLabel: "unit"),
        ]
        return Readout(timeMs: timeMs, histograms: histograms, figures: figures, series: series, landscapes: landscapes)
    }
}
