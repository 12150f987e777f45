/// M copies of a Boltzmann machine as networks of conductance-based LIF samplers (science.md
/// 1.1–1.12) in one `Network`, each copy with its own parameters (trained separately), and
/// optional calibration probes: either under private Poisson background (the reference,
/// science.md 2.1) or with no noise source at all, every neuron's background being spikes of
/// other copies (`SpikingEnsembleBackground`, [Dold2019], science.md 2.3).
///
/// Layout: copy m is neurons m·n ..< (m + 1)·n; probes (threshold enabled, no outgoing
/// synapses) follow. Projection 0: within-copy synapses (dense, block-diagonal, renewing,
/// science.md 1.8); projection 1 (ensemble only): the background.
///
/// Measurement: every `sampleIntervalSteps` the joint state of each copy (z_k = refractory,
/// unit 0 the most significant bit, as `LIFSamplingRun`) is counted in its `StateHistogram`;
/// spikes of copy neurons and probes are counted.
public struct SpikingSamplingEnsemble: Sendable {
    public enum Noise: Sendable, Equatable {
        case privatePoisson(PoissonBackground)
        case ensemble(SpikingEnsembleBackground)
        /// Explicit spike sources (`ExternalNoiseDriver`: private or pooled Poisson sources, a
        /// background network of LIF neurons) and no Poisson generators.
        case external
    }

    public let noise: Noise
    /// The spike sources and their synapses when `noise` is `.external`.
    public private(set) var driver: ExternalNoiseDriver?
    public let unitCount: Int
    public let copies: Int
    public private(set) var network: Network
    /// Current parameters (W, b) of each copy (what the contrastive rule trains).
    public private(set) var machines: [BoltzmannMachine]
    /// The translation in use (calibration and the background its weight factors assume).
    public private(set) var translation: LIFSamplingTranslation
    /// The emulated chip the copies run on (nil: the ideal model). Probes stay nominal neurons:
    /// they are the instrument that measures the nominal activation function under the noise the
    /// chip's neurons receive.
    public let hardware: HardwareRealisation?
    /// The translation onto the chip (per-neuron calibrations), when on a chip.
    public private(set) var chipTranslation: ChipEnsembleTranslation?
    /// The nominal neuron parameters.
    public let neuron: LIFParameters
    /// E_l of the probes, mV.
    public private(set) var probeRestingPotentials: [Double] = []
    public private(set) var histograms: [StateHistogram]
    /// Spikes per neuron since the last reset (copies, then probes).
    public private(set) var spikeCounts: [Int]
    public private(set) var measuredSteps = 0
    /// Mean rate of the copy neurons during the last `calibrateWithProbes` window, Hz.
    public internal(set) var lastCalibrationRateHz = Double.nan
    /// The probe points (E_l in mV, p_on) of the last `calibrateWithProbes` window.
    public internal(set) var lastCalibrationPoints: [(vRest: Double, pOn: Double)] = []
    public let sampleIntervalSteps: Int
    let tauRefSteps: Int
    /// Population spike counts of the copy neurons in 1 ms bins since the last reset: number of
    /// bins, Σ count, Σ count² (for the Fano factor, a synchrony measure: 1 for independent
    /// Poisson neurons, ≫ 1 when the ensemble fires in volleys).
    var binCount = 0, binSum = 0.0, binSquares = 0.0, binCurrent = 0
    let binSteps: Int

    /// - Parameters:
    ///   - probes: number of calibration probes appended after the copies (their E_l set by
    ///     `setProbes`).
    ///   - seed: network seed (Poisson streams) and, for the ensemble, the wiring seed.
    ///   - hardware: the emulated chip the copy neurons run on (science.md 4.3): their intrinsic
    ///     parameters, E_l (DAC, leak offset), within-copy synapses (quantised, distorted) and noise
    ///     synapses (`noiseSynapseFactors`, whatever the noise) are the chip's; nil: ideal.
    public init(machine: BoltzmannMachine, copies: Int, neuron: LIFParameters, noise: Noise, translation: LIFSamplingTranslation,
                stepMs: Double, delayMs: Double, probes: Int, seed: UInt64, sampleIntervalMs: Double = 0.1,
                driver: ExternalNoiseDriver? = nil, hardware: HardwareRealisation? = nil) {
        let n = machine.unitCount
        unitCount = n
        self.copies = copies
        self.noise = noise
        self.translation = translation
        self.neuron = neuron
        self.hardware = hardware
        let count = copies * n + probes
        precondition((noise == .external) == (driver != nil), "external noise needs a driver, and only it")
        precondition(hardware == nil || copies * n <= ChipMismatch.synapseIndexLimit, "at most \(ChipMismatch.synapseIndexLimit) neurons on one chip")
        let chipNeurons = 0..<(copies * n)
        let noiseFactors = hardware.map { h in chipNeurons.map { h.noiseSynapseFactors(neuron: $0) } }
        var driver = driver
        if let noiseFactors { driver?.setTargetFactors(noiseFactors) }
        if let driver { precondition(driver.projection.targetCount == count, "the driver must reach all \(count) neurons") }
        self.driver = driver
        let poisson: PoissonBackground
        if case .privatePoisson(let p) = noise { poisson = p } else { poisson = .none }
        var net = Network(parameters: neuron, count: count, stepMs: stepMs, seed: seed, background: poisson, spikeCapacity: 4096)
        net.addProjection(weights: DenseWeights(preCount: count, postCount: count), model: .renewing(tauSyn: neuron.tauSynE),
                          delayMs: delayMs)
        if case .ensemble(let b) = noise {
            precondition(b.copies == copies && b.neuronsPerCopy == n, "background wiring for \(b.copies)×\(b.neuronsPerCopy), ensemble \(copies)×\(n)")
            b.addProjection(to: &net, seed: seed, postFactors: noiseFactors)
        }
        hardware?.apply(to: &net, nominal: neuron, background: poisson, neurons: chipNeurons)
        // Desynchronised start (sbs noise network: initial V uniform below threshold): identical
        // copies would otherwise start in lockstep.
        var rng = Xoshiro256StarStar(seed: seed, stream: RandomStream.spikingEnsembleInitial)
        for k in 0..<count {
            net.setMembranePotential(neuron.vThresh - 5 * rng.nextUniform(), neuron: k)
        }
        if driver != nil { net.reserveScheduleHorizon(steps: Self.externalChunkSteps) }
        network = net
        machines = Array(repeating: machine, count: copies)
        histograms = Array(repeating: StateHistogram(unitCount: n, sampleIntervalSteps: 1), count: copies)
        spikeCounts = Array(repeating: 0, count: count)
        sampleIntervalSteps = max(1, Int((sampleIntervalMs / stepMs).rounded()))
        tauRefSteps = Int((neuron.tauRefrac / stepMs).rounded())
        binSteps = max(1, Int((1 / stepMs).rounded()))
        applyAll()
    }

    public var probeCount: Int { network.neuronCount - copies * unitCount }
    /// Sampled states per τ_ref (the unit of the per-network prior count).
    public var samplesPerTauRef: Double { Double(tauRefSteps) / Double(sampleIntervalSteps) }

    /// Replaces the translation (a new calibration) and re-applies every copy's parameters.
    public mutating func setTranslation(_ t: LIFSamplingTranslation) {
        translation = t
        applyAll()
    }

    /// Sets copy m's parameters (E_l of its neurons and its block of weights).
    public mutating func setMachine(_ machine: BoltzmannMachine, copy m: Int) {
        machines[m] = machine
        applyRestingPotentials(copy: m)
        applyWeights()
    }

    /// Sets every copy's parameters at once (one weight rebuild).
    public mutating func setMachines(_ list: [BoltzmannMachine]) {
        precondition(list.count == copies)
        machines = list
        applyAll()
    }

    /// Probe resting potentials (count must equal the probe count).
    public mutating func setProbes(restingPotentials: [Double]) {
        precondition(restingPotentials.count == probeCount)
        probeRestingPotentials = restingPotentials
        for (i, v) in restingPotentials.enumerated() { network.setRestingPotential(v, neuron: copies * unitCount + i) }
    }

    /// Applies the translation to every copy (on a chip: moved to each chip neuron first).
    private mutating func applyAll() {
        if let hardware, chipTranslation?.shared != translation {
            chipTranslation = ChipEnsembleTranslation(realisation: hardware, nominal: neuron, shared: translation, neurons: copies * unitCount)
        }
        for m in 0..<copies { applyRestingPotentials(copy: m) }
        applyWeights()
    }

    private mutating func applyRestingPotentials(copy m: Int) {
        if let chip = chipTranslation {
            for (k, b) in machines[m].biases.enumerated() {
                let g = m * unitCount + k
                network.setRestingPotential(chip.programmedRestingPotential(bias: b, neuron: g), neuron: g, on: hardware)
            }
            return
        }
        for (k, v) in translation.restingPotentials(machines[m]).enumerated() {
            network.setRestingPotential(v, neuron: m * unitCount + k)
        }
    }

    private mutating func applyWeights() {
        let blocks = machines.enumerated().map { m, machine in
            chipTranslation?.weights(machine, copy: m) ?? translation.synapticWeights(machine)
        }
        let w = SpikingEnsembleBackground.blockDiagonal(blocks,
                                                        neuronCount: network.neuronCount)
        network.setWeights(w, projection: 0)
    }

    /// Forgets histograms and spike counts.
    public mutating func resetMeasurements() {
        histograms = Array(repeating: StateHistogram(unitCount: unitCount, sampleIntervalSteps: 1), count: copies)
        spikeCounts = Array(repeating: 0, count: spikeCounts.count)
        measuredSteps = 0
        binCount = 0; binSum = 0; binSquares = 0; binCurrent = 0
    }

    /// Fano factor of the copies' population spike count in 1 ms bins since the last reset.
    public var populationFanoFactor: Double {
        guard binCount > 1, binSum > 0 else { return .nan }
        let mean = binSum / Double(binCount)
        return (binSquares / Double(binCount) - mean * mean) / mean
    }

    /// Simulates `steps` steps, measuring. With external noise, one step at a time after the
    /// driver has delivered that step's noise conductances.
    public mutating func run(steps: Int) {
        guard var d = driver else { return runNetwork(steps: steps) }
        driver = nil  // moved out for the loop (no copy of its buffers)
        var done = 0
        while done < steps {
            // The sources do not depend on the samplers, so they run a chunk ahead and their
            // conductances are scheduled at the steps they arrive (the same dynamics as one step at
            // a time, with the network's per-call overhead paid once per chunk).
            let chunk = min(Self.externalChunkSteps, steps - done), now = network.stepIndex
            for k in 0..<chunk {
                let at = now + Int64(k)
                d.step { amount, excitatory, neuron in
                    network.scheduleConductance(amount, excitatory: excitatory, neuron: neuron, arrivalStep: at)
                }
            }
            runNetwork(steps: chunk)
            done += chunk
        }
        driver = d
    }

    /// Steps the external sources run ahead of the samplers (the ring holds that many).
    static let externalChunkSteps = 16

    /// Forgets the driver's input statistics and source counts.
    public mutating func resetNoiseStatistics() { driver?.resetStatistics() }

    private mutating func runNetwork(steps: Int) {
        guard steps > 0 else { return }
        let n = unitCount, m = copies, interval = sampleIntervalSteps
        var local = Network.placeholder(stepMs: network.stepMs)
        swap(&local, &network)
        var counts = spikeCounts, hists = histograms, done = measuredSteps
        var bins = (binCount, binSum, binSquares, binCurrent)
        let copyNeurons = Int32(m * n), perBin = binSteps
        local.advance(steps: steps) { step in
            for k in step.spiked {
                counts[Int(k)] += 1
                if k < copyNeurons { bins.3 += 1 }
            }
            done += 1
            if done % perBin == 0 {
                bins.0 += 1; bins.1 += Double(bins.3); bins.2 += Double(bins.3 * bins.3); bins.3 = 0
            }
            if done % interval == 0 {
                let ref = step.refractorySteps
                for c in 0..<m {
                    var index = 0
                    for k in 0..<n { index = (index << 1) | (ref[c * n + k] > 0 ? 1 : 0) }
                    hists[c].add(stateIndex: index)
                }
            }
        }
        swap(&local, &network)
        spikeCounts = counts
        histograms = hists
        measuredSteps = done
        (binCount, binSum, binSquares, binCurrent) = bins
    }

    /// Mean firing rate of the copy neurons since the last reset, Hz.
    public var meanCopyRateHz: Double {
        let neurons = copies * unitCount
        guard measuredSteps > 0 else { return .nan }
        let spikes = spikeCounts[0..<neurons].reduce(0, +)
        return Double(spikes) / (Double(neurons) * Double(measuredSteps) * network.stepMs / 1000)
    }

    /// p_on of each probe since the last reset: spikes·τ_ref/T (science.md 1.5).
    public var probePOn: [Double] {
        guard measuredSteps > 0 else { return [] }
        let first = copies * unitCount
        return (0..<probeCount).map { min(1, Double(spikeCounts[first + $0] * tauRefSteps) / Double(measuredSteps)) }
    }

    /// D_KL(p* ‖ p_m) of each copy with one prior count (one τ_ref of time) per state
    /// (science.md 1.10 b; as `BinarySamplingEnsemble.perNetworkPrior`).
    public func divergences(target: [Double]) -> [Double] {
        histograms.map { KullbackLeibler.targetToSampled(target: target, counts: $0.counts, zeroCounts: .pseudoCount(samplesPerTauRef)) }
    }

    /// D_KL(p* ‖ p) of the histogram pooled over the copies (no prior).
    public func pooledDivergence(target: [Double]) -> Double {
        var counts = Array(repeating: 0.0, count: target.count)
        for h in histograms { for (i, c) in h.counts.enumerated() { counts[i] += c } }
        return KullbackLeibler.targetToSampled(target: target, counts: counts)
    }
}

extension RandomStream {
    /// Initial membrane potentials of a `SpikingSamplingEnsemble` (issue 4).
    public static let spikingEnsembleInitial: UInt64 = experiment(0x4_11)
}

extension SpikingSamplingEnsemble {
    /// Calibrates the activation function under the background the copies actually receive
    /// (science.md 1.5, 2.3 step 3): the probes sit at E_l equally spaced over
    /// `centre ± halfWidth`, run `burnInSteps` + `steps` alongside the copies, and the logistic
    /// p_on(E_l) = σ((E_l − v_p05)/α) is fitted to the points inside (0.05, 0.95). Measurements
    /// are reset before and after. Nil if fewer than 3 points are usable or the fit fails.
    public mutating func calibrateWithProbes(centre: Double, halfWidth: Double, burnInSteps: Int, steps: Int) -> LogisticFit? {
        let p = probeCount
        precondition(p >= 3, "calibration needs at least 3 probes")
        setProbes(restingPotentials: (0..<p).map { centre - halfWidth + 2 * halfWidth * Double($0) / Double(p - 1) })
        run(steps: burnInSteps)
        resetMeasurements()
        run(steps: steps)
        let pOn = probePOn
        let fit = LogisticFit.fit(vRest: probeRestingPotentials, pOn: pOn)
        lastCalibrationRateHz = meanCopyRateHz
        lastCalibrationPoints = Array(zip(probeRestingPotentials, pOn))
        resetMeasurements()
        guard let fit, fit.converged, fit.alpha > 0 else { return nil }
        return fit
    }

    /// `calibrateWithProbes` that moves its window until the fit succeeds (`ProbeWindowSearch`).
    public mutating func calibrateSearching(centre: Double, halfWidth: Double, burnInSteps: Int, steps: Int) -> LogisticFit? {
        ProbeWindowSearch.search(centre: centre, halfWidth: halfWidth) { c, h in
            let f = calibrateWithProbes(centre: c, halfWidth: h, burnInSteps: burnInSteps, steps: steps)
            return (f, lastCalibrationPoints.map(\.pOn))
        }
    }
}
