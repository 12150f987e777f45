extension SpikingNoiseSourcesExperiment {
    /// Sampled times reported as a D_KL table (ms).
    static let tableTimes: [(label: String, ms: Double)] = [("1e3", 1e3), ("1e4", 1e4), ("1e5", 1e5)]
    /// The rate sbs assumes for its noise network's neurons when calibrating, Hz (science.md 2.2).
    public static let sbsAssumedRateHz = 30.0

    /// Measured vs expected statistics of lane l's excitatory noise conductance g_E (µS, µS²),
    /// averaged over the samplers; the expectation is Campbell's for independent sources at the
    /// measured source rates. (Kept by the lane as it runs, `Lane.excitatoryStatistics`.)
    public func excitatoryInputStatistics(_ l: Int) -> InputStatisticsAgainstCampbell { lanes[l].excitatoryStatistics }

    /// The definition the lanes keep: measured mean and variance of g_E, and Campbell's.
    static func excitatoryInputStatistics(of lane: Lane) -> InputStatisticsAgainstCampbell {
        guard let d = lane.samplers.driver else { return (.nan, .nan, .nan, .nan) }
        let e = d.continuous.map { $0.excitatoryStatistics(decay: d.projection.excitatoryDecay) }
            ?? d.projection.expectedExcitatoryStatistics(spikeProbabilities: d.measuredSpikeProbabilities)
        return (d.projection.excitatory.meanInput, e.mean, d.projection.excitatory.meanVariance, e.variance)
    }

    public func readout() -> Readout {
        var figures: [Figure] = [], series: [Series] = [], landscapes: [Landscape] = []
        // Lanes are read by index, not copied (a lane copy retains every array of its ensemble).
        for l in lanes.indices {
            let s = lanes[l].kind.figureSuffix, label = Self.label(lanes[l].kind)
            figures.append(Figure(name: "dkl_target_sampled_\(s)", value: lanes[l].divergence, label: "D_KL(p*‖p) \(label)"))
            series.append(Series(name: "dkl_target_sampled_\(s)", points: lanes[l].dkl))
        }
        for l in lanes.indices {
            let corr = lanes[l].samplers.driver?.projection.inputs.meanPairwiseCorrelation()
            figures.append(Figure(name: "input_corr_mean_\(lanes[l].kind.figureSuffix)", value: corr ?? .nan,
                                  label: "input corr. \(Self.label(lanes[l].kind))"))
        }
        let w = externalWeights
        figures += [
            Figure(name: "sampled_ms", value: timeMs, label: "sampled time (ms)"),
            Figure(name: "pool_size", value: Double(config.network.size), label: "pool / network size N"),
            Figure(name: "external_connectivity", value: config.externalConnectivity, label: "connectivity to samplers ε_ext"),
            Figure(name: "in_degree_exc", value: Double(config.excitatoryInDegree), label: "excitatory inputs per sampler K_E"),
            Figure(name: "in_degree_inh", value: Double(config.inhibitoryInDegree), label: "inhibitory inputs per sampler K_I"),
            Figure(name: "network_rate_hz", value: lanes.first { $0.kind == .backgroundNetwork }?.samplers.driver?.network?.meanRateHz ?? .nan,
                   label: "background network rate (Hz, sbs assumes \(Int(Self.sbsAssumedRateHz)))"),
            Figure(name: "network_rate_calibration_hz", value: networkRateHz, label: "network rate before calibration (Hz)"),
            Figure(name: "external_weight_exc_nS", value: w.excitatory * 1000, label: "w_E to samplers (nS)"),
            Figure(name: "external_weight_inh_nS", value: w.inhibitory * 1000, label: "w_I to samplers (nS)"),
        ]
        for l in lanes.indices {
            let s = lanes[l].kind.figureSuffix, label = Self.label(lanes[l].kind), calibration = lanes[l].calibration
            let st = excitatoryInputStatistics(l)
            figures += [
                Figure(name: "input_mean_\(s)_nS", value: st.mean * 1000, label: "mean g_E noise \(label) (nS)"),
                Figure(name: "input_mean_theory_\(s)_nS", value: st.expectedMean * 1000, label: "mean g_E, Campbell (nS)"),
                Figure(name: "input_var_\(s)_nS2", value: st.variance * 1e6, label: "var g_E noise \(label) (nS²)"),
                Figure(name: "input_var_theory_\(s)_nS2", value: st.expectedVariance * 1e6, label: "var g_E, Campbell (nS²)"),
                Figure(name: "v_p05_\(s)", value: calibration?.vP05 ?? .nan, label: "v_p05 \(label) (mV)"),
                Figure(name: "alpha_\(s)", value: calibration?.alpha ?? .nan, label: "α \(label) (mV)"),
            ]
        }
        for l in lanes.indices {
            let s = lanes[l].kind.figureSuffix, label = Self.label(lanes[l].kind)
            for (t, ms) in Self.tableTimes {
                let v = lanes[l].dkl.first { abs($0.timeMs - ms) < 0.5 }?.value ?? .nan
                figures.append(Figure(name: "dkl_target_sampled_\(s)_\(t)", value: v, label: "D_KL \(label) at \(t) ms"))
            }
            figures.append(Figure(name: "dkl_pooled_\(s)", value: pooledDivergence(l), label: "D_KL pooled over networks, \(label)"))
            if let inputs = lanes[l].samplers.driver?.projection.inputs {
                let m = inputs.matrixUnits
                landscapes.append(Landscape(label: "input correlation · \(label)", columns: m, rows: m, values: inputs.correlationMatrix,
                                            xRange: 0...Double(m - 1), yRange: 0...Double(m - 1), xLabel: "unit", yLabel: "unit"))
            }
        }
        return Readout(timeMs: timeMs, raster: raster(), figures: figures, series: series, landscapes: landscapes)
    }

    /// Lane names of the spiking formulation.
    public static func label(_ kind: NoiseSourceKind) -> String {
        switch kind {
        case .privateNoise: return "private Poisson"
        case .sharedPool: return "Poisson pool"
        case .backgroundNetwork: return "LIF network"
        case .continuous: return "OU conductance"
        default: return kind.label
        }
    }

    /// Network 0 of every lane, stacked (lane l's unit k is row l·n + k), z_k sampled every ms.
    func raster() -> Raster {
        let n = config.machine.unitCount
        // The states themselves, not the spikes derived from them (no lane copies either).
        let states = StackedStates(lanes: lanes.indices.map { lanes[$0].recentStates }, unitCount: n, timeMs: timeMs,
                                   spacingMs: 1)
        return Raster(neuronCount: lanes.count * n, startMs: max(0, timeMs - config.rasterMs), endMs: max(timeMs, config.rasterMs),
                      states: states, onWindowMs: 1)
    }
}
