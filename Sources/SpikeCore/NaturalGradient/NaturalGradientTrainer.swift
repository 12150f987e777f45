/// Several students learning the same teacher side by side ([Kreutzer2022] code
/// `Figure3/File05_main_simulation.py`, one learner per run there), in lockstep on the *same*
/// input spikes and the *same* teacher spikes (common random numbers), so differences
/// between their trajectories come from the rules alone (science.md 5.4–5.5).
///
/// Per step dt: the afferents spike and are filtered (x^ε), the teacher's potential
/// V* = w*·x^ε sets its spike probability φ_max φ(V*) dt, one Bernoulli draw gives y*, and
/// every learner takes its step. Every `evaluationSteps` the rate RMSE and KL cost of every
/// learner on the test set are recorded.
public struct NaturalGradientTrainer: Sendable {
    /// One learner and what is recorded about it.
    public struct Track: Sendable {
        public var name: String
        public var learner: SynapticLearner
        /// (time s, rate RMSE Hz) and (time s, KL cost per bin) at every evaluation.
        public var rmse: [(timeSeconds: Double, value: Double)] = []
        public var cost: [(timeSeconds: Double, value: Double)] = []
        /// Somatic weights of synapses (0, 1) × N at every trajectory sample (the weight plane).
        public var path: [(x: Double, y: Double)] = []
        /// The path's `TrailGeneration`: fresh when the path is thinned (only appended to otherwise).
        public internal(set) var pathGeneration = TrailGeneration.next()
        /// First time the RMSE fell to ≤ 1/2 and ≤ 1/4 of its initial value, s.
        public var halfTimeSeconds: Double?
        public var quarterTimeSeconds: Double?
        /// N·w_2 when N·w_1 first reached 0 from below (linear interpolation between steps).
        public var crossingSecond: Double?
        var previousFirst: Double
        var previousSecond: Double
        /// Steps between trajectory samples (doubles each time the path is thinned).
        var pathSteps: Int
    }

    public let setup: NaturalGradientTask
    public private(set) var tracks: [Track]
    public let testSet: RateErrorTestSet
    public private(set) var afferents: PoissonAfferents
    public private(set) var stepIndex: Int64 = 0
    /// Teacher spikes so far (its rate is a sanity check: φ_max ⟨φ(V*)⟩).
    public private(set) var teacherSpikes = 0
    public let evaluationSteps: Int
    /// Steps between trajectory samples: the tracks' (they thin their paths together), or the
    /// first interval for a trainer without tracks.
    public var pathSteps: Int { tracks.first?.pathSteps ?? firstPathSteps }
    private let firstPathSteps: Int
    /// Most trajectory points kept per track (older ones are thinned 2:1 when full).
    public let pathCapacity: Int
    private var teacherRNG: Xoshiro256StarStar

    /// - Parameters:
    ///   - learners: name, rule and optional attenuation vector per student; all start at setup.initialWeights.
    ///   - evaluationSeconds: interval of the RMSE/cost records, s.
    ///   - pathSeconds: interval of the trajectory samples, s.
    public init(setup: NaturalGradientTask, learners: [(name: String, rule: LearningRule, attenuations: [Double]?)],
                seed: UInt64, evaluationSeconds: Double = 1, pathSeconds: Double = 0.5, pathCapacity: Int = 4000) {
        let problems = setup.validate()
        precondition(problems.isEmpty, "invalid NaturalGradientTask: \(problems.joined(separator: "; "))")
        self.setup = setup
        testSet = RateErrorTestSet(setup: setup, seed: seed)
        afferents = PoissonAfferents(ratesHz: setup.ratesHz, stepSeconds: setup.stepSeconds, kernel: setup.kernel,
                                     rng: Xoshiro256StarStar(seed: seed, stream: NaturalGradientStreams.inputs))
        teacherRNG = Xoshiro256StarStar(seed: seed, stream: NaturalGradientStreams.teacher)
        evaluationSteps = max(1, Int((evaluationSeconds / setup.stepSeconds).rounded()))
        firstPathSteps = max(1, Int((pathSeconds / setup.stepSeconds).rounded()))
        self.pathCapacity = max(16, pathCapacity)
        let n = Double(setup.inputCount)
        let w0 = setup.initialWeights, firstPathSteps = firstPathSteps
        tracks = learners.map { spec in
            let learner = SynapticLearner(rule: spec.rule, learningRate: setup.learningRates[spec.rule] ?? 0,
                                          somaticWeights: w0, attenuations: spec.attenuations, ratesHz: setup.ratesHz,
                                          kernel: setup.kernel, transfer: setup.transfer,
                                          refreshSteps: setup.coefficientRefreshSteps)
            return Track(name: spec.name, learner: learner, previousFirst: n * w0[0],
                         previousSecond: w0.count > 1 ? n * w0[1] : 0, pathSteps: firstPathSteps)
        }
        record(evaluation: true, path: true)
    }

    /// Time learned so far, s.
    public var timeSeconds: Double { Double(stepIndex) * setup.stepSeconds }

    /// The track called `name`, if any.
    public func track(named name: String) -> Track? { tracks.first { $0.name == name } }

    /// Changes the attenuation of `synapses` of track `index` (somatic weights kept).
    public mutating func setAttenuation(_ alpha: Double, synapses: some Sequence<Int>, track index: Int) {
        tracks[index].learner.setAttenuation(alpha, synapses: synapses)
    }

    /// Steps whose inputs are drawn before the tracks learn from them (`advance`): 1.6 MB of
    /// filtered inputs for the 100-input task.
    static let batchSteps = 2048

    /// Simulates `steps` steps of dt, in batches: first the afferents' filtered inputs and the
    /// teacher's spikes of the batch (their own generator streams, in step order), then every
    /// track takes the batch's steps on its own, on up to `threads` threads (`IndependentLanes`).
    /// A track's steps, records and crossings read only the shared inputs and its own state, in
    /// the same order as stepping all tracks each step, so any thread count gives the same
    /// weights, bit for bit.
    public mutating func advance(steps: Int, threads: Int = 1) {
        let dt = setup.stepSeconds
        let scale = setup.transfer.maxRateHz * dt
        let wStar = setup.teacherWeights
        let inputs = setup.inputCount
        var left = max(0, steps)
        while left > 0 {
            let batch = min(left, Self.batchSteps)
            left -= batch
            var filtered = [Double](repeating: 0, count: batch * inputs)
            var sums = [Double](repeating: 0, count: batch)
            var teacher = [Double](repeating: 0, count: batch)
            filtered.withUnsafeMutableBufferPointer { out in
                for b in 0..<batch {
                    afferents.step()
                    sums[b] = afferents.filteredSum
                    teacher[b] = afferents.filtered.withUnsafeBufferPointer { x in
                        var v = 0.0
                        for i in 0..<x.count { v += wStar[i] * x[i] }
                        return teacherRNG.nextUniform() < scale * setup.transfer.phi(v) ? 1 : 0
                    }
                    afferents.filtered.withUnsafeBufferPointer { x in
                        for i in 0..<inputs { out[b * inputs + i] = x[i] }
                    }
                }
            }
            teacherSpikes += teacher.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
            let batchInputs = BatchInputs(first: stepIndex + 1, filtered: filtered, sums: sums, teacher: teacher,
                                          inputCount: inputs, stepSeconds: dt, evaluationSteps: evaluationSteps,
                                          pathCapacity: pathCapacity, testSet: testSet)
            IndependentLanes.forEach(&tracks, threads: threads) { _, track in track.learn(batchInputs) }
            stepIndex += Int64(batch)
        }
    }

    private mutating func record(evaluation: Bool, path: Bool) {
        for k in tracks.indices {
            tracks[k].record(evaluation: evaluation, path: path, timeSeconds: timeSeconds, inputCount: setup.inputCount,
                             testSet: testSet, pathCapacity: pathCapacity)
        }
    }
}

/// One batch of steps as every track sees it (`NaturalGradientTrainer.advance`).
struct BatchInputs {
    /// Step index of the batch's first step (1 after the start).
    let first: Int64
    /// x^ε of each step (row-major, `inputCount` per step), Σ_i x^ε_i, and the teacher's spike.
    let filtered: [Double]
    let sums: [Double]
    let teacher: [Double]
    let inputCount: Int
    let stepSeconds: Double
    let evaluationSteps: Int
    let pathCapacity: Int
    let testSet: RateErrorTestSet
}

extension NaturalGradientTrainer.Track {
    /// Takes the batch's steps: learning, the crossing of N·w_1 = 0 (2-input tasks), and the
    /// records at evaluation and trajectory steps.
    mutating func learn(_ batch: BatchInputs) {
        let dt = batch.stepSeconds, inputs = batch.inputCount, n = Double(inputs)
        batch.filtered.withUnsafeBufferPointer { all in
            for b in 0..<batch.sums.count {
                let x = UnsafeBufferPointer(rebasing: all[b * inputs ..< (b + 1) * inputs])
                learner.step(filtered: x, filteredSum: batch.sums[b], teacherSpike: batch.teacher[b], stepSeconds: dt)
                if inputs >= 2 && crossingSecond == nil {
                    let w1 = n * learner.attenuations[0] * learner.dendriticWeights[0]
                    let w2 = n * learner.attenuations[1] * learner.dendriticWeights[1]
                    let p1 = previousFirst
                    if p1 < 0 && w1 >= 0 {
                        let f = -p1 / (w1 - p1)
                        crossingSecond = previousSecond + f * (w2 - previousSecond)
                    }
                    previousFirst = w1
                    previousSecond = w2
                }
                let step = batch.first + Int64(b)
                let evaluate = step % Int64(batch.evaluationSteps) == 0
                let path = step % Int64(pathSteps) == 0
                if evaluate || path {
                    record(evaluation: evaluate, path: path, timeSeconds: Double(step) * dt, inputCount: inputs,
                           testSet: batch.testSet, pathCapacity: batch.pathCapacity)
                }
            }
        }
    }

    /// Records the RMSE and cost (evaluation) and the weight-plane point (path); a path longer
    /// than `pathCapacity` is thinned 2:1 and sampled half as often from then on (every track
    /// holds as many points as every other, so all thin at the same step).
    mutating func record(evaluation: Bool, path: Bool, timeSeconds t: Double, inputCount: Int, testSet: RateErrorTestSet,
                         pathCapacity: Int) {
        let n = Double(inputCount)
        let w = learner.somaticWeights
        if evaluation {
            let e = testSet.rateRMSE(weights: w)
            rmse.append((t, e))
            cost.append((t, testSet.klCost(weights: w)))
            let initial = rmse[0].value
            if halfTimeSeconds == nil && e <= initial / 2 { halfTimeSeconds = t }
            if quarterTimeSeconds == nil && e <= initial / 4 { quarterTimeSeconds = t }
        }
        if path {
            self.path.append((n * w[0], w.count > 1 ? n * w[1] : 0))
            if self.path.count > pathCapacity {
                self.path = self.path.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
                pathGeneration = TrailGeneration.next()   // a thinned path is a new trail
                pathSteps *= 2
            }
        }
    }
}
