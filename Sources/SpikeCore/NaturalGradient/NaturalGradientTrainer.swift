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
    }

    public let setup: NaturalGradientTask
    public private(set) var tracks: [Track]
    public let testSet: RateErrorTestSet
    public private(set) var afferents: PoissonAfferents
    public private(set) var stepIndex: Int64 = 0
    /// Teacher spikes so far (its rate is a sanity check: φ_max ⟨φ(V*)⟩).
    public private(set) var teacherSpikes = 0
    public let evaluationSteps: Int
    public private(set) var pathSteps: Int
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
        pathSteps = max(1, Int((pathSeconds / setup.stepSeconds).rounded()))
        self.pathCapacity = max(16, pathCapacity)
        let n = Double(setup.inputCount)
        let w0 = setup.initialWeights
        tracks = learners.map { spec in
            let learner = SynapticLearner(rule: spec.rule, learningRate: setup.learningRates[spec.rule] ?? 0,
                                          somaticWeights: w0, attenuations: spec.attenuations, ratesHz: setup.ratesHz,
                                          kernel: setup.kernel, transfer: setup.transfer,
                                          refreshSteps: setup.coefficientRefreshSteps)
            return Track(name: spec.name, learner: learner, previousFirst: n * w0[0],
                         previousSecond: w0.count > 1 ? n * w0[1] : 0)
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

    /// Simulates `steps` steps of dt.
    public mutating func advance(steps: Int) {
        let dt = setup.stepSeconds
        let scale = setup.transfer.maxRateHz * dt
        let wStar = setup.teacherWeights
        let n = Double(setup.inputCount)
        let trackWeights2D = setup.inputCount >= 2
        for _ in 0..<max(0, steps) {
            afferents.step()
            stepIndex += 1
            let sum = afferents.filteredSum
            let teacherSpike: Double = afferents.filtered.withUnsafeBufferPointer { x in
                var v = 0.0
                for i in 0..<x.count { v += wStar[i] * x[i] }
                return teacherRNG.nextUniform() < scale * setup.transfer.phi(v) ? 1 : 0
            }
            if teacherSpike > 0 { teacherSpikes += 1 }
            afferents.filtered.withUnsafeBufferPointer { x in
                for k in tracks.indices {
                    tracks[k].learner.step(filtered: x, filteredSum: sum, teacherSpike: teacherSpike, stepSeconds: dt)
                }
            }
            if trackWeights2D {
                for k in tracks.indices where tracks[k].crossingSecond == nil {
                    let l = tracks[k].learner
                    let w1 = n * l.attenuations[0] * l.dendriticWeights[0], w2 = n * l.attenuations[1] * l.dendriticWeights[1]
                    let p1 = tracks[k].previousFirst
                    if p1 < 0 && w1 >= 0 {
                        let f = -p1 / (w1 - p1)
                        tracks[k].crossingSecond = tracks[k].previousSecond + f * (w2 - tracks[k].previousSecond)
                    }
                    tracks[k].previousFirst = w1
                    tracks[k].previousSecond = w2
                }
            }
            let evaluate = stepIndex % Int64(evaluationSteps) == 0
            let path = stepIndex % Int64(pathSteps) == 0
            if evaluate || path { record(evaluation: evaluate, path: path) }
        }
    }

    private mutating func record(evaluation: Bool, path: Bool) {
        let t = timeSeconds
        let n = Double(setup.inputCount)
        for k in tracks.indices {
            let w = tracks[k].learner.somaticWeights
            if evaluation {
                let e = testSet.rateRMSE(weights: w)
                tracks[k].rmse.append((t, e))
                tracks[k].cost.append((t, testSet.klCost(weights: w)))
                let initial = tracks[k].rmse[0].value
                if tracks[k].halfTimeSeconds == nil && e <= initial / 2 { tracks[k].halfTimeSeconds = t }
                if tracks[k].quarterTimeSeconds == nil && e <= initial / 4 { tracks[k].quarterTimeSeconds = t }
            }
            if path {
                tracks[k].path.append((n * w[0], w.count > 1 ? n * w[1] : 0))
            }
        }
        if path && tracks.first.map({ $0.path.count > pathCapacity }) == true {
            for k in tracks.indices {
                tracks[k].path = tracks[k].path.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
                tracks[k].pathGeneration = TrailGeneration.next()
            }
            pathSteps *= 2
        }
    }
}
