import SpikeCore

/// One named benchmark workload (issue 13): something to set up untimed, then a simulate call
/// that is timed — the same split as the peers' scripts ("simulate call only").
public struct BenchWorkload: Sendable {
    public let name: String
    public let summary: String
    /// Neurons simulated (for neuron updates per second); 0 for workloads without a network.
    public let neurons: Int
    /// Biological time simulated by one run, ms (0: not a simulation, e.g. frame rendering).
    public let biologicalMs: Double
    /// Integration step, ms.
    public let stepMs: Double
    /// Builds a fresh, untimed state and returns the timed part. The timed closure returns a
    /// checksum-like count (spikes) so the optimiser cannot drop the work.
    public let prepare: @Sendable () -> (@Sendable () -> Int)
    /// The definition handed to peer simulators (nil when no peer runs this workload).
    public let peerSpec: PeerSpec?

    public init(name: String, summary: String, neurons: Int, biologicalMs: Double, stepMs: Double,
                peerSpec: PeerSpec? = nil, prepare: @escaping @Sendable () -> (@Sendable () -> Int)) {
        self.name = name
        self.summary = summary
        self.neurons = neurons
        self.biologicalMs = biologicalMs
        self.stepMs = stepMs
        self.peerSpec = peerSpec
        self.prepare = prepare
    }

    /// Neuron updates in one run.
    public var neuronUpdates: Double {
        stepMs > 0 ? Double(neurons) * (biologicalMs / stepMs).rounded() : 0
    }
}
