/// Connectivity layouts a projection can use: a dense matrix (small sampling networks) or
/// compressed sparse rows (large, sparsely connected networks).
public enum ConnectionStorage: Sendable, Equatable {
    case dense(DenseWeights)
    case sparse(SparseWeights)

    var preCount: Int {
        switch self {
        case .dense(let w): return w.preCount
        case .sparse(let w): return w.preCount
        }
    }
}

/// A set of synapses within a `Network`'s population: weights, one synapse model, one delay.
///
/// Tsodyks–Markram state is kept per *presynaptic neuron*: all synapses leaving one neuron in
/// a projection share U, τ_rec, τ_fac, the initial state and the presynaptic spike train, so
/// their (x, u) evolve identically; one copy is exact, not an approximation.
public struct Projection: Sendable {
    public private(set) var storage: ConnectionStorage
    public let model: SynapseModel
    /// Transmission delay in whole steps, round(d/dt) (science.md 1.3: d = 0.1 ms in sbs).
    public let delaySteps: Int
    /// Per-presynaptic-neuron TM state (empty for static synapses).
    public private(set) var plasticity: [TsodyksMarkramState]

    public init(weights: DenseWeights, model: SynapseModel, delaySteps: Int,
                initialState: TsodyksMarkramState = .sbsInitial) {
        precondition(delaySteps >= 0)
        self.init(storage: .dense(weights), model: model, delaySteps: delaySteps, initialState: initialState)
    }

    public init(storage: ConnectionStorage, model: SynapseModel, delaySteps: Int,
                initialState: TsodyksMarkramState = .sbsInitial) {
        precondition(delaySteps >= 0)
        self.storage = storage
        self.model = model
        self.delaySteps = delaySteps
        if case .tsodyksMarkram = model {
            plasticity = Array(repeating: initialState, count: storage.preCount)
        } else {
            plasticity = []
        }
    }

    /// The weights as a dense matrix (sparse storage is expanded; meant for small networks).
    public var weights: DenseWeights {
        switch storage {
        case .dense(let w): return w
        case .sparse(let s):
            var w = DenseWeights(preCount: s.preCount, postCount: s.postCount)
            for j in 0..<s.preCount {
                for k in 0..<s.postCount where s.weight(pre: j, post: k) != 0 { w[j, k] = s.weight(pre: j, post: k) }
            }
            return w
        }
    }

    /// Replaces the weights (same shape); plasticity state is kept.
    public mutating func setWeights(_ weights: DenseWeights) {
        guard case .dense(let old) = storage else { preconditionFailure("setWeights needs dense storage") }
        precondition(weights.preCount == old.preCount && weights.postCount == old.postCount)
        storage = .dense(weights)
    }

    /// Schedules the conductance jumps caused by the spikes of `spiked` (emitted at the end
    /// of step `step`, i.e. at time index step + 1) into `ring`, arriving delaySteps later.
    /// Amplitude per synapse: |w| (static) or |w|·u·x after the TM update (science.md 3.1).
    mutating func deliver(spiked: UnsafeMutableBufferPointer<Int32>, count: Int, step: Int64,
                          stepMs: Double, ring: inout DelayRing) {
        guard count > 0 else { return }
        let spikeStep = step + 1
        let arrival = spikeStep + Int64(delaySteps)
        if case .sparse(let w) = storage {
            deliverSparse(w, spiked: spiked, count: count, spikeStep: spikeStep, arrival: arrival, stepMs: stepMs, ring: &ring)
            return
        }
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

    /// `deliver` for compressed sparse rows: visits only the synapses of each spiking neuron.
    private mutating func deliverSparse(_ w: SparseWeights, spiked: UnsafeMutableBufferPointer<Int32>, count: Int,
                                        spikeStep: Int64, arrival: Int64, stepMs: Double, ring: inout DelayRing) {
        for s in 0..<count {
            let j = Int(spiked[s])
            guard j < w.preCount else { continue }
            var factor = 1.0
            if case .tsodyksMarkram(let U, let tauRec, let tauFac) = model {
                factor = plasticity[j].spike(atStep: spikeStep, stepMs: stepMs, U: U, tauRec: tauRec, tauFac: tauFac)
            }
            ring.withSlot(forStep: arrival) { addE, addI in
                w.excitatoryTargets.withUnsafeBufferPointer { targets in
                    w.excitatoryWeights.withUnsafeBufferPointer { weights in
                        for i in w.excitatoryRowStart[j]..<w.excitatoryRowStart[j + 1] {
                            addE[Int(targets[i])] += weights[i] * factor
                        }
                    }
                }
                w.inhibitoryTargets.withUnsafeBufferPointer { targets in
                    w.inhibitoryWeights.withUnsafeBufferPointer { weights in
                        for i in w.inhibitoryRowStart[j]..<w.inhibitoryRowStart[j + 1] {
                            addI[Int(targets[i])] += weights[i] * factor
                        }
                    }
                }
            }
        }
    }
}
