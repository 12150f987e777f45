/// Runs workloads with repetitions and summarises them (issue 13: wall and CPU time as median,
/// min and max; neuron updates per second; biological real-time factor; peak memory).
public enum BenchRunner {
    public struct Result: Codable, Sendable {
        public var workload: String
        public var summary: String
        public var repetitions: Int
        public var neurons: Int
        public var biologicalMs: Double
        public var stepMs: Double
        public var wallMedianS: Double, wallMinS: Double, wallMaxS: Double
        public var cpuMedianS: Double, cpuMinS: Double, cpuMaxS: Double
        /// Neuron updates per wall second (median run).
        public var neuronUpdatesPerSecond: Double
        /// Biological time / wall time of the median run (0 for non-simulation workloads).
        public var realTimeFactor: Double
        public var peakMemoryMiB: Double
        /// Spikes of the last run (a determinism check: the same for every repetition).
        public var spikes: Int
    }

    public static func run(_ workload: BenchWorkload, repetitions: Int) -> Result {
        var walls: [Double] = [], cpus: [Double] = []
        var spikes = 0, peak = 0.0
        for _ in 0..<max(1, repetitions) {
            ProcessMeter.resetPeakMemory()
            let body = workload.prepare()
            let w0 = ProcessMeter.wallSeconds(), c0 = ProcessMeter.cpuSeconds()
            spikes = body()
            walls.append(ProcessMeter.wallSeconds() - w0)
            cpus.append(ProcessMeter.cpuSeconds() - c0)
            peak = max(peak, ProcessMeter.peakMemoryMiB())
        }
        let wall = median(walls)
        return Result(workload: workload.name, summary: workload.summary, repetitions: walls.count,
                      neurons: workload.neurons, biologicalMs: workload.biologicalMs, stepMs: workload.stepMs,
                      wallMedianS: wall, wallMinS: walls.min() ?? 0, wallMaxS: walls.max() ?? 0,
                      cpuMedianS: median(cpus), cpuMinS: cpus.min() ?? 0, cpuMaxS: cpus.max() ?? 0,
                      neuronUpdatesPerSecond: wall > 0 ? workload.neuronUpdates / wall : 0,
                      realTimeFactor: wall > 0 ? workload.biologicalMs / 1000 / wall : 0,
                      peakMemoryMiB: peak, spikes: spikes)
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
