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
    public private(set) var model: SynapseModel
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
            // Row by row over the stored synapses only (multapses add up, as in `SparseWeights.weight`).
            for j in 0..<s.preCount {
                for i in s.excitatoryRowStart[j]..<s.excitatoryRowStart[j + 1] {
                    w[j, Int(s.excitatoryTargets[i])] += s.excitatoryWeights[i]
                }
                for i in s.inhibitoryRowStart[j]..<s.inhibitoryRowStart[j + 1] {
                    w[j, Int(s.inhibitoryTargets[i])] -= s.inhibitoryWeights[i]
                }
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

    /// Changes the synapse model (e.g. live U and τ_rec, science.md 3.1); a Tsodyks–Markram model
    /// keeps each presynaptic neuron's (x, u, t_last), a static one drops them.
    public mutating func setModel(_ newModel: SynapseModel, initialState: TsodyksMarkramState = .sbsInitial) {
        if case .tsodyksMarkram = newModel {
            if plasticity.count != storage.preCount {
                plasticity = Array(repeating: initialState, count: storage.preCount)
            }
        } else {
            plasticity = []
        }
        model = newModel
    }

    /// Schedules the conductance jumps caused by the spikes of `spiked` (emitted at the end
    /// of step `step`, i.e. at time index step + 1) into the delay ring, arriving delaySteps
    /// later. Amplitude per synapse: |w| (static) or |w|·u·x after the TM update (science.md 3.1).
    mutating func deliver(spiked: UnsafeMutableBufferPointer<Int32>, count: Int, step: Int64,
                          stepMs: Double, ring: DelayRing.Pointers) {
        guard count > 0 else { return }
        let spikeStep = step + 1
        guard let (addE, addI) = ring.slot(forStep: spikeStep + Int64(delaySteps)) else { return }
        switch storage {
        case .dense(let w):
            let post = w.postCount
            w.excitatory.withUnsafeBufferPointer { we in
                w.inhibitory.withUnsafeBufferPointer { wi in
                    for s in 0..<count {
                        let j = Int(spiked[s])
                        guard j < w.preCount else { continue }
                        let factor = releaseFactor(presynaptic: j, spikeStep: spikeStep, stepMs: stepMs)
                        let row = j * post
                        for k in 0..<post {
                            addE[k] += we[row + k] * factor
                            addI[k] += wi[row + k] * factor
                        }
                    }
                }
            }
        case .sparse(let w):
            // Homogeneous weights: w·factor once per spike, the same product as per synapse.
            let uniformE = w.uniformExcitatoryWeight, uniformI = w.uniformInhibitoryWeight
            w.excitatoryTargets.withUnsafeBufferPointer { eTargets in
                w.excitatoryWeights.withUnsafeBufferPointer { eWeights in
                    w.inhibitoryTargets.withUnsafeBufferPointer { iTargets in
                        w.inhibitoryWeights.withUnsafeBufferPointer { iWeights in
                            w.excitatoryRowStart.withUnsafeBufferPointer { eStart in
                                w.inhibitoryRowStart.withUnsafeBufferPointer { iStart in
                                    for s in 0..<count {
                                        let j = Int(spiked[s])
                                        guard j < w.preCount else { continue }
                                        let factor = releaseFactor(presynaptic: j, spikeStep: spikeStep, stepMs: stepMs)
                                        if let we = uniformE {
                                            let amount = we * factor
                                            for i in eStart[j]..<eStart[j + 1] { addE[Int(eTargets[i])] += amount }
                                        } else {
                                            for i in eStart[j]..<eStart[j + 1] { addE[Int(eTargets[i])] += eWeights[i] * factor }
                                        }
                                        if let wi = uniformI {
                                            let amount = wi * factor
                                            for i in iStart[j]..<iStart[j + 1] { addI[Int(iTargets[i])] += amount }
                                        } else {
                                            for i in iStart[j]..<iStart[j + 1] { addI[Int(iTargets[i])] += iWeights[i] * factor }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// 1 for static synapses; u·x after the Tsodyks–Markram update of presynaptic neuron `j`.
    @inline(__always)
    private mutating func releaseFactor(presynaptic j: Int, spikeStep: Int64, stepMs: Double) -> Double {
        guard case .tsodyksMarkram(let U, let tauRec, let tauFac) = model else { return 1 }
        return plasticity[j].spike(atStep: spikeStep, stepMs: stepMs, U: U, tauRec: tauRec, tauFac: tauFac)
    }
}
