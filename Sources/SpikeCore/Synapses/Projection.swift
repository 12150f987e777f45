/// Connectivity layouts a projection can use. Only dense for now; compressed sparse rows
/// can be added as another case without touching the step loop's callers.
public enum ConnectionStorage: Sendable, Equatable {
    case dense(DenseWeights)
}

/// A set of synapses within a `Network`'s population: weights, one synapse model, one delay.
///
/// Tsodyks–Markram state is kept per *presynaptic neuron*: all synapses leaving one neuron in
/// a projection share U, τ_rec, τ_fac, the initial state and the presynaptic spike train, so
/// their (x, u) evolve identically; one copy is exact, not an approximation.
public struct Projection: Sendable {
    public private(set) var storage: ConnectionStorage
    public private(set) var model: SynapseModel
    /// Transmission delay in whole steps, round(d/dt) (science.md 1.3: d = 0.1 ms in sbs).
    public let delaySteps: Int
    /// Per-presynaptic-neuron TM state (empty for static synapses).
    public private(set) var plasticity: [TsodyksMarkramState]

    public init(weights: DenseWeights, model: SynapseModel, delaySteps: Int,
                initialState: TsodyksMarkramState = .sbsInitial) {
        precondition(delaySteps >= 0)
        storage = .dense(weights)
        self.model = model
        self.delaySteps = delaySteps
        if case .tsodyksMarkram = model {
            plasticity = Array(repeating: initialState, count: weights.preCount)
        } else {
            plasticity = []
        }
    }

    public var weights: DenseWeights {
        switch storage { case .dense(let w): return w }
    }

    /// Replaces the weights (same shape); plasticity state is kept.
    public mutating func setWeights(_ weights: DenseWeights) {
        precondition(weights.preCount == self.weights.preCount && weights.postCount == self.weights.postCount)
        storage = .dense(weights)
    }

    /// Changes the synapse model (e.g. live U and τ_rec, science.md 3.1); a Tsodyks–Markram model
    /// keeps each presynaptic neuron's (x, u, t_last), a static one drops them.
    public mutating func setModel(_ newModel: SynapseModel, initialState: TsodyksMarkramState = .sbsInitial) {
        if case .tsodyksMarkram = newModel {
            if plasticity.count != weights.preCount {
                plasticity = Array(repeating: initialState, count: weights.preCount)
            }
        } else {
            plasticity = []
        }
        model = newModel
    }

    /// Schedules the conductance jumps caused by the spikes of `spiked` (emitted at the end
    /// of step `step`, i.e. at time index step + 1) into `ring`, arriving delaySteps later.
    /// Amplitude per synapse: |w| (static) or |w|·u·x after the TM update (science.md 3.1).
    mutating func deliver(spiked: UnsafeMutableBufferPointer<Int32>, count: Int, step: Int64,
                          stepMs: Double, ring: inout DelayRing) {
        guard count > 0 else { return }
        let spikeStep = step + 1
        let arrival = spikeStep + Int64(delaySteps)
        guard case .dense(let w) = storage else { return }
        let post = w.postCount
        for s in 0..<count {
            let j = Int(spiked[s])
            guard j < w.preCount else { continue }
            var factor = 1.0
            if case .tsodyksMarkram(let U, let tauRec, let tauFac) = model {
                factor = plasticity[j].spike(atStep: spikeStep, stepMs: stepMs, U: U, tauRec: tauRec, tauFac: tauFac)
            }
            let row = j * post
            ring.withSlot(forStep: arrival) { addE, addI in
                w.excitatory.withUnsafeBufferPointer { we in
                    w.inhibitory.withUnsafeBufferPointer { wi in
                        for k in 0..<post {
                            addE[k] += we[row + k] * factor
                            addI[k] += wi[row + k] * factor
                        }
                    }
                }
            }
        }
    }
}
