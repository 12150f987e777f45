/// The stepped core of `LIFSamplingExperiment`: the LIF network plus the statistics of one
/// measurement window (science.md 1.10) and the two reference samplers run in lockstep
/// (science.md 1.11: one Gibbs sweep per τ_ref of LIF time; one abstract-neural-sampling step
/// per τ_ref/τ). A value type so the step loop needs no class exclusivity checks.
struct LIFSamplingRun {
    var network: Network
    let unitCount: Int
    /// Target p* (per state index) and its marginals.
    var target: [Double]
    /// Time index from which steps are counted (after burn-in).
    var measureStart: Int64 = 0
    var lif: StateHistogram
    var gibbsHistogram: StateHistogram
    var ansHistogram: StateHistogram
    var gibbs: GibbsSampler
    var ans: AbstractNeuralSampler
    let gibbsEverySteps: Int64
    let ansEverySteps: Int64
    var spikeCounts: [Int]
    /// KL checkpoints: next grid index and the recorded points (sampled time in ms, value).
    let grid: LogTimeGrid
    var nextCheckpoint = 0
    /// Sampled steps at which checkpoint `nextCheckpoint` is due.
    var nextCheckpointSteps: Int64 = 0
    var klTargetSampled: [(timeMs: Double, value: Double)] = []
    var klSampledTarget: [(timeMs: Double, value: Double)] = []
    var klGibbs: [(timeMs: Double, value: Double)] = []
    var klAbstract: [(timeMs: Double, value: Double)] = []
    /// Current joint state and the recent distinct states (oldest first).
    var currentState = 0
    var trail: [Int] = []
    let trailLength: Int
    let sampleIntervalSteps: Int

    init(network: Network, unitCount: Int, target: [Double], gibbs: GibbsSampler, ans: AbstractNeuralSampler,
         gibbsEverySteps: Int64, ansEverySteps: Int64, sampleIntervalSteps: Int, grid: LogTimeGrid, trailLength: Int) {
        self.network = network
        self.unitCount = unitCount
        self.target = target
        self.gibbs = gibbs
        self.ans = ans
        self.gibbsEverySteps = max(1, gibbsEverySteps)
        self.ansEverySteps = max(1, ansEverySteps)
        self.sampleIntervalSteps = sampleIntervalSteps
        self.grid = grid
        self.trailLength = trailLength
        lif = StateHistogram(unitCount: unitCount, sampleIntervalSteps: sampleIntervalSteps)
        gibbsHistogram = StateHistogram(unitCount: unitCount, sampleIntervalSteps: 1)
        ansHistogram = StateHistogram(unitCount: unitCount, sampleIntervalSteps: 1)
        spikeCounts = Array(repeating: 0, count: unitCount)
        nextCheckpointSteps = checkpointSteps(0)
    }

    /// Starts a new measurement window `burnInSteps` from now.
    mutating func restart(burnInSteps: Int64) {
        measureStart = network.stepIndex + burnInSteps
        lif = StateHistogram(unitCount: unitCount, sampleIntervalSteps: sampleIntervalSteps)
        gibbsHistogram = StateHistogram(unitCount: unitCount, sampleIntervalSteps: 1)
        ansHistogram = StateHistogram(unitCount: unitCount, sampleIntervalSteps: 1)
        spikeCounts = Array(repeating: 0, count: unitCount)
        nextCheckpoint = 0
        nextCheckpointSteps = checkpointSteps(0)
        klTargetSampled = []
        klSampledTarget = []
        klGibbs = []
        klAbstract = []
    }

    /// Sampled time of the window so far, ms.
    var sampledMs: Double { Double(lif.totalSteps) * network.stepMs }

    mutating func advance(steps: Int) {
        let n = unitCount
        // The network is moved out while it steps, so the observer can update the statistics.
        var net = Network.placeholder(stepMs: network.stepMs)
        swap(&net, &network)
        defer { swap(&net, &network) }
        net.advance(steps: steps) { step in
            var index = 0
            let ref = step.refractorySteps
            for k in 0..<n { index = (index << 1) | (ref[k] > 0 ? 1 : 0) }
            if index != currentState {
                currentState = index
                trail.append(index)
                if trail.count > trailLength { trail.removeFirst(trail.count - trailLength) }
            }
            guard step.stepIndex > measureStart else { return }
            lif.add(stateIndex: index)
            for s in step.spiked { spikeCounts[Int(s)] += 1 }
            let elapsed = lif.totalSteps
            if elapsed % gibbsEverySteps == 0 { gibbsHistogram.add(stateIndex: gibbs.sweep()) }
            if elapsed % ansEverySteps == 0 { ansHistogram.add(stateIndex: ans.step()) }
            if elapsed >= nextCheckpointSteps {
                recordCheckpoint(timeMs: grid.value(at: nextCheckpoint))
                nextCheckpoint += 1
                nextCheckpointSteps = checkpointSteps(nextCheckpoint)
            }
        }
    }

    /// Sampled steps of checkpoint i (the grid time rounded to whole steps, at least 1).
    func checkpointSteps(_ i: Int) -> Int64 {
        max(1, Int64((grid.value(at: i) / network.stepMs).rounded()))
    }

    /// Appends the KL values at sampled time `timeMs` (points that are +∞, i.e. "not all
    /// states visited yet", are left out: see `KullbackLeibler`).
    private mutating func recordCheckpoint(timeMs: Double) {
        func append(_ series: inout [(timeMs: Double, value: Double)], _ value: Double) {
            if value.isFinite { series.append((timeMs: timeMs, value: value)) }
        }
        append(&klTargetSampled, KullbackLeibler.targetToSampled(target: target, counts: lif.counts))
        append(&klSampledTarget, KullbackLeibler.sampledToTarget(target: target, counts: lif.counts))
        append(&klGibbs, KullbackLeibler.targetToSampled(target: target, counts: gibbsHistogram.counts))
        append(&klAbstract, KullbackLeibler.targetToSampled(target: target, counts: ansHistogram.counts))
    }
}
