/// The high-conductance state (science.md 1.4): `populationSize` LIF neurons under Poisson
/// background fire irregularly, and one extra probe neuron with the threshold disabled shows
/// the free membrane potential, whose mean, standard deviation and effective time constant are
/// compared live with the sbs formulas (`FreeMembraneTheory`).
///
/// Neurons 0 ..< populationSize spike; neuron `probeIndex` = populationSize is the probe.
/// Statistics (figures, histogram) cover a measurement window that starts `burnInMs` after the
/// start or after the last parameter change; measured figures are NaN until the window has data.
public final class HighConductanceStateExperiment: Experiment {
    public let config: HighConductanceStateConfig
    public var probeIndex: Int { config.populationSize }
    /// Current background of every neuron and current E_l (after live changes).
    public private(set) var background: PoissonBackground
    public private(set) var restingPotential: Double
    /// Theory for the current parameters.
    public private(set) var theory: FreeMembraneTheory

    var run: HighConductanceStateRun
    /// The neuron the app shows on request (a clicked raster row; `MembraneProbing`).
    var membraneProbe = MembraneProbe()
    private var budget = StepBudget()

    /// The simulated network (read-only; a value snapshot).
    public var network: Network { run.network }

    public init(config: HighConductanceStateConfig) {
        let problems = config.validate()
        precondition(problems.isEmpty, "invalid HighConductanceStateConfig: \(problems.joined(separator: "; "))")
        self.config = config
        background = config.background
        restingPotential = config.neuron.vRest
        theory = FreeMembraneTheory(parameters: config.neuron, background: config.background)
        let dt = config.stepMs
        let n = config.populationSize
        let maxRatePerMs = 1 / max(config.neuron.tauRefrac, dt)
        let spikeCapacity = min(1 << 20, max(1024, Int((Double(n) * (config.rasterWindowMs * maxRatePerMs + 2)).rounded(.up))))
        var network = Network(parameters: config.neuron, count: n + 1, stepMs: dt, seed: config.seed,
                              background: config.background, spikeCapacity: spikeCapacity)
        network.setThresholdEnabled(false, neuron: n)
        network.realise(on: config.hardware, nominal: config.neuron, background: config.background)
        for k in 0..<network.neuronCount { network.setRestingPotential(config.neuron.vRest, neuron: k, on: config.hardware) }
        let traceSteps = max(1, Int((config.traceWindowMs / dt).rounded(.up)))
        let interval = max(1, (traceSteps + 1999) / 2000)
        network.addMembraneRecorder(neurons: Array(0..<config.tracedNeurons) + [n], intervalSteps: interval,
                                    capacity: traceSteps / interval + 1)
        run = HighConductanceStateRun(network: network, probe: n,
                                      seriesIntervalSteps: max(1, Int64((config.seriesIntervalMs / dt).rounded())))
        restartMeasurement()
    }

    public var timeMs: Double { network.timeMs }
    public var stepMs: Double { config.stepMs }

    // MARK: running

    public func advance(by durationMs: Double) {
        guard durationMs > 0 else { return }
        let steps = budget.steps(for: durationMs, stepMs: config.stepMs)
        advance(steps: steps)
    }

    /// Simulates `steps` integration steps.
    public func advance(steps: Int) {
        run.advance(steps: steps)
    }

    // MARK: parameters

    public var parameters: [ParameterInfo] {
        [
            ParameterInfo(key: "rate_hz", label: "background rate (Hz)", value: background.excRateHz,
                          range: 10...20000, stepFactor: 1.25),
            ParameterInfo(key: "weight_us", label: "background weight (µS)", value: background.excWeight,
                          range: 0.0001...0.01, stepFactor: 1.25),
            ParameterInfo(key: "v_rest_mv", label: "resting potential E_l (mV)", value: restingPotential,
                          range: -80...(-20), step: 0.2),
        ]
    }

    public func setParameter(_ key: String, to value: Double) throws(ParameterError) {
        guard let info = parameters.first(where: { $0.key == key }) else { throw .unknown(key: key) }
        guard info.range.contains(value) else { throw .outOfRange(key: key, value: value, range: info.range) }
        guard value != info.value else { return }
        switch key {
        case "rate_hz":
            background.excRateHz = value
            background.inhRateHz = value
            run.network.setBackground(background, on: config.hardware)
        case "weight_us":
            background.excWeight = value
            background.inhWeight = value
            run.network.setBackground(background, on: config.hardware)
        default:
            restingPotential = value
            for k in 0..<run.network.neuronCount { run.network.setRestingPotential(value, neuron: k, on: config.hardware) }
        }
        var neuron = config.neuron
        neuron.vRest = restingPotential
        theory = FreeMembraneTheory(parameters: neuron, background: background)
        restartMeasurement()
    }

    /// Starts a new measurement window burnInMs from now, with the histogram centred on the theory.
    private func restartMeasurement() {
        let burnIn = Int64((config.burnInMs / config.stepMs).rounded())
        let range: ClosedRange<Double>
        if let fixed = config.histogramRangeMv {
            range = fixed
        } else {
            let half = max(0.5, config.histogramHalfWidthSigmas * theory.sigmaV)
            range = (theory.muV - half)...(theory.muV + half)
        }
        run.measurement = FreeMembraneMeasurement(
            startStep: run.network.stepIndex + burnIn + 1, shift: theory.muV,
            batchSteps: Int((config.batchMs / config.stepMs).rounded()),
            histogram: ValueHistogram(lowerEdge: range.lowerBound, upperEdge: range.upperBound, binCount: config.histogramBins))
    }

    // MARK: readout

    public func readout() -> Readout {
        let now = network.stepIndex
        let dt = config.stepMs
        let rasterSteps = Int64((config.rasterWindowMs / dt).rounded())
        let spikes = network.spikeMonitor.spikes(fromStep: max(0, now - rasterSteps) + 1, toStep: now + 1)
        let raster = Raster(neuronCount: config.populationSize, startMs: max(0, Double(now - rasterSteps) * dt),
                            endMs: Double(now) * dt, spikeTimesMs: spikes.steps.map { Double($0) * dt },
                            spikeNeurons: spikes.neurons)

        let recorder = network.membraneRecorders[0]
        let traceSteps = Int64((config.traceWindowMs / dt).rounded())
        var traces: [Trace] = (0..<config.tracedNeurons).map {
            recorder.trace($0, label: "neuron \($0)", stepMs: dt, windowSteps: traceSteps, reference: config.neuron.vThresh)
        }
        traces.append(recorder.trace(config.tracedNeurons, label: "free membrane", stepMs: dt,
                                     windowSteps: traceSteps, reference: config.neuron.vThresh))

        let h = run.measurement.histogram
        let histogram = Histogram(label: "free membrane potential", unit: "mV", lowerEdge: h.lowerEdge,
                                  binWidth: h.binWidth, counts: h.counts,
                                  theoryDensity: (0..<h.binCount).map { theory.density(at: h.binCentre($0)) })

        return Readout(timeMs: network.timeMs, raster: raster, traces: traces, histograms: [histogram],
                       figures: figures(now: now), series: [
                           Series(name: "membrane_sd_mv", points: run.sdSeries),
                           Series(name: "membrane_mean_mv", points: run.meanSeries),
                       ])
    }

    private func figures(now: Int64) -> [Figure] {
        let m = run.measurement
        let has = m.sampleCount > 1
        let windowMs = Double(m.durationSteps(at: now)) * config.stepMs
        let meanG = has ? m.meanConductance : .nan
        let rate = has ? Double(m.populationSpikes) / (Double(config.populationSize) * windowMs / 1000) : .nan
        func f(_ name: String, _ value: Double, _ label: String) -> Figure { Figure(name: name, value: value, label: label) }
        return [
            f("membrane_mean_mv", has ? m.mean : .nan, "mean free V (mV)"),
            f("membrane_mean_theory_mv", theory.muV, "mean free V, theory (mV)"),
            f("membrane_sd_mv", has ? m.standardDeviation : .nan, "sd free V (mV)"),
            f("membrane_sd_theory_mv", theory.sigmaV, "sd free V, theory (mV)"),
            f("tau_eff_ms", config.neuron.cm / meanG, "effective τ (ms)"),
            f("tau_eff_theory_ms", theory.tauEff, "effective τ, theory (ms)"),
            f("rate_hz_mean", rate, "mean firing rate (Hz)"),
            f("p_on_mean", rate * config.neuron.tauRefrac / 1000, "mean p(z=1)"),
            f("g_tot_us", meanG, "total conductance (µS)"),
            f("g_tot_theory_us", theory.gTot, "total conductance, theory (µS)"),
            f("membrane_mean_se_mv", m.completedBatches > 1 ? m.standardErrorOfMean : .nan,
              "SE of mean V (mV)"),
            f("membrane_sd_se_mv", m.completedBatches > 1 ? m.standardErrorOfStandardDeviation : .nan,
              "SE of sd V (mV)"),
            f("stat_window_ms", has ? windowMs : 0, "measured for (ms)"),
            f("background_rate_hz", background.excRateHz, "background rate (Hz)"),
            f("background_weight_us", background.excWeight, "background weight (µS)"),
            f("v_rest_mv", restingPotential, "E_l (mV)"),
        ]
    }
}

/// The mutable state of a `HighConductanceStateExperiment` and its step loop, kept in one
/// struct so the loop touches the class's storage once per call, not once per step.
struct HighConductanceStateRun {
    var network: Network
    let probe: Int
    var measurement = FreeMembraneMeasurement(startStep: 0, shift: 0, batchSteps: 2,
                                              histogram: ValueHistogram(lowerEdge: 0, upperEdge: 1, binCount: 1))
    let seriesIntervalSteps: Int64
    private(set) var sdSeries: [(timeMs: Double, value: Double)] = []
    private(set) var meanSeries: [(timeMs: Double, value: Double)] = []
    static let seriesCapacity = 2000

    init(network: Network, probe: Int, seriesIntervalSteps: Int64) {
        self.network = network
        self.probe = probe
        self.seriesIntervalSteps = seriesIntervalSteps
    }

    mutating func advance(steps: Int) {
        let gLeak = network.population.parameters.gLeak, stepMs = network.stepMs, probe = probe
        // The network is moved out while it steps, so the observer can update the measurement.
        var net = Network.placeholder(stepMs: stepMs)
        swap(&net, &network)
        defer { swap(&net, &network) }
        net.advance(steps: steps) { step in
            let now = step.stepIndex
            if now >= measurement.startStep {
                // g_tot = g_l + g_e + g_i of the probe, read through the network's buffers.
                measurement.add(v: step.v[probe], totalConductance: gLeak + step.gE[probe] + step.gI[probe])
                measurement.populationSpikes += step.spiked.count
            }
            if now % seriesIntervalSteps == 0 && measurement.sampleCount > 1 {
                Self.append(&sdSeries, (Double(now) * stepMs, measurement.standardDeviation))
                Self.append(&meanSeries, (Double(now) * stepMs, measurement.mean))
            }
        }
    }

    private static func append(_ series: inout [(timeMs: Double, value: Double)], _ point: (Double, Double)) {
        if series.count >= seriesCapacity { series.removeFirst(series.count - seriesCapacity + 1) }
        series.append((timeMs: point.0, value: point.1))
    }
}
