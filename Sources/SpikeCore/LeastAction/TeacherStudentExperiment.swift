/// Learning without phases (science.md 6.6 screen B; Senn et al. 2024): a student network
/// (2-10-10-1, sigmoid hidden units, linear output) learns a fixed random teacher of the same
/// shape from continuously streaming input. Input, nudging towards the teacher's output and
/// plasticity are all on all the time: no forward and backward phases, no settling, no reset.
///
/// The teacher itself is a Latent Equilibrium network with β = 0, η = 0 and prospective coding,
/// so its output ŭ_N equals the instantaneous feed-forward map of the input delayed by the
/// layer steps; `feedforward_max_abs_diff` measures that (from the first steps on), and a twin
/// teacher without prospective coding shows the lag it would have otherwise (measured after 5 τ).
public final class TeacherStudentExperiment: Experiment {
    public let config: TeacherStudentConfig
    private var run: TeacherStudentRun
    private var budget = StepBudget()

    public init(config: TeacherStudentConfig) {
        let problems = config.validate()
        precondition(problems.isEmpty, "invalid TeacherStudentConfig: \(problems.joined(separator: "; "))")
        self.config = config
        run = TeacherStudentRun(config: config)
    }

    public var student: LatentEquilibriumNetwork { run.student }
    public var teacher: LatentEquilibriumNetwork { run.teacher }
    public var timeMs: Double { Double(run.stepIndex) * config.stepMs }
    public var stepMs: Double { config.stepMs }

    public func advance(by durationMs: Double) {
        guard durationMs > 0 else { return }
        let steps = budget.steps(for: durationMs, stepMs: config.stepMs)
        run.advance(steps: steps)
    }

    public func advance(steps: Int) { run.advance(steps: steps) }

    private var switches: LearningSwitches {
        LearningSwitches(prospective: run.student.prospective, nudging: run.nudging, plasticity: run.student.plasticity)
    }

    public var parameters: [ParameterInfo] { switches.parameters(target: "teacher") }

    public func setParameter(_ key: String, to value: Double) throws(ParameterError) {
        let s = try switches.setting(key, to: value)
        run.student.prospective = s.prospective
        run.nudging = s.nudging
        run.student.plasticity = s.plasticity
    }

    public func readout() -> Readout {
        let c = config, now = timeMs
        let start = now - Double(max(0, run.teacherTrace.count - 1)) * c.traceIntervalMs
        let traces = [
            Trace(label: "teacher", startMs: start, intervalMs: c.traceIntervalMs, values: run.teacherTrace.ordered),
            Trace(label: "student", startMs: start, intervalMs: c.traceIntervalMs, values: run.studentTrace.ordered),
        ]
        let columns = run.hidden.count
        let span = Double(max(0, columns - 1)) * Double(c.heatIntervalSteps) * c.stepMs
        let heat = Landscape(label: "student hidden activity r = φ(ŭ)", columns: columns, rows: c.hiddenUnitCount,
                             values: run.hidden.rowMajor, xRange: (now - span)...max(now, now - span + 1e-9),
                             yRange: 0...Double(max(1, c.hiddenUnitCount - 1)), xLabel: "time (ms)", yLabel: "hidden unit")
        let series = [Series(name: "mse_running", points: run.mseSeries.ordered),
                      Series(name: "weight_distance", points: run.distanceSeries.ordered),
                      Series(name: "energy", points: run.energySeries.ordered)]
        return Readout(timeMs: now, traces: traces, figures: figures(), series: series, landscapes: [heat])
    }

    private func figures() -> [Figure] {
        func f(_ name: String, _ value: Double, _ label: String) -> Figure { Figure(name: name, value: value, label: label) }
        let r = run
        let initialDone = timeMs >= config.initialWindowMs + config.errorWindowMs
        var list = [
            f("teacher_error_ratio", initialDone ? r.initialError.mean / r.errorWindow.mean : .nan,
              "error first \(Int(config.initialWindowMs)) ms / now"),
            f("feedforward_max_abs_diff", r.feedForwardDiff, "teacher |ŭ − ff(x)| max"),
            f("feedforward_max_abs_diff_no_prospective", r.laggedDiff, "same w/o prospective coding"),
            f("mse_running", r.errorWindow.mean, "MSE to teacher, last \(Int(config.errorWindowMs)) ms"),
            f("mse_initial", r.initialError.mean, "MSE, first \(Int(config.initialWindowMs)) ms"),
            f("weight_distance", r.student.squaredWeightDistance(to: r.teacher).squareRoot(), "‖W_student − W_teacher‖"),
            f("energy_running_avg", r.energyWindow.mean, "energy E, last \(Int(config.errorWindowMs)) ms"),
            f("energy_initial", r.initialEnergy.mean, "energy E, first \(Int(config.initialWindowMs)) ms"),
            f("energy", r.student.energy, "energy E now"),
        ]
        list += NeuronTerms(r.student, layer: 1, neuron: config.equationNeuron, presynapticUnit: config.equationInput).figures
        return list
    }
}

/// State and step loop of a `TeacherStudentExperiment`.
struct TeacherStudentRun {
    let config: TeacherStudentConfig
    var teacher: LatentEquilibriumNetwork
    var laggedTeacher: LatentEquilibriumNetwork
    var student: LatentEquilibriumNetwork
    let stream: StreamingSinusoids
    var nudging: Bool
    var stepIndex: Int64 = 0
    var input: [Double]
    /// The last N inputs, x(t) at slot stepIndex % N (for the delayed feed-forward reference).
    var inputHistory: [[Double]]
    var scratch: [Double] = []
    var target = [0.0]
    var feedForwardDiff = 0.0, laggedDiff = 0.0
    var teacherTrace: SampleRing<Double>, studentTrace: SampleRing<Double>
    var hidden: ColumnRing
    var errorWindow: SlidingMean, energyWindow: SlidingMean
    var initialError = RunningMean(), initialEnergy = RunningMean()
    var mseSeries = SampleRing<(timeMs: Double, value: Double)>(capacity: 2000)
    var distanceSeries = SampleRing<(timeMs: Double, value: Double)>(capacity: 2000)
    var energySeries = SampleRing<(timeMs: Double, value: Double)>(capacity: 2000)

    init(config c: TeacherStudentConfig) {
        config = c
        let functions = Array(repeating: RateFunction.sigmoid, count: c.sizes.count - 2) + [.identity]
        var t = LatentEquilibriumNetwork(sizes: c.sizes, rateFunctions: functions, tauMs: c.tauMs, stepMs: c.stepMs,
                                         beta: 0, learningRatePerMs: 0)
        var s = LatentEquilibriumNetwork(sizes: c.sizes, rateFunctions: functions, tauMs: c.tauMs, stepMs: c.stepMs,
                                         beta: c.beta, learningRatePerMs: c.learningRatePerMs)
        var teacherRng = Xoshiro256StarStar(seed: c.seed, stream: RandomStream.experiment(1))
        var studentRng = Xoshiro256StarStar(seed: c.seed, stream: RandomStream.experiment(2))
        var inputRng = Xoshiro256StarStar(seed: c.seed, stream: RandomStream.experiment(3))
        c.initialisation.apply(to: &t, generator: &teacherRng)
        c.initialisation.apply(to: &s, generator: &studentRng)
        t.plasticity = false
        s.prospective = c.prospective
        s.plasticity = c.plasticity
        teacher = t
        laggedTeacher = t
        laggedTeacher.prospective = false
        student = s
        nudging = c.nudging
        stream = StreamingSinusoids(inputs: c.sizes[0], components: c.inputComponents, bandHz: c.inputBandHz,
                                    amplitude: c.inputAmplitude, generator: &inputRng)
        input = [Double](repeating: 0, count: c.sizes[0])
        inputHistory = Array(repeating: input, count: c.sizes.count - 1)
        let samples = max(2, Int((c.traceWindowMs / c.traceIntervalMs).rounded()) + 1)
        teacherTrace = SampleRing(capacity: samples)
        studentTrace = SampleRing(capacity: samples)
        hidden = ColumnRing(rows: c.hiddenUnitCount, capacity: c.heatColumns)
        let bins = max(1, Int((c.errorWindowMs / c.seriesIntervalMs).rounded()))
        errorWindow = SlidingMean(binCount: bins)
        energyWindow = SlidingMean(binCount: bins)
    }

    mutating func advance(steps: Int) {
        let c = config
        let delay = c.sizes.count - 2
        let traceEvery = Int64(c.traceIntervalSteps), heatEvery = Int64(c.heatIntervalSteps)
        let seriesEvery = Int64(c.seriesIntervalSteps)
        let settleSteps = Int64((5 * c.tauMs / c.stepMs).rounded())
        let hiddenRange = student.neuronOffsets[0]..<student.neuronOffsets[student.depth - 1]
        for _ in 0..<max(0, steps) {
            stepIndex += 1
            let t = Double(stepIndex) * c.stepMs
            stream.inputs(atMs: t, into: &input)
            let slots = Int64(inputHistory.count)
            inputHistory[Int(stepIndex % slots)] = input
            teacher.step(input: input, target: nil)
            laggedTeacher.step(input: input, target: nil)
            let teacherOut = teacher.output[teacher.output.startIndex]
            if stepIndex > Int64(delay) + 1 {
                let reference = teacher.feedForwardFirstOutput(inputHistory[Int((stepIndex - Int64(delay)) % slots)],
                                                               scratch: &scratch)
                feedForwardDiff = max(feedForwardDiff, abs(teacherOut - reference))
                if stepIndex > settleSteps {
                    laggedDiff = max(laggedDiff, abs(laggedTeacher.output[laggedTeacher.output.startIndex] - reference))
                }
            }
            target[0] = teacherOut
            student.beta = nudging ? c.beta : 0
            student.step(input: input, target: target)
            let studentOut = student.output[student.output.startIndex]
            let err = studentOut - teacherOut
            errorWindow.add(err * err)
            energyWindow.add(student.energy)
            if t <= c.initialWindowMs + 1e-9 {
                initialError.add(err * err)
                initialEnergy.add(student.energy)
            }
            if stepIndex % traceEvery == 0 {
                teacherTrace.append(teacherOut)
                studentTrace.append(studentOut)
            }
            if stepIndex % heatEvery == 0 { hidden.append(student.rate[hiddenRange]) }
            if stepIndex % seriesEvery == 0 {
                errorWindow.closeBin()
                energyWindow.closeBin()
                mseSeries.append((timeMs: t, value: errorWindow.mean))
                energySeries.append((timeMs: t, value: energyWindow.mean))
                distanceSeries.append((timeMs: t, value: student.squaredWeightDistance(to: teacher).squareRoot()))
            }
        }
    }
}
