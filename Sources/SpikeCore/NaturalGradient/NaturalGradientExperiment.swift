/// Natural-gradient learning for spiking neurons (science.md 5.4–5.5; [Kreutzer2022]
/// Figures 3 and 4, code `Figure3/File05_main_simulation.py`): a student neuron learns a
/// teacher's output spike distribution with the Euclidean, the natural and the approximate
/// natural rule, side by side on the same input and teacher spikes.
///
/// Two tasks run in lockstep:
/// - N = 100 (50 × 10 Hz, 50 × 50 Hz; random w*, w_0): rate RMSE(t) per rule, the time to
///   halve it, and an attenuated copy of the Euclidean and the natural learner whose 50-Hz
///   synapses sit on a dendrite with attenuation α: the natural copy's somatic weights stay
///   those of the unattenuated learner (`invariance_max_abs_diff`), the Euclidean copy slows down;
/// - N = 2 (10 and 50 Hz, Figure 3D–E): the weight-plane paths over the expected-cost landscape
///   and where they cross N·w_1 = 0.
///
/// `advance(by:)` takes ms; learning time is reported in s (1 s = 1000 ms, dt = 0.5 ms).
public final class NaturalGradientExperiment: Experiment {
    public let config: NaturalGradientConfig
    public private(set) var large: NaturalGradientTrainer
    public private(set) var small: NaturalGradientTrainer
    public let landscape: [Double]
    public private(set) var attenuation: Double
    /// max over evaluations and synapses of |natural attenuated − natural| (somatic), and the
    /// same for the Euclidean pair.
    public private(set) var invarianceMaxAbsDiff = 0.0
    public private(set) var euclideanAttenuationMaxAbsDiff = 0.0
    private var budget = StepBudget()
    private var lastInvarianceCheck: Int64 = -1
    /// Threads the learners of a task take their steps on (`NaturalGradientTrainer.advance`;
    /// any count gives the same weights).
    public var threads = IndependentLanes.defaultThreads

    /// Learner names in track order.
    public static let learnerNames = ["euclidean", "natural", "approximate", "euclidean_attenuated", "natural_attenuated"]

    public init(config: NaturalGradientConfig) {
        let problems = config.validate()
        precondition(problems.isEmpty, "invalid NaturalGradientConfig: \(problems.joined(separator: "; "))")
        self.config = config
        attenuation = config.attenuation
        func specs(_ setup: NaturalGradientTask) -> [(name: String, rule: LearningRule, attenuations: [Double]?)] {
            let attenuated = setup.ratesHz.map { $0 >= 50 ? config.attenuation : 1 }
            return [("euclidean", .euclidean, nil), ("natural", .natural, nil), ("approximate", .approximate, nil),
                    ("euclidean_attenuated", .euclidean, attenuated), ("natural_attenuated", .natural, attenuated)]
        }
        large = NaturalGradientTrainer(setup: config.large, learners: specs(config.large), seed: config.seed,
                                      evaluationSeconds: config.evaluationSeconds, pathSeconds: 1000)
        small = NaturalGradientTrainer(setup: config.small, learners: specs(config.small), seed: config.seed,
                                      evaluationSeconds: config.evaluationSeconds, pathSeconds: config.pathSeconds)
        let flow = ExpectedLearningFlow(setup: config.small, seed: config.seed, sampleCount: config.landscapeSamples)
        var grid: [Double] = []
        for row in 0..<config.gridRows {
            let y = WhichWayIsDownExperiment.centre(row, of: config.gridRows, in: config.w2Range, reversed: true)
            for column in 0..<config.gridColumns {
                let x = WhichWayIsDownExperiment.centre(column, of: config.gridColumns, in: config.w1Range, reversed: false)
                grid.append(flow.costPerSecond(somaticWeights: [x / 2, y / 2]))
            }
        }
        landscape = grid
    }

    public var timeMs: Double { large.timeSeconds * 1000 }
    public var stepMs: Double { config.large.stepSeconds * 1000 }

    public func advance(by durationMs: Double) {
        guard durationMs > 0 else { return }
        let steps = budget.steps(for: durationMs, stepMs: stepMs)
        advance(steps: steps)
    }

    /// Simulates `steps` steps of dt in both tasks, checking the invariance at every evaluation.
    public func advance(steps: Int) {
        var left = steps
        let chunk = large.evaluationSteps
        while left > 0 {
            let toNext = chunk - Int(large.stepIndex % Int64(chunk))
            let n = min(left, toNext)
            large.advance(steps: n, threads: threads)
            small.advance(steps: n, threads: threads)
            left -= n
            if large.stepIndex % Int64(chunk) == 0 { checkInvariance() }
        }
    }

    private func checkInvariance() {
        for trainer in [large, small] {
            let t = trainer.tracks
            invarianceMaxAbsDiff = max(invarianceMaxAbsDiff, Self.maxAbsDiff(t[1].learner.somaticWeights, t[4].learner.somaticWeights))
            euclideanAttenuationMaxAbsDiff = max(euclideanAttenuationMaxAbsDiff,
                                                 Self.maxAbsDiff(t[0].learner.somaticWeights, t[3].learner.somaticWeights))
        }
    }

    static func maxAbsDiff(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    // MARK: parameters

    public var parameters: [ParameterInfo] {
        [ParameterInfo(key: "attenuation", label: "α of the 50-Hz synapses", value: attenuation,
                       range: NaturalGradientConfig.attenuationRange, stepFactor: 1.25)]
    }

    /// Moves the attenuated learners' 50-Hz synapses to attenuation `value`, keeping their
    /// somatic weights: from then on the Euclidean copy learns α² as fast along them.
    public func setParameter(_ key: String, to value: Double) throws(ParameterError) {
        guard key == "attenuation" else { throw .unknown(key: key) }
        guard NaturalGradientConfig.attenuationRange.contains(value) else {
            throw .outOfRange(key: key, value: value, range: NaturalGradientConfig.attenuationRange)
        }
        guard value != attenuation else { return }
        attenuation = value
        for (index, rates) in [(0, config.large.ratesHz), (1, config.small.ratesHz)] {
            let synapses = rates.indices.filter { rates[$0] >= 50 }
            for track in [3, 4] {
                if index == 0 { large.setAttenuation(value, synapses: synapses, track: track) }
                else { small.setAttenuation(value, synapses: synapses, track: track) }
            }
        }
    }

    // MARK: readout

    public func readout() -> Readout {
        var series: [Series] = []
        for track in large.tracks {
            series.append(Series(name: "rmse_\(track.name)_hz", points: track.rmse.map { ($0.timeSeconds * 1000, $0.value) }))
        }
        for track in small.tracks.prefix(3) {
            series.append(Series(name: "rmse_n2_\(track.name)_hz", points: track.rmse.map { ($0.timeSeconds * 1000, $0.value) }))
        }
        let trails = small.tracks.map { (name: String($0.name.map { $0 == "_" ? " " : $0 }), points: $0.path) }
        let target = config.small.teacherWeights
        let plane = Landscape(label: "N = 2: expected cost (nats/s)", columns: config.gridColumns, rows: config.gridRows,
                              values: landscape, xRange: config.w1Range, yRange: config.w2Range,
                              xLabel: "N·w1 (10 Hz)", yLabel: "N·w2 (50 Hz)", trails: trails,
                              trailGenerations: small.tracks.map(\.pathGeneration),
                              cursor: (2 * target[0], 2 * target[1]))
        return Readout(timeMs: timeMs, figures: figures(), series: series, landscapes: [plane])
    }

    private func figures() -> [Figure] {
        func f(_ name: String, _ value: Double?, _ label: String) -> Figure { Figure(name: name, value: value ?? .nan, label: label) }
        let t = large.tracks, s = small.tracks
        var list = [
            f("t_half_natural_s", t[1].halfTimeSeconds, "natural: time to halve RMSE (s)"),
            f("t_half_euclidean_s", t[0].halfTimeSeconds, "Euclidean: time to halve RMSE (s)"),
            f("t_half_approximate_s", t[2].halfTimeSeconds, "approximate: time to halve RMSE (s)"),
            f("crossing_w2_natural", s[1].crossingSecond, "N = 2 natural: N·w2 at N·w1 = 0"),
            f("crossing_w2_euclidean", s[0].crossingSecond, "N = 2 Euclidean: N·w2 at N·w1 = 0"),
            f("invariance_max_abs_diff", invarianceMaxAbsDiff, "natural: max |Δw| attenuated vs not"),
            f("rmse_initial_hz", t[0].rmse.first?.value, "initial rate RMSE (Hz)"),
        ]
        for (k, name) in ["euclidean", "natural", "approximate"].enumerated() {
            list.append(f("rmse_\(name)_hz", t[k].rmse.last?.value, "\(name): rate RMSE now (Hz)"))
        }
        list += [
            f("rmse_euclidean_attenuated_hz", t[3].rmse.last?.value, "Euclidean, attenuated: RMSE now (Hz)"),
            f("rmse_natural_attenuated_hz", t[4].rmse.last?.value, "natural, attenuated: RMSE now (Hz)"),
            f("euclidean_attenuation_max_abs_diff", euclideanAttenuationMaxAbsDiff, "Euclidean: max |Δw| attenuated vs not"),
            f("crossing_w2_approximate", s[2].crossingSecond, "N = 2 approximate: N·w2 at N·w1 = 0"),
        ]
        for (k, name) in ["euclidean", "natural", "approximate"].enumerated() {
            list.append(f("t_quarter_\(name)_s", t[k].quarterTimeSeconds, "\(name): time to quarter RMSE (s)"))
        }
        for checkpoint in Self.checkpointsSeconds {
            for (k, name) in ["euclidean", "natural", "approximate"].enumerated() {
                let value = t[k].rmse.first { abs($0.timeSeconds - Double(checkpoint)) < 1e-6 }?.value
                list.append(f("rmse_\(name)_hz_at_\(checkpoint)s", value, "\(name): RMSE at \(checkpoint) s (Hz)"))
            }
        }
        list += [
            f("attenuation", attenuation, "α of the 50-Hz synapses (attenuated copies)"),
            f("q", config.large.q, "q = Σr/c_ε (N = 100)"),
            f("c_eps_per_s", config.large.kernel.squaredIntegral, "c_ε = ∫ε² (1/s)"),
            f("teacher_rate_hz", Double(large.teacherSpikes) / max(large.timeSeconds, 1e-9), "teacher output rate (Hz)"),
        ]
        return list
    }

    /// Learning times (s) at which the headless table reports each rule's RMSE (science.md 5.5's columns).
    public static let checkpointsSeconds = [400, 1000, 4000, 8000]
}
