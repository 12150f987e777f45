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
        let names = lanes.map { NoiseSourcesFigureNames.byKind[$0.ensemble.kind]! }
        for l in lanes.indices {
            let n = names[l].divergence
            figures.append(Figure(name: n.name, value: lanes[l].divergence, label: n.label))
            series.append(Series(name: n.name, points: lanes[l].dkl))
        }
        for l in lanes.indices {
            let n = names[l].inputCorrelation
            figures.append(Figure(name: n.name, value: lanes[l].ensemble.inputs.meanPairwiseCorrelation(), label: n.label))
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
            let calibration = lanes[l].calibration
            figures.append(Figure(name: names[l].beta.name, value: calibration.beta, label: names[l].beta.label))
            figures.append(Figure(name: names[l].offset.name, value: calibration.offset, label: names[l].offset.label))
        }
        for l in lanes.indices {
            for (i, (_, ms)) in Self.tableTimes.enumerated() {
                let v = lanes[l].dkl.first { abs($0.timeMs - ms) < config.cycleMs / 2 }?.value ?? .nan
                figures.append(Figure(name: names[l].divergenceAt[i].name, value: v, label: names[l].divergenceAt[i].label))
            }
            figures.append(Figure(name: names[l].pooled.name, value: pooledDivergence(l), label: names[l].pooled.label))
            let m = lanes[l].ensemble.inputs.matrixUnits
            landscapes.append(Landscape(label: names[l].correlationMap, columns: m, rows: m,
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
