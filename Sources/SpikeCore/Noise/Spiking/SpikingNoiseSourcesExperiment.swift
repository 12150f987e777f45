/// The spiking `noise-sources-spiking` experiment (science.md 2.1, 2.2 spiking formulation, 2.5;
/// slides "Whence stochasticity?", "(Pseudo)randomness in deterministic spiking networks"): one
/// Boltzmann machine, copied M times as conductance-based LIF samplers, sampled side by side
/// under private Poisson sources, a shared pool of N Poisson sources and a deterministic
/// background network of N current-based LIF neurons (the sbs noise network; [Jordan2019]), and
/// continuous Ornstein–Uhlenbeck conductance noise with the private lane's statistics.
/// Every lane has the same in-degrees, weights and input rate; each is calibrated with probes
/// under the noise it actually receives (science.md 1.5) and translated with its own fit
/// (science.md 1.6–1.7). Reports D_KL(p*‖p)(t) (mean over networks), the noise-input statistics
/// against Campbell's formulas, and the input-correlation matrices.
public final class SpikingNoiseSourcesExperiment: Experiment {
    public private(set) var config: SpikingNoiseSourcesConfig
    public private(set) var lanes: [Lane] = []
    public private(set) var timeMs: Double = 0
    public var stepMs: Double { config.stepMs }
    /// Mean rate of the background network after its warm-up (ν of every lane's sources), Hz.
    public private(set) var networkRateHz: Double = .nan
    /// External weights (µS) in use.
    public private(set) var externalWeights: (excitatory: Double, inhibitory: Double) = (.nan, .nan)
    var budget = StepBudget()
    /// Threads the lanes run on (`IndependentLanes`; any count gives the same spikes).
    public var laneThreads = IndependentLanes.defaultThreads
    let target: [Double]
    let grid = LogTimeGrid(first: 100, perDecade: 4)
    /// Steps per recorded state (1 ms).
    let chunkSteps: Int

    /// One noise source with its samplers and measurements.
    public struct Lane: Sendable {
        public var kind: NoiseSourceKind
        public var samplers: SpikingSamplingEnsemble
        public var calibration: LogisticFit?
        /// (ms, mean D_KL) at the log-grid checkpoints.
        public var dkl: [(timeMs: Double, value: Double)] = []
        /// Joint state of network 0, one per ms (oldest first).
        public var recentStates: [Int] = []
        /// Mean D_KL(p*‖p_m) over the networks now (`SpikingNoiseSourcesExperiment.meanDivergence`),
        /// kept by the lane as it runs: the readout shows it every frame.
        public internal(set) var divergence = Double.nan
        /// Measured and expected g_E statistics now (`excitatoryInputStatistics(of:)`), kept by the
        /// lane as it runs.
        public internal(set) var excitatoryStatistics: InputStatisticsAgainstCampbell = (.nan, .nan, .nan, .nan)
        var nextCheckpoint = 0

        /// Brings the figures the lane keeps up to date with its state (after it ran): the mean
        /// D_KL (`lastDivergence` when a checkpoint has just computed it) and the g_E statistics.
        mutating func updateFigures(target: [Double], lastDivergence: Double? = nil) {
            divergence = lastDivergence ?? SpikingNoiseSourcesExperiment.meanDivergence(self, target: target)
            excitatoryStatistics = SpikingNoiseSourcesExperiment.excitatoryInputStatistics(of: self)
        }
    }

    /// Measured mean and variance of a noise conductance, and Campbell's expectation (µS, µS²).
    public typealias InputStatisticsAgainstCampbell = (mean: Double, expectedMean: Double, variance: Double, expectedVariance: Double)

    /// - Parameter laneThreads: threads the lanes are built and run on (any count, the same result).
    public init(config: SpikingNoiseSourcesConfig, laneThreads: Int = IndependentLanes.defaultThreads) {
        self.laneThreads = max(1, laneThreads)
        let problems = config.validate()
        precondition(problems.isEmpty, "invalid spiking noise-sources configuration: \(problems.joined(separator: "; "))")
        self.config = config
        target = BoltzmannDistribution(config.machine).probabilities
        chunkSteps = max(1, Int((1 / config.stepMs).rounded()))
        build()
    }

    func steps(_ ms: Double) -> Int { Int((ms / config.stepMs).rounded()) }

    func build() {
        let c = config
        var brn = LIFBackgroundNetwork(config: c.network, stepMs: c.stepMs, seed: c.seed)
        for _ in 0..<steps(c.networkWarmUpMs) { brn.step() }
        brn.resetCounts()
        for _ in 0..<steps(c.networkRateMs) { brn.step() }
        networkRateHz = brn.meanRateHz
        brn.resetCounts()
        let rate = max(networkRateHz, 1)  // a silent network would need infinite weights
        externalWeights = c.externalWeights(rateHz: rate)
        let (ke, ki) = (c.excitatoryInDegree, c.inhibitoryInDegree)
        let reference = PoissonBackground(excRateHz: Double(ke) * rate, inhRateHz: Double(ki) * rate,
                                          excWeight: externalWeights.excitatory, inhWeight: externalWeights.inhibitory)
        let targets = c.networks * c.machine.unitCount + c.probes
        let network = brn
        // Each lane is built and calibrated from its own seed: on up to `laneThreads` threads.
        lanes = IndependentLanes.map(count: SpikingNoiseSourcesConfig.kinds.count, threads: laneThreads) { index in
            let kind = SpikingNoiseSourcesConfig.kinds[index]
            let laneSeed = c.seed &+ UInt64(index) &+ 1
            func projection(_ signs: [Bool], privateSources: Bool) -> ExternalNoiseProjection {
                ExternalNoiseProjection(sourceIsExcitatory: signs, targetCount: targets, excitatoryInDegree: ke,
                                        inhibitoryInDegree: ki, excitatoryWeight: externalWeights.excitatory,
                                        inhibitoryWeight: externalWeights.inhibitory, privateSources: privateSources,
                                        delayMs: c.externalDelayMs, stepMs: c.stepMs, sampler: c.neuron,
                                        referencePotential: c.neuron.vRest, matrixUnits: c.matrixUnits, sampleMs: 1, seed: laneSeed)
            }
            let driver: ExternalNoiseDriver
            switch kind {
            case .privateNoise:
                let signs = (0..<targets).flatMap { _ in Array(repeating: true, count: ke) + Array(repeating: false, count: ki) }
                let pool = PoissonSourcePool(signs: signs, rateHz: rate, stepMs: c.stepMs, seed: laneSeed)
                driver = ExternalNoiseDriver(pool: pool, projection: projection(signs, privateSources: true))
            case .sharedPool:
                let signs = (0..<c.network.size).map { $0 < c.network.excitatoryCount }
                let pool = PoissonSourcePool(signs: signs, rateHz: rate, stepMs: c.stepMs, seed: laneSeed)
                driver = ExternalNoiseDriver(pool: pool, projection: projection(signs, privateSources: false))
            case .continuous:
                let ou = OrnsteinUhlenbeckConductance(targetCount: targets, excitatoryInDegree: ke, inhibitoryInDegree: ki,
                                                      excitatoryWeight: externalWeights.excitatory,
                                                      inhibitoryWeight: externalWeights.inhibitory,
                                                      spikeProbability: rate * c.stepMs / 1000, seed: laneSeed)
                driver = ExternalNoiseDriver(continuous: ou, projection: projection([], privateSources: false))
            default:
                let signs = (0..<c.network.size).map { $0 < c.network.excitatoryCount }
                driver = ExternalNoiseDriver(network: network, projection: projection(signs, privateSources: false))
            }
            let start = ActivationCalibration.sbsReference
            var e = SpikingSamplingEnsemble(machine: c.machine, copies: c.networks, neuron: c.neuron, noise: .external,
                                            translation: LIFSamplingTranslation(neuron: c.neuron, background: reference,
                                                                                vP05: start.vP05, alpha: start.alpha),
                                            stepMs: c.stepMs, delayMs: c.delayMs, probes: c.probes, seed: laneSeed, driver: driver,
                                            hardware: c.hardware)
            var fit: LogisticFit?
            for _ in 0..<2 {
                let centre = fit?.vP05 ?? start.vP05, half = max(5 * (fit?.alpha ?? start.alpha), 2)
                guard let f = e.calibrateSearching(centre: centre, halfWidth: half, burnInSteps: steps(c.burnInMs),
                                                   steps: steps(c.calibrationMs)) else { break }
                fit = f
                e.setTranslation(LIFSamplingTranslation(neuron: c.neuron, background: reference, vP05: f.vP05, alpha: f.alpha))
            }
            e.run(steps: steps(c.burnInMs))
            e.resetMeasurements()
            e.resetNoiseStatistics()
            var lane = Lane(kind: kind, samplers: e, calibration: fit)
            lane.updateFigures(target: target)
            return lane
        }
        timeMs = 0
        budget = StepBudget()
    }

    /// Runs every lane for the steps of `durationMs`, recording network 0's state each ms (lanes
    /// on up to `laneThreads` threads; the same spikes for every thread count, `IndependentLanes`).
    public func advance(by durationMs: Double) {
        let total = budget.steps(for: durationMs, stepMs: config.stepMs)
        guard total > 0 else { return }
        let n = config.machine.unitCount, keep = max(1, Int(config.rasterMs)), grid = grid, target = target
        // The chunks (one recorded state each) and the time after each, summed once for every lane.
        var chunks: [(steps: Int, timeMs: Double)] = [], done = 0, t = timeMs
        while done < total {
            let chunk = min(chunkSteps, total - done)
            done += chunk
            t += Double(chunk) * config.stepMs
            chunks.append((chunk, t))
        }
        let end = t
        IndependentLanes.forEach(&lanes, threads: laneThreads) { _, lane in
            for (steps, t) in chunks {
                lane.samplers.run(steps: steps)
                var index = 0
                for k in 0..<n { index = (index << 1) | (lane.samplers.network.z(k) ? 1 : 0) }
                lane.recentStates.append(index)
                if lane.recentStates.count > keep { lane.recentStates.removeFirst(lane.recentStates.count - keep) }
                while grid.value(at: lane.nextCheckpoint) <= t + 1e-9 {
                    lane.dkl.append((t, Self.meanDivergence(lane, target: target)))
                    lane.nextCheckpoint += 1
                }
            }
            // (A checkpoint at the last step has just computed the D_KL.)
            lane.updateFigures(target: target, lastDivergence: lane.dkl.last.flatMap { $0.timeMs == end ? $0.value : nil })
        }
        timeMs = end
    }

    /// Mean over lane l's networks of D_KL(p*‖p_m) (one prior count per τ_ref per state).
    public func meanDivergence(_ l: Int) -> Double { Self.meanDivergence(lanes[l], target: target) }

    static func meanDivergence(_ lane: Lane, target: [Double]) -> Double {
        let d = lane.samplers.divergences(target: target)
        return d.reduce(0, +) / Double(d.count)
    }

    /// D_KL(p*‖p) of lane l's histogram pooled over its networks.
    public func pooledDivergence(_ l: Int) -> Double { lanes[l].samplers.pooledDivergence(target: target) }

    public var parameters: [ParameterInfo] {
        [ParameterInfo(key: "pool_size", label: "pool / network size N", value: Double(config.network.size),
                       range: 100...3200, stepFactor: 2),
         ParameterInfo(key: "external_connectivity", label: "connectivity to samplers ε_ext", value: config.externalConnectivity,
                       range: 0.025...0.8, stepFactor: 2)]
    }

    /// `pool_size` (N of the pool and of the background network) or `external_connectivity`:
    /// rebuilds, re-measures the network's rate, recalibrates every lane and restarts the statistics.
    public func setParameter(_ key: String, to value: Double) throws(ParameterError) {
        guard let info = parameters.first(where: { $0.key == key }) else { throw .unknown(key: key) }
        guard info.range.contains(value) else { throw .outOfRange(key: key, value: value, range: info.range) }
        var c = config
        if key == "pool_size" { c.network.size = Int(value.rounded()) } else { c.externalConnectivity = value }
        guard c.validate().isEmpty else { throw .outOfRange(key: key, value: value, range: info.range) }
        config = c
        build()
    }
}
