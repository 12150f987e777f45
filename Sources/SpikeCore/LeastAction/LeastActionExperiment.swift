/// Real-time learning by least action (science.md 6.3-6.4, 6.6 screen A; Senn et al. 2024,
/// Haider et al. 2021): a 50-30-1 Latent Equilibrium network learns online to synthesise a
/// sawtooth from 50 harmonic sinusoids while the output is nudged towards it (β > 0); at
/// `nudgedPhaseMs` nudging switches off and the network free-runs.
///
/// A twin without prospective coding (same initial weights, input, nudging and plasticity) runs
/// beside the live network, so the failure of the lagging network is visible and measured.
/// Live parameters (0/1 switches): `prospective`, `nudging`, `plasticity` of the live network
/// (the twin follows `nudging` and `plasticity`).
///
/// Free-phase MSE: squared error of ŭ_N against the target, averaged over the steps after the
/// nudged phase during which nudging is off (for the live network only while its prospective
/// coding is on).
public final class LeastActionExperiment: Experiment {
    public let config: LeastActionConfig
    private var run: LeastActionRun
    private var budget = StepBudget()

    public init(config: LeastActionConfig) {
        let problems = config.validate()
        precondition(problems.isEmpty, "invalid LeastActionConfig: \(problems.joined(separator: "; "))")
        self.config = config
        run = LeastActionRun(config: config)
    }

    /// The live network and its twin without prospective coding (value snapshots).
    public var network: LatentEquilibriumNetwork { run.live }
    public var comparison: LatentEquilibriumNetwork? { run.twin }

    public var timeMs: Double { Double(run.stepIndex) * config.stepMs }
    public var stepMs: Double { config.stepMs }

    public func advance(by durationMs: Double) {
        guard durationMs > 0 else { return }
        let steps = budget.steps(for: durationMs, stepMs: config.stepMs)
        run.advance(steps: steps)
    }

    /// Simulates `steps` integration steps.
    public func advance(steps: Int) { run.advance(steps: steps) }

    // MARK: parameters

    private var switches: LearningSwitches {
        LearningSwitches(prospective: run.live.prospective, nudging: run.nudging, plasticity: run.live.plasticity)
    }

    public var parameters: [ParameterInfo] { switches.parameters(target: "target") }

    /// The twin without prospective coding follows the plasticity switch (it fails the task
    /// because of its coding, not because it stopped learning).
    public func setParameter(_ key: String, to value: Double) throws(ParameterError) {
        let s = try switches.setting(key, to: value)
        run.live.prospective = s.prospective
        run.nudging = s.nudging
        run.live.plasticity = s.plasticity
        run.twin?.plasticity = s.plasticity
    }

    // MARK: readout

    public func readout() -> Readout {
        let c = config, now = timeMs
        let traceStart = now - Double(run.targetTrace.count - 1) * c.traceIntervalMs
        var traces = [
            Trace(label: "target", startMs: traceStart, intervalMs: c.traceIntervalMs, values: run.targetTrace.ordered),
            Trace(label: "output ŭ", startMs: traceStart, intervalMs: c.traceIntervalMs, values: run.outputTrace.ordered),
        ]
        if run.twin != nil {
            traces.append(Trace(label: "without prospective coding", startMs: traceStart, intervalMs: c.traceIntervalMs,
                                values: run.twinTrace.ordered))
        }
        let columns = run.hidden.count
        let heatSpan = Double(max(0, columns - 1)) * Double(c.heatIntervalSteps) * c.stepMs
        let heat = Landscape(label: "hidden activity r = φ(ŭ)", columns: columns, rows: c.hiddenUnits,
                             values: run.hidden.rowMajor, xRange: (now - heatSpan)...max(now, now - heatSpan + 1e-9),
                             yRange: 0...Double(max(1, c.hiddenUnits - 1)), xLabel: "time (ms)", yLabel: "hidden unit")
        var series = [Series(name: "energy", points: run.energySeries.ordered),
                      Series(name: "mse_running", points: run.mseSeries.ordered)]
        if run.twin != nil {
            series.append(Series(name: "mse_running_no_prospective", points: run.twinMseSeries.ordered))
        }
        return Readout(timeMs: now, traces: traces, figures: figures(), series: series, landscapes: [heat])
    }

    private func figures() -> [Figure] {
        func f(_ name: String, _ value: Double, _ label: String) -> Figure { Figure(name: name, value: value, label: label) }
        let r = run
        let output = r.live.output.first ?? .nan
        var list = [
            f("mse_free_prospective", r.freeLive.mean, "free-phase MSE, prospective"),
            f("mse_free_no_prospective", r.twin == nil ? .nan : r.freeTwin.mean, "free-phase MSE, no prospective"),
            f("mse_running", r.window.mean, "MSE, last \(Int(config.errorWindowMs)) ms"),
            f("mse_running_no_prospective", r.twin == nil ? .nan : r.twinWindow.mean, "MSE w/o prospective, last \(Int(config.errorWindowMs)) ms"),
            f("mse_first_100ms", r.firstLive.mean, "MSE, first 100 ms"),
            f("mse_first_100ms_no_prospective", r.twin == nil ? .nan : r.firstTwin.mean, "MSE w/o prospective, first 100 ms"),
            f("energy", r.live.energy, "energy E"),
            f("output", output, "output ŭ"),
            f("target", r.target[0], "target"),
            f("beta", r.live.beta, "β now"),
            f("free_phase_ms", Double(r.freeLive.count) * config.stepMs, "free phase measured (ms)"),
        ]
        list += NeuronTerms(r.live, layer: 1, neuron: config.equationNeuron, presynapticUnit: config.equationInput).figures
        return list
    }
}

/// The mutable state of a `LeastActionExperiment` and its step loop, kept in one struct so the
/// loop touches the class's storage once per call.
struct LeastActionRun {
    let config: LeastActionConfig
    var live: LatentEquilibriumNetwork
    var twin: LatentEquilibriumNetwork?
    var nudging = true
    var nudgeScheduleDone = false
    var stepIndex: Int64 = 0
    var input: [Double]
    var target = [0.0]
    var targetTrace: SampleRing<Double>, outputTrace: SampleRing<Double>, twinTrace: SampleRing<Double>
    var hidden: ColumnRing
    var window: SlidingMean, twinWindow: SlidingMean
    var energySeries = SampleRing<(timeMs: Double, value: Double)>(capacity: 2000)
    var mseSeries = SampleRing<(timeMs: Double, value: Double)>(capacity: 2000)
    var twinMseSeries = SampleRing<(timeMs: Double, value: Double)>(capacity: 2000)
    var energyBin = RunningMean()
    var freeLive = RunningMean(), freeTwin = RunningMean(), firstLive = RunningMean(), firstTwin = RunningMean()

    init(config c: LeastActionConfig) {
        config = c
        var net = LatentEquilibriumNetwork(sizes: [c.task.inputCount, c.hiddenUnits, 1], rateFunctions: [.tanh, .identity],
                                           tauMs: c.tauMs, stepMs: c.stepMs, beta: c.beta, learningRatePerMs: c.learningRatePerMs)
        var rng = Xoshiro256StarStar(seed: c.seed, stream: RandomStream.experiment(0))
        WeightInitialisation.uniformFanIn.apply(to: &net, generator: &rng)
        net.plasticity = c.plasticity
        var copy = net
        copy.prospective = false
        net.prospective = c.prospective
        live = net
        twin = c.compareWithoutProspective ? copy : nil
        input = [Double](repeating: 0, count: c.task.inputCount)
        let samples = max(2, Int((c.traceWindowMs / c.traceIntervalMs).rounded()) + 1)
        targetTrace = SampleRing(capacity: samples)
        outputTrace = SampleRing(capacity: samples)
        twinTrace = SampleRing(capacity: samples)
        hidden = ColumnRing(rows: c.hiddenUnits, capacity: max(1, c.heatColumns))
        let bins = max(1, Int((c.errorWindowMs / c.seriesIntervalMs).rounded()))
        window = SlidingMean(binCount: bins)
        twinWindow = SlidingMean(binCount: bins)
        nudging = c.nudgedPhaseMs > 0
        nudgeScheduleDone = c.nudgedPhaseMs <= 0
    }

    mutating func advance(steps: Int) {
        let c = config
        let traceEvery = Int64(c.traceIntervalSteps), heatEvery = Int64(c.heatIntervalSteps)
        let seriesEvery = Int64(c.seriesIntervalSteps)
        for _ in 0..<max(0, steps) {
            stepIndex += 1
            let t = Double(stepIndex) * c.stepMs
            if !nudgeScheduleDone && t > c.nudgedPhaseMs + 1e-9 {
                nudging = false
                nudgeScheduleDone = true
            }
            c.task.inputs(atMs: t, into: &input)
            target[0] = c.task.target(atMs: t)
            let beta = nudging ? c.beta : 0
            live.beta = beta
            live.step(input: input, target: target)
            let err = live.output[live.output.startIndex] - target[0]
            let sq = err * err
            window.add(sq)
            energyBin.add(live.energy)
            let free = nudgeScheduleDone && !nudging
            if free && live.prospective { freeLive.add(sq) }
            if t <= 100 + 1e-9 { firstLive.add(sq) }
            if twin != nil {
                twin!.beta = beta
                twin!.step(input: input, target: target)
                let errTwin = twin!.output[twin!.output.startIndex] - target[0]
                let sqTwin = errTwin * errTwin
                twinWindow.add(sqTwin)
                if free { freeTwin.add(sqTwin) }
                if t <= 100 + 1e-9 { firstTwin.add(sqTwin) }
                if stepIndex % traceEvery == 0 { twinTrace.append(twin!.output[twin!.output.startIndex]) }
            }
            if stepIndex % traceEvery == 0 {
                targetTrace.append(target[0])
                outputTrace.append(live.output[live.output.startIndex])
            }
            if stepIndex % heatEvery == 0 { hidden.append(live.rate[live.neurons(ofLayer: 1)]) }
            if stepIndex % seriesEvery == 0 {
                window.closeBin()
                twinWindow.closeBin()
                energySeries.append((timeMs: t, value: energyBin.mean))
                energyBin = RunningMean()
                mseSeries.append((timeMs: t, value: window.mean))
                if twin != nil { twinMseSeries.append((timeMs: t, value: twinWindow.mean)) }
            }
        }
    }
}
