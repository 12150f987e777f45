extension LIFSamplingExperiment {
    /// Sampled times (ms after burn-in) at which the per-decade KL figures are reported.
    public static let decadesMs: [Double] = [1e3, 1e4, 1e5, 1e6]

    /// A number without trailing zeros for labels ("10", "2.5").
    static func format(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d) }

    /// Figure-name suffix of a decade ("1e4" for 1e4 ms).
    public static func decadeName(_ t: Double) -> String {
        var exponent = 0, x = t
        while x >= 9.5 { x /= 10; exponent += 1 }
        return "1e\(exponent)"
    }

    /// What the screen and the headless report show (names documented in docs/scenario-keys.md):
    /// raster (on-windows = τ_ref), membrane traces, distributions (p* vs LIF over all 2^N
    /// states; p* vs the reference sampler; marginals), the energy landscape on a Gray-code
    /// grid with the current state as cursor and a trail of recent states, figures and the
    /// KL series over sampled time.
    public func readout() -> Readout {
        let net = run.network
        let now = net.stepIndex
        let dt = config.stepMs
        let n = machine.unitCount
        let rasterSteps = Int64((config.rasterWindowMs / dt).rounded())
        let spikes = net.spikeMonitor.spikes(fromStep: max(0, now - rasterSteps) + 1, toStep: now + 1)
        let raster = Raster(neuronCount: n, startMs: max(0, Double(now - rasterSteps) * dt), endMs: Double(now) * dt,
                            spikeTimesMs: spikes.steps.map { Double($0) * dt }, spikeNeurons: spikes.neurons,
                            onWindowMs: config.neuron.tauRefrac)
        var traces: [Trace] = []
        if config.tracedNeurons > 0, let recorder = net.membraneRecorders.first {   // (a probe may be the only one)
            let traceSteps = Int64((config.traceWindowMs / dt).rounded())
            traces = (0..<recorder.neurons.count).map {
                recorder.trace($0, label: "unit \($0)", stepMs: dt, windowSteps: traceSteps, reference: config.neuron.vThresh)
            }
        }
        let labels = stateLabels
        let reference = referenceIsAbstract ? run.ansHistogram : run.gibbsHistogram
        let referenceName = referenceIsAbstract ? "abstract neural sampling" : "Gibbs"
        let targetMarginals = exact.marginals
        let sampledMarginals = run.lif.marginals
        let distributions = [
            Distribution(label: "p*(z) vs sampled p(z)", categories: labels, seriesNames: ["target p*", "LIF sampled"],
                         values: [exact.probabilities, run.lif.probabilities]),
            Distribution(label: "p*(z) vs \(referenceName)", categories: labels,
                         seriesNames: ["target p*", referenceName], values: [exact.probabilities, reference.probabilities]),
            Distribution(label: "marginals p(z_k = 1)", categories: (0..<n).map { "z\($0)" },
                         seriesNames: ["target p*", "LIF sampled", referenceName],
                         values: [targetMarginals, sampledMarginals, reference.marginals]),
        ]
        return Readout(timeMs: net.timeMs, raster: raster, traces: traces, figures: figures(),
                       series: series(), distributions: distributions, landscapes: [landscape()])
    }

    /// The energy landscape: E(z) on the Gray-code grid (x = column, y = rows − 1 − row so
    /// that row 0 is at the top), the current state as cursor, recent states as trail.
    func landscape() -> Landscape {
        let g = grid
        func point(_ state: Int) -> (x: Double, y: Double) {
            let c = g.cell(ofState: state)
            return (Double(c.column), Double(g.rows - 1 - c.row))
        }
        return Landscape(label: "energy E(z) (Gray-code grid)", columns: g.columns, rows: g.rows,
                         values: g.layout(exact.energies), xRange: 0...Double(g.columns - 1),
                         yRange: 0...Double(g.rows - 1),
                         xLabel: "z\(g.rowBits)…z\(machine.unitCount - 1) (Gray order)",
                         yLabel: "z0…z\(g.rowBits - 1) (Gray order)",
                         trails: [(name: "recent states", points: run.trail.map(point))],
                         cursor: point(run.currentState))
    }

    func figures() -> [Figure] {
        let n = machine.unitCount
        let target = exact.probabilities
        let sampledMs = run.sampledMs
        let measured = run.lif.totalSteps > 0
        var f: [Figure] = [
            Figure(name: "dkl_target_sampled", value: measured ? KullbackLeibler.targetToSampled(target: target, counts: run.lif.counts) : .nan,
                   label: "D_KL(p*‖p) LIF (∞: not all states visited yet)"),
            Figure(name: "dkl_sampled_target", value: measured ? KullbackLeibler.sampledToTarget(target: target, counts: run.lif.counts) : .nan,
                   label: "D_KL(p‖p*) LIF"),
            Figure(name: "dkl_gibbs", value: run.gibbsHistogram.totalSteps > 0
                       ? KullbackLeibler.targetToSampled(target: target, counts: run.gibbsHistogram.counts) : .nan,
                   label: "D_KL(p*‖p) Gibbs, 1 sweep per τ_ref"),
            Figure(name: "dkl_abstract", value: run.ansHistogram.totalSteps > 0
                       ? KullbackLeibler.targetToSampled(target: target, counts: run.ansHistogram.counts) : .nan,
                   label: "D_KL(p*‖p) abstract neural sampling"),
            Figure(name: "dkl_discrete_samples", value: run.lif.totalSamples > 0
                       ? KullbackLeibler.targetToSampled(target: target, counts: run.lif.sampleCounts) : .nan,
                   label: "D_KL(p*‖p) from discrete samples every \(Self.format(config.sampleIntervalMs)) ms"),
            Figure(name: "discrete_samples", value: Double(run.lif.totalSamples), label: "discrete samples taken"),
            Figure(name: "sampled_ms", value: sampledMs, label: "sampled time after burn-in (ms)"),
            Figure(name: "states_visited", value: Double(run.lif.visitedStates), label: "states visited of \(machine.stateCount)"),
        ]
        let decades: [(String, [(timeMs: Double, value: Double)], String)] = [
            ("dkl_target_sampled", run.klTargetSampled, "D_KL(p*‖p) LIF"),
            ("dkl_gibbs", run.klGibbs, "D_KL(p*‖p) Gibbs"),
            ("dkl_abstract", run.klAbstract, "D_KL(p*‖p) abstract"),
        ]
        let counts = [run.lif.counts, run.gibbsHistogram.counts, run.ansHistogram.counts]
        for ((name, points, label), finalCounts) in zip(decades, counts) {
            for d in Self.decadesMs {
                // The checkpoint at T = d; or, if the run ended less than 1 % short of d (e.g.
                // `--duration 100s` with a 500 ms burn-in samples 99.5 s), the value now.
                var value = points.first { abs($0.timeMs - d) < 1e-6 * d }?.value ?? .nan
                if value.isNaN && sampledMs >= 0.99 * d && sampledMs < d {
                    value = KullbackLeibler.targetToSampled(target: target, counts: finalCounts)
                }
                f.append(Figure(name: "\(name)_\(Self.decadeName(d))", value: value,
                                label: "\(label) at \(Self.decadeName(d)) ms"))
            }
        }
        let marginals = run.lif.marginals, targetMarginals = exact.marginals
        let seconds = sampledMs / 1000
        for k in 0..<n {
            f.append(Figure(name: "marginal_\(k)", value: measured ? marginals[k] : .nan, label: "p(z\(k)=1) LIF"))
            f.append(Figure(name: "marginal_target_\(k)", value: targetMarginals[k], label: "p*(z\(k)=1) target"))
            f.append(Figure(name: "rate_hz_\(k)", value: seconds > 0 ? Double(run.spikeCounts[k]) / seconds : .nan,
                            label: "firing rate of unit \(k) (Hz); × τ_ref ≈ marginal"))
        }
        f += [
            Figure(name: "renewing_synapses", value: renewingSynapses ? 1 : 0, label: "1 renewing, 0 static synapses"),
            Figure(name: "v_p05_mv", value: calibration.vP05, label: "calibration v_p05 (mV)"),
            Figure(name: "alpha_mv", value: calibration.alpha, label: "calibration α (mV)"),
        ]
        return f
    }

    func series() -> [Series] {
        let reference = referenceIsAbstract ? run.klAbstract : run.klGibbs
        return [
            Series(name: "dkl_target_sampled", points: run.klTargetSampled),
            Series(name: "dkl_sampled_target", points: run.klSampledTarget),
            Series(name: "dkl_gibbs", points: run.klGibbs),
            Series(name: "dkl_abstract", points: run.klAbstract),
            Series(name: "dkl_reference", points: reference),
        ]
    }
}
