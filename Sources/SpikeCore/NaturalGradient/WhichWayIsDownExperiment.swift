#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// "What's wrong with Euclidean gradient descent?" (science.md 5.1; [Kreutzer2022]
/// Figure 3D–E): the expected KL cost of a two-synapse student over its somatic weights
/// (N·w_1 for the 10-Hz input, N·w_2 for the 50-Hz one) and the expected Euclidean and
/// natural-gradient learning paths from the same start (`ExpectedLearningFlow`).
///
/// One synapse can be reparametrised live: its somatic weight becomes α × a dendritic weight
/// that the rules act on. The Euclidean path (drawn in somatic coordinates) bends, because
/// its somatic speed along that synapse scales with α²; the natural path does not change.
/// Changing α restarts both paths from the start and keeps the previous Euclidean path as
/// `euclidean, previous α`.
///
/// Readout: one landscape (cost per second over the plane) whose trails are the paths and,
/// as two-point trails named `arrow euclidean` and `arrow natural`, the direction each rule
/// moves in at its current point (tail at the point, length 0.1 in N·w units); the cursor is
/// the target w*. Time is learning time: 1 s of learning per 1000 ms of `advance(by:)`.
public final class WhichWayIsDownExperiment: Experiment {
    public let config: WhichWayIsDownConfig
    public let flow: ExpectedLearningFlow
    /// The cost landscape (nats/s), row-major, row 0 at the top (largest N·w_2).
    public let costGrid: [Double]
    public private(set) var attenuation: Double
    /// Paths in N·w coordinates since the last (re)start, oldest first.
    public private(set) var euclideanPath: [(x: Double, y: Double)] = []
    public private(set) var naturalPath: [(x: Double, y: Double)] = []
    public private(set) var previousEuclideanPath: [(x: Double, y: Double)] = []
    /// The paths' `TrailGeneration`s: fresh whenever a path is replaced (a restart, a new previous path).
    private var euclideanGeneration = TrailGeneration.next(), naturalGeneration = TrailGeneration.next()
    private var previousGeneration = TrailGeneration.next()
    /// N·w_2 where each path first reached N·w_1 = 0 (nil before).
    public private(set) var euclideanCrossing: Double?
    public private(set) var naturalCrossing: Double?
    /// Learning time since the paths (re)started, s.
    public private(set) var flowSeconds = 0.0
    private var euclidean: [Double]
    private var natural: [Double]
    private var totalMs = 0.0
    private var pendingSeconds = 0.0
    private var costSeries: [String: [(timeMs: Double, value: Double)]] = [:]
    /// The arrows and costs at the current weights (expectations over the flow's samples,
    /// the expensive part of `readout`), kept while the weights and α are unchanged: the
    /// screen asks for a readout every frame, the flow steps less often.
    private var currentPoint: (euclidean: [Double], natural: [Double], attenuation: Double, arrowE: [(x: Double, y: Double)],
                               arrowN: [(x: Double, y: Double)], costE: Double, costN: Double)?

    public init(config: WhichWayIsDownConfig) {
        let problems = config.validate()
        precondition(problems.isEmpty, "invalid WhichWayIsDownConfig: \(problems.joined(separator: "; "))")
        self.config = config
        attenuation = config.attenuation
        flow = ExpectedLearningFlow(setup: config.setup, seed: config.seed, sampleCount: config.sampleCount)
        let n = Double(config.setup.inputCount)
        var grid: [Double] = []
        grid.reserveCapacity(config.gridColumns * config.gridRows)
        for row in 0..<config.gridRows {
            let y = Self.centre(row, of: config.gridRows, in: config.w2Range, reversed: true)
            for column in 0..<config.gridColumns {
                let x = Self.centre(column, of: config.gridColumns, in: config.w1Range, reversed: false)
                grid.append(flow.costPerSecond(somaticWeights: [x / n, y / n]))
            }
        }
        costGrid = grid
        euclidean = config.setup.initialWeights
        natural = config.setup.initialWeights
        restartPaths()
    }

    /// Position of grid sample `index` of `count` spanning `range` with both ends included
    /// (numpy's linspace, the layout Canvas's HeatMap draws); reversed: index 0 at the top.
    static func centre(_ index: Int, of count: Int, in range: ClosedRange<Double>, reversed: Bool) -> Double {
        let f = count > 1 ? Double(index) / Double(count - 1) : 0.5
        return reversed ? range.upperBound - f * (range.upperBound - range.lowerBound)
                        : range.lowerBound + f * (range.upperBound - range.lowerBound)
    }

    private var attenuations: [Double] {
        var a = [1.0, 1.0]
        a[config.attenuatedInput] = attenuation
        return a
    }

    private var scale: Double { Double(config.setup.inputCount) }

    private func restartPaths() {
        euclidean = config.setup.initialWeights
        natural = config.setup.initialWeights
        let start = (x: scale * euclidean[0], y: scale * euclidean[1])
        euclideanPath = [start]
        naturalPath = [start]
        euclideanGeneration = TrailGeneration.next()
        naturalGeneration = TrailGeneration.next()
        euclideanCrossing = nil
        naturalCrossing = nil
        flowSeconds = 0
        costSeries = [:]
        recordCost()
    }

    private func recordCost() {
        costSeries["cost_euclidean_nats_per_s", default: []].append((totalMs, flow.costPerSecond(somaticWeights: euclidean)))
        costSeries["cost_natural_nats_per_s", default: []].append((totalMs, flow.costPerSecond(somaticWeights: natural)))
    }

    public var timeMs: Double { totalMs }
    /// One flow step, in ms of learning time.
    public var stepMs: Double { config.flowStepSeconds * 1000 }

    public func advance(by durationMs: Double) {
        guard durationMs > 0 else { return }
        totalMs += durationMs
        pendingSeconds += durationMs / 1000
        let h = config.flowStepSeconds
        let rates = config.setup.learningRates
        while pendingSeconds >= h - 1e-12 {
            pendingSeconds -= h
            let e = flow.heunStep(.euclidean, somaticWeights: euclidean, attenuations: attenuations,
                                  learningRate: rates[.euclidean] ?? 0, seconds: h)
            let nat = flow.heunStep(.natural, somaticWeights: natural, attenuations: attenuations,
                                    learningRate: rates[.natural] ?? 0, seconds: h)
            euclideanCrossing = euclideanCrossing ?? crossing(from: euclidean, to: e)
            naturalCrossing = naturalCrossing ?? crossing(from: natural, to: nat)
            euclidean = e
            natural = nat
            flowSeconds += h
            euclideanPath.append((scale * e[0], scale * e[1]))
            naturalPath.append((scale * nat[0], scale * nat[1]))
            if Int((flowSeconds / h).rounded()) % 10 == 0 { recordCost() }
        }
    }

    /// N·w_2 where the segment a → b crosses w_1 = 0 upwards, if it does.
    private func crossing(from a: [Double], to b: [Double]) -> Double? {
        guard a[0] < 0 && b[0] >= 0 else { return nil }
        let f = -a[0] / (b[0] - a[0])
        return scale * (a[1] + f * (b[1] - a[1]))
    }

    // MARK: parameters

    public var parameters: [ParameterInfo] {
        [ParameterInfo(key: "attenuation", label: "α of input \(config.attenuatedInput + 1) (\(format(config.setup.ratesHz[config.attenuatedInput])) Hz)",
                       value: attenuation, range: WhichWayIsDownConfig.attenuationRange, stepFactor: 1.25)]
    }

    public func setParameter(_ key: String, to value: Double) throws(ParameterError) {
        guard key == "attenuation" else { throw .unknown(key: key) }
        guard WhichWayIsDownConfig.attenuationRange.contains(value) else {
            throw .outOfRange(key: key, value: value, range: WhichWayIsDownConfig.attenuationRange)
        }
        guard value != attenuation else { return }
        previousEuclideanPath = euclideanPath
        previousGeneration = TrailGeneration.next()
        attenuation = value
        restartPaths()
    }

    // MARK: readout

    /// Unit direction (length 0.1 in N·w) of `rule` at somatic weights `w`, as (tail, head).
    private func arrow(_ rule: LearningRule, at w: [Double]) -> [(x: Double, y: Double)] {
        let v = flow.somaticVelocity(rule, somaticWeights: w, attenuations: attenuations,
                                     learningRate: config.setup.learningRates[rule] ?? 0)
        let norm = (v[0] * v[0] + v[1] * v[1]).squareRoot()
        let tail = (x: scale * w[0], y: scale * w[1])
        guard norm > 0 else { return [tail, tail] }
        return [tail, (tail.x + 0.1 * v[0] / norm, tail.y + 0.1 * v[1] / norm)]
    }

    public func readout() -> Readout {
        if currentPoint.map({ $0.euclidean != euclidean || $0.natural != natural || $0.attenuation != attenuation }) ?? true {
            currentPoint = (euclidean, natural, attenuation, arrow(.euclidean, at: euclidean), arrow(.natural, at: natural),
                            flow.costPerSecond(somaticWeights: euclidean), flow.costPerSecond(somaticWeights: natural))
        }
        let point = currentPoint!
        let arrowE = point.arrowE, arrowN = point.arrowN
        var trails: [(name: String, points: [(x: Double, y: Double)])] = []
        var generations: [UInt64] = []
        if !previousEuclideanPath.isEmpty {
            trails.append(("euclidean, previous α", previousEuclideanPath))
            generations.append(previousGeneration)
        }
        trails += [("euclidean", euclideanPath), ("natural", naturalPath),
                   ("arrow euclidean", arrowE), ("arrow natural", arrowN)]
        // The arrows are replaced at every readout.
        generations += [euclideanGeneration, naturalGeneration, TrailGeneration.next(), TrailGeneration.next()]
        let target = config.setup.teacherWeights
        let landscape = Landscape(label: "expected cost (nats/s)", columns: config.gridColumns, rows: config.gridRows,
                                  values: costGrid, xRange: config.w1Range, yRange: config.w2Range,
                                  xLabel: "N·w1 (\(format(config.setup.ratesHz[0])) Hz)",
                                  yLabel: "N·w2 (\(format(config.setup.ratesHz[1])) Hz)",
                                  trails: trails, trailGenerations: generations, cursor: (scale * target[0], scale * target[1]))
        let dE = (arrowE[1].x - arrowE[0].x, arrowE[1].y - arrowE[0].y)
        let dN = (arrowN[1].x - arrowN[0].x, arrowN[1].y - arrowN[0].y)
        let angle = atan2(dE.0 * dN.1 - dE.1 * dN.0, dE.0 * dN.0 + dE.1 * dN.1) * 180 / Double.pi
        func f(_ name: String, _ value: Double, _ label: String) -> Figure { Figure(name: name, value: value, label: label) }
        let figures = [
            f("crossing_w2_natural", naturalCrossing ?? .nan, "natural: N·w2 at N·w1 = 0"),
            f("crossing_w2_euclidean", euclideanCrossing ?? .nan, "Euclidean: N·w2 at N·w1 = 0"),
            f("cost_natural_nats_per_s", point.costN, "natural: cost (nats/s)"),
            f("cost_euclidean_nats_per_s", point.costE, "Euclidean: cost (nats/s)"),
            f("arrow_angle_deg", abs(angle), "angle between the arrows (°)"),
            f("attenuation", attenuation, "α of the reparametrised input"),
            f("flow_time_s", flowSeconds, "learning time on this path (s)"),
        ]
        let series = ["cost_euclidean_nats_per_s", "cost_natural_nats_per_s"].map {
            Series(name: $0, points: costSeries[$0] ?? [])
        }
        return Readout(timeMs: totalMs, figures: figures, series: series, landscapes: [landscape])
    }

    private func format(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }
}
