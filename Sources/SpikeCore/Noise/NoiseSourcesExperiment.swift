/// The `noise-sources` experiment (science.md 2.2, 2.5; slides "Whence stochasticity?",
/// "(Pseudo)randomness in deterministic spiking networks"): the same target machine sampled by M
/// networks of Heaviside units under private noise, a shared pool of N sources, a deterministic
/// background network of N units, and (without any noise population) an ensemble of N/n networks
/// feeding each other. Each lane is calibrated for the noise it receives
/// (`BinaryActivationCalibration`) and reports D_KL(p*‖p) over time (mean over its networks) and
/// its noise-input statistics and correlation matrix.
///
/// Time: one asynchronous update cycle stands for `cycleMs` (10 ms) of biological time.
public final class NoiseSourcesExperiment: Experiment {
    public private(set) var config: NoiseSourcesConfig
    public private(set) var lanes: [Lane] = []
    public private(set) var timeMs: Double = 0
    public var stepMs: Double { config.cycleMs }
    var budget = StepBudget()
    /// Threads the lanes run on (`IndependentLanes`; any count gives the same states).
    public var laneThreads = IndependentLanes.defaultThreads
    let targetProbabilities: [Double]
    let grid = LogTimeGrid(first: 100, perDecade: 4)

    /// One noise source with its ensemble and measurements.
    public struct Lane: Sendable {
        public var ensemble: BinarySamplingEnsemble
        public var calibration: BinaryActivationCalibration
        /// (ms, mean D_KL) at the log-grid checkpoints.
        public var dkl: [(timeMs: Double, value: Double)] = []
        /// Recent states of network 0 (oldest first), one per cycle.
        public var recentStates: [Int] = []
        /// Mean D_KL(p*‖p_m) over the networks now (`NoiseSourcesExperiment.meanDivergence`), kept
        /// by the lane as it runs: the readout shows it every frame.
        public internal(set) var divergence = Double.nan
        var nextCheckpoint = 0
    }

    /// - Parameter laneThreads: threads the lanes are built and run on (any count, the same result).
    public init(config: NoiseSourcesConfig, laneThreads: Int = IndependentLanes.defaultThreads) {
        self.laneThreads = max(1, laneThreads)
        let problems = config.validate()
        precondition(problems.isEmpty, "invalid noise-sources configuration: \(problems.joined(separator: "; "))")
        self.config = config
        targetProbabilities = BoltzmannDistribution(config.machine).probabilities
        build()
    }

    func build() {
        let config = config, target = targetProbabilities
        lanes = IndependentLanes.map(count: NoiseSourcesConfig.kinds.count, threads: laneThreads) { index in
            let kind = NoiseSourcesConfig.kinds[index]
            var e = BinarySamplingEnsemble(kind: kind, target: config.machine,
                                           networkCount: kind == .ensemble ? config.ensembleNetworks : config.networks,
                                           noise: config.noise, seed: config.seed &+ UInt64(index), matrixUnits: config.matrixUnits)
            let c = e.calibrate(cycles: config.calibrationCycles, rounds: kind == .ensemble ? 2 : 1, seed: config.seed)
            e.measuresInputs = false
            e.run(cycles: config.burnInCycles)
            e.resetMeasurements()
            e.measuresInputs = true
            var lane = Lane(ensemble: e, calibration: c)
            lane.divergence = Self.meanDivergence(lane, target: target)
            return lane
        }
        timeMs = 0
        budget = StepBudget()
    }

    /// Runs every lane for the cycles of `durationMs` (lanes on up to `laneThreads` threads; the
    /// same states for every thread count, `IndependentLanes`).
    public func advance(by durationMs: Double) {
        let cycles = budget.steps(for: durationMs, stepMs: config.cycleMs)
        guard cycles > 0 else { return }
        let n = config.machine.unitCount, keep = config.rasterCycles, grid = grid, target = targetProbabilities
        // The time after each cycle, summed once for every lane.
        var times = [Double](), t = timeMs
        for _ in 0..<cycles { t += config.cycleMs; times.append(t) }
        let end = t
        IndependentLanes.forEach(&lanes, threads: laneThreads) { _, lane in
            for t in times {
                lane.ensemble.run(cycles: 1)
                var index = 0
                for k in 0..<n { index = (index << 1) | Int(lane.ensemble.states[k]) }
                lane.recentStates.append(index)
                if lane.recentStates.count > keep { lane.recentStates.removeFirst() }
                while grid.value(at: lane.nextCheckpoint) <= t + 1e-9 {
                    lane.dkl.append((t, Self.meanDivergence(lane, target: target)))
                    lane.nextCheckpoint += 1
                }
            }
            // (A checkpoint at the last cycle has just computed it.)
            lane.divergence = lane.dkl.last.flatMap { $0.timeMs == end ? $0.value : nil } ?? Self.meanDivergence(lane, target: target)
        }
        timeMs = end
    }

    /// Mean over lane l's networks of D_KL(p*‖p_m), one prior count per state
    /// (`BinarySamplingEnsemble.perNetworkPrior`).
    public func meanDivergence(_ l: Int) -> Double { Self.meanDivergence(lanes[l], target: targetProbabilities) }

    static func meanDivergence(_ lane: Lane, target: [Double]) -> Double {
        let hs = lane.ensemble.histograms
        return hs.reduce(0) {
            $0 + KullbackLeibler.targetToSampled(target: target, counts: $1.counts, zeroCounts: BinarySamplingEnsemble.perNetworkPrior)
        } / Double(hs.count)
    }

    /// D_KL(p*‖p) of lane l's pooled histogram (all networks sample the same target).
    public func pooledDivergence(_ l: Int) -> Double {
        var counts = Array(repeating: 0.0, count: targetProbabilities.count)
        for h in lanes[l].ensemble.histograms { for (i, c) in h.counts.enumerated() { counts[i] += c } }
        return KullbackLeibler.targetToSampled(target: targetProbabilities, counts: counts)
    }

    public var parameters: [ParameterInfo] {
        [ParameterInfo(key: "pool_size", label: "pool / network size N", value: Double(config.noise.sourceCount),
                       range: 100...4000, stepFactor: 2),
         ParameterInfo(key: "in_degree", label: "in-degree K", value: Double(config.noise.inDegree),
                       range: 10...400, stepFactor: 2)]
    }

    /// `pool_size` or `in_degree`: rebuilds and recalibrates every lane (keeping w such that
    /// β_eff = 1 under independent sources) and restarts the statistics.
    public func setParameter(_ key: String, to value: Double) throws(ParameterError) {
        guard let info = parameters.first(where: { $0.key == key }) else { throw .unknown(key: key) }
        guard info.range.contains(value) else { throw .outOfRange(key: key, value: value, range: info.range) }
        var c = config
        let v = Int(value.rounded())
        if key == "pool_size" { c.noise.sourceCount = v } else { c.noise.inDegree = v }
        c.noise = BinaryNoiseParameters(sourceCount: c.noise.sourceCount, inDegree: c.noise.inDegree,
                                        excitatoryFraction: c.noise.excitatoryFraction, inhibition: c.noise.inhibition,
                                        targetActivity: c.noise.targetActivity)
        guard c.validate().isEmpty else {
            throw .outOfRange(key: key, value: value, range: info.range)
        }
        config = c
        build()
    }
}
