extension NoiseSourceKind {
    /// Suffix of this kind's figure names (`dkl_target_sampled_pool`).
    public var figureSuffix: String { rawValue }
}

extension NoiseSourcesExperiment {
    /// Decades of sampled time reported as a D_KL table (ms).
    static let tableTimes: [(label: String, ms: Double)] = [("1e3", 1e3), ("1e4", 1e4), ("1e5", 1e5), ("1e6", 1e6)]

    public func readout() -> Readout {
        var figures: [Figure] = []
        var series: [Series] = []
        var landscapes: [Landscape] = []
        // Lanes are read by index, not copied (a lane copy retains every array of its ensemble).
        for l in lanes.indices {
            let kind = lanes[l].ensemble.kind, s = kind.figureSuffix
            figures.append(Figure(name: "dkl_target_sampled_\(s)", value: meanDivergence(l),
                                  label: "D_KL(p*‖p) \(kind.label)"))
            series.append(Series(name: "dkl_target_sampled_\(s)", points: lanes[l].dkl))
        }
        for l in lanes.indices {
            let kind = lanes[l].ensemble.kind
            figures.append(Figure(name: "input_corr_mean_\(kind.figureSuffix)", value: lanes[l].ensemble.inputs.meanPairwiseCorrelation(),
                                  label: "input corr. \(kind.label)"))
        }
        let pool = lanes.first { $0.ensemble.kind == .sharedPool }
        let brn = lanes.first { $0.ensemble.kind == .backgroundNetwork }
        let noise = config.noise
        figures += [
            Figure(name: "sampled_ms", value: timeMs, label: "sampled time (ms)"),
            Figure(name: "pool_size", value: Double(noise.sourceCount), label: "pool / network size N"),
            Figure(name: "in_degree", value: Double(noise.inDegree), label: "in-degree K"),
            Figure(name: "source_activity_network", value: brn?.ensemble.sourceActivity.mean ?? .nan,
                   label: "background-network activity (target \(noise.targetActivity))"),
            Figure(name: "input_mean_pool", value: pool?.ensemble.inputs.meanInput ?? .nan, label: "pool input mean"),
            Figure(name: "input_mean_theory", value: noise.inputMean(activity: noise.targetActivity), label: "input mean, theory"),
            Figure(name: "input_var_pool", value: pool?.ensemble.inputs.meanVariance ?? .nan, label: "pool input variance"),
            Figure(name: "input_var_theory", value: noise.inputVariance(activity: noise.targetActivity), label: "input variance, theory"),
            Figure(name: "input_mean_network", value: brn?.ensemble.inputs.meanInput ?? .nan, label: "network input mean"),
            Figure(name: "input_var_network", value: brn?.ensemble.inputs.meanVariance ?? .nan, label: "network input variance"),
        ]
        for l in lanes.indices {
            let kind = lanes[l].ensemble.kind, s = kind.figureSuffix, calibration = lanes[l].calibration
            figures.append(Figure(name: "beta_eff_\(s)", value: calibration.beta, label: "β_eff \(kind.label)"))
            figures.append(Figure(name: "offset_\(s)", value: calibration.offset, label: "h₀ \(kind.label)"))
        }
        for l in lanes.indices {
            let kind = lanes[l].ensemble.kind, s = kind.figureSuffix
            for (label, ms) in Self.tableTimes {
                let v = lanes[l].dkl.first { abs($0.timeMs - ms) < config.cycleMs / 2 }?.value ?? .nan
                figures.append(Figure(name: "dkl_target_sampled_\(s)_\(label)", value: v, label: "D_KL \(kind.label) at \(label) ms"))
            }
            figures.append(Figure(name: "dkl_pooled_\(s)", value: pooledDivergence(l), label: "D_KL pooled over networks, \(kind.label)"))
            let m = lanes[l].ensemble.inputs.matrixUnits
            landscapes.append(Landscape(label: "input correlation · \(kind.label)", columns: m, rows: m,
                                        values: lanes[l].ensemble.inputs.correlationMatrix,
                                        xRange: 0...Double(m - 1), yRange: 0...Double(m - 1), xLabel: "unit", yLabel: "unit"))
        }
        return Readout(timeMs: timeMs, raster: raster(), figures: figures, series: series, landscapes: landscapes)
    }

    /// Network 0 of every lane, stacked (lane l's unit k is row l·n + k); each cycle a unit is on
    /// draws as one on-window of `cycleMs`.
    func raster() -> Raster {
        let n = config.machine.unitCount
        let window = Double(config.rasterCycles) * config.cycleMs
        // The states themselves, not the spikes derived from them (no lane copies either).
        let states = StackedStates(lanes: lanes.indices.map { lanes[$0].recentStates }, unitCount: n, timeMs: timeMs,
                                   spacingMs: config.cycleMs)
        return Raster(neuronCount: lanes.count * n, startMs: max(0, timeMs - window), endMs: max(timeMs, window),
                      states: states, onWindowMs: config.cycleMs)
    }
}
