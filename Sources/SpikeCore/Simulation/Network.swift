/// A simulated network: one LIF population (science.md 1.2) with per-neuron Poisson
/// background, recurrent projections through a delay ring, and monitors, advanced by a fixed
/// per-step schedule (science.md 1.9). The clock is the integer step counter `stepIndex`
/// (time = stepIndex·dt, no floating drift).
///
/// Schedule of the step that takes time index n to n + 1:
/// 1. g_x ← g_x·e^{−dt/τ_syn,x};  2. + background w·Poisson(ν dt);  3. + recurrent increments
///    arriving at n (delay ring);  4. exponential-Euler membrane update or refractory clamp;
/// 5. threshold: spikes get time index n + 1, V ← V_reset, refractory counter ← round(τ_ref/dt),
///    increments scheduled for n + 1 + delay;  6. monitors sample time index n + 1.
/// A neuron that spiked at time index s is clamped during steps s … s + R − 1 and has z = 1 at
/// time indices s … s + R − 1 (R = round(τ_ref/dt)): (t − t_spike) < τ_ref (science.md 1.1).
///
/// Deterministic: everything random comes from streams of `seed` (`RandomStream`).
///
/// A value type (arrays shared copy-on-write): a copy is a snapshot that evolves independently.
/// Keeping the whole step inside one struct also avoids per-property dynamic exclusivity
/// checks that a class would pay on every access.
public struct Network: Sendable {
    public let stepMs: Double
    public let seed: UInt64
    /// Time index: number of steps simulated.
    public private(set) var stepIndex: Int64 = 0
    public private(set) var population: LIFPopulation
    public private(set) var background: BackgroundInput
    public private(set) var projections: [Projection] = []
    public private(set) var ring: DelayRing
    /// Recent spikes of all neurons.
    public private(set) var spikeMonitor: SpikeRing
    public private(set) var membraneRecorders: [MembraneRecorder] = []
    /// Scratch: neurons that spiked in the last step (first `lastStepSpikeCount` entries).
    private var spikedBuffer: [Int32]
    public private(set) var lastStepSpikeCount = 0

    /// A network of `count` neurons with the same parameters and background.
    /// - Parameters:
    ///   - stepMs: integration step dt, ms.
    ///   - seed: experiment seed; the generator streams are derived from it.
    ///   - spikeCapacity: how many recent spikes `spikeMonitor` keeps.
    public init(parameters: LIFParameters, count: Int, stepMs: Double, seed: UInt64,
                background: PoissonBackground = .none, spikeCapacity: Int = 1 << 16) {
        self.stepMs = stepMs
        self.seed = seed
        population = LIFPopulation(parameters: parameters, count: count, stepMs: stepMs)
        self.background = BackgroundInput(count: count, background: background, stepMs: stepMs, seed: seed)
        ring = DelayRing(neuronCount: count, maxDelaySteps: 0)
        spikeMonitor = SpikeRing(capacity: spikeCapacity)
        spikedBuffer = Array(repeating: 0, count: max(count, 1))
    }

    public var neuronCount: Int { population.count }
    /// Biological time reached, ms.
    public var timeMs: Double { Double(stepIndex) * stepMs }

    /// Delay in whole steps for a delay in ms (round to nearest, at least 0).
    public func delaySteps(forMs delayMs: Double) -> Int { max(0, Int((delayMs / stepMs).rounded())) }

    /// Adds a projection within the population; returns its index.
    @discardableResult
    public mutating func addProjection(weights: DenseWeights, model: SynapseModel, delayMs: Double,
                              initialState: TsodyksMarkramState = .sbsInitial) -> Int {
        precondition(weights.preCount == neuronCount && weights.postCount == neuronCount,
                     "weights must be \(neuronCount)×\(neuronCount)")
        let d = delaySteps(forMs: delayMs)
        ring.grow(toMaxDelaySteps: d, currentStep: stepIndex)
        projections.append(Projection(weights: weights, model: model, delaySteps: d, initialState: initialState))
        return projections.count - 1
    }

    /// Replaces the weights of projection `index` (same shape).
    public mutating func setWeights(_ weights: DenseWeights, projection index: Int) {
        projections[index].setWeights(weights)
    }

    /// Changes the synapse model of projection `index` (plasticity state kept where it applies).
    public mutating func setSynapseModel(_ model: SynapseModel, projection index: Int) {
        projections[index].setModel(model)
    }

    /// Adds a membrane-potential recorder; returns its index.
    @discardableResult
    public mutating func addMembraneRecorder(neurons: [Int], intervalSteps: Int, capacity: Int) -> Int {
        membraneRecorders.append(MembraneRecorder(neurons: neurons, intervalSteps: intervalSteps, capacity: capacity))
        return membraneRecorders.count - 1
    }

    // MARK: knobs

    public mutating func setRestingPotential(_ mV: Double, neuron: Int) { population.setRestingPotential(mV, neuron: neuron) }
    public mutating func setThresholdEnabled(_ enabled: Bool, neuron: Int) { population.setThresholdEnabled(enabled, neuron: neuron) }
    public mutating func setMembranePotential(_ mV: Double, neuron: Int) { population.setMembranePotential(mV, neuron: neuron) }
    public mutating func setConductances(excitatory: Double, inhibitory: Double, neuron: Int) {
        population.setConductances(excitatory: excitatory, inhibitory: inhibitory, neuron: neuron)
    }
    public mutating func setBackground(_ bg: PoissonBackground, neuron: Int) { background.setBackground(bg, neuron: neuron) }
    public mutating func setBackground(_ bg: PoissonBackground) {
        for k in 0..<neuronCount { background.setBackground(bg, neuron: k) }
    }
    /// Adds a conductance increment (µS) arriving at the beginning of step `arrivalStep`
    /// (≥ stepIndex, within the ring), as a recurrent spike would.
    public mutating func scheduleConductance(_ amount: Double, excitatory: Bool, neuron: Int, arrivalStep: Int64) {
        precondition(arrivalStep >= stepIndex && arrivalStep < stepIndex + Int64(ring.slotCount))
        ring.add(amount, excitatory: excitatory, neuron: neuron, arrivalStep: arrivalStep)
    }

    // MARK: state queries

    /// z_k at the current time index (science.md 1.1).
    public func z(_ neuron: Int) -> Bool { population.z(neuron) }
    /// All z_k at the current time index.
    public var zStates: [Bool] { population.refractorySteps.map { $0 > 0 } }
    /// Neurons that spiked in the last step (time index `stepIndex`).
    public var lastStepSpikes: ArraySlice<Int32> { spikedBuffer[0..<lastStepSpikeCount] }

    // MARK: stepping

    /// Simulates one step dt.
    public mutating func step() {
        let n = stepIndex
        let count = spikedBuffer.withUnsafeMutableBufferPointer { spiked in
            ring.withSlot(forStep: n) { addE, addI in
                StepKernel.run(population: &population, background: &background,
                               arrivingE: addE, arrivingI: addI, spiked: spiked)
            }
        }
        lastStepSpikeCount = count
        if count > 0 {
            for s in 0..<count { spikeMonitor.append(step: n + 1, neuron: spikedBuffer[s]) }
            spikedBuffer.withUnsafeMutableBufferPointer { spiked in
                for p in projections.indices {
                    projections[p].deliver(spiked: spiked, count: count, step: n, stepMs: stepMs, ring: &ring)
                }
            }
        }
        stepIndex = n + 1
        for r in membraneRecorders.indices {
            membraneRecorders[r].record(step: stepIndex, v: population.v)
        }
    }

    /// Simulates `steps` steps.
    public mutating func advance(steps: Int) {
        for _ in 0..<max(0, steps) { step() }
    }
}
