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
    /// Optional loss of recurrent spike events in routing (emulated hardware, science.md 4.1);
    /// nil (the default) delivers every spike. Lost spikes are still recorded as spikes.
    public private(set) var spikeLoss: SpikeLoss?
    /// Scratch: the spikes that survived `spikeLoss` in the last step.
    private var deliveredBuffer: [Int32] = []
    /// Background increments drawn ahead for a block of steps (`StepKernel.drawBackground`):
    /// `backgroundBlockSize(neurons:)` rows of n values per receptor type; scratch, no state.
    private var backgroundScratch: [Double] = []
    /// Threads the step loop may use (1: the calling thread only). The spikes and every state
    /// variable are the same for every thread count, bit for bit (`StepPartition`).
    public private(set) var threads = 1

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

    /// Adds a sparsely connected projection within the population; returns its index.
    @discardableResult
    public mutating func addProjection(sparse weights: SparseWeights, model: SynapseModel, delayMs: Double) -> Int {
        precondition(weights.preCount == neuronCount && weights.postCount == neuronCount,
                     "weights must be \(neuronCount)×\(neuronCount)")
        let d = delaySteps(forMs: delayMs)
        ring.grow(toMaxDelaySteps: d, currentStep: stepIndex)
        projections.append(Projection(storage: .sparse(weights), model: model, delaySteps: d))
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

    /// Replaces recorder `index` with `recorder` (the app's probe of a clicked neuron moving on).
    public mutating func replaceMembraneRecorder(_ index: Int, with recorder: MembraneRecorder) {
        membraneRecorders[index] = recorder
    }

    // MARK: knobs

    /// Lets the step loop use up to `count` threads (≥ 1) from the next `advance` on; a part
    /// gets at least `StepPartition.minimumNeurons` neurons, so small networks stay on one thread.
    public mutating func setThreads(_ count: Int) {
        precondition(count >= 1, "threads must be at least 1, got \(count)")
        threads = count
    }

    /// Threads used for an `advance` of `steps` steps: the network is split only when each part
    /// is large enough for the per-step barriers to pay, the call long enough to start threads,
    /// and delivery is lossless (the lossy router draws in spike order on one thread).
    func stepWorkers(steps: Int) -> Int {
        guard threads > 1, spikeLoss == nil, steps * neuronCount >= 100_000 else { return 1 }
        return max(1, min(threads, neuronCount / StepPartition.minimumNeurons))
    }

    public mutating func setRestingPotential(_ mV: Double, neuron: Int) { population.setRestingPotential(mV, neuron: neuron) }
    public mutating func setThresholdEnabled(_ enabled: Bool, neuron: Int) { population.setThresholdEnabled(enabled, neuron: neuron) }
    public mutating func setMembranePotential(_ mV: Double, neuron: Int) { population.setMembranePotential(mV, neuron: neuron) }
    public mutating func setConductances(excitatory: Double, inhibitory: Double, neuron: Int) {
        population.setConductances(excitatory: excitatory, inhibitory: inhibitory, neuron: neuron)
    }
    /// Intrinsic parameters of one neuron (fixed-pattern noise, science.md 4.3); see
    /// `LIFPopulation.setIntrinsic`.
    public mutating func setIntrinsic(thresholdMv: Double, tauMembraneMs: Double, tauRefractoryMs: Double, neuron: Int) {
        population.setIntrinsic(thresholdMv: thresholdMv, tauMembraneMs: tauMembraneMs,
                                tauRefractoryMs: tauRefractoryMs, neuron: neuron)
    }
    /// Drops each recurrent spike event with the loss's probability from the next step on (nil: none).
    public mutating func setSpikeLoss(_ loss: SpikeLoss?) {
        spikeLoss = loss
        deliveredBuffer = Array(repeating: 0, count: max(neuronCount, 1))
    }
    public mutating func setBackground(_ bg: PoissonBackground, neuron: Int) { background.setBackground(bg, neuron: neuron) }
    public mutating func setBackground(_ bg: PoissonBackground) {
        background.setBackgroundOfAll(bg)
    }
    /// Makes room for `scheduleConductance` up to `steps` steps ahead, keeping what is pending
    /// (the ring's slot layout changes, the dynamics do not).
    public mutating func reserveScheduleHorizon(steps: Int) { ring.grow(toMaxDelaySteps: steps, currentStep: stepIndex) }

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
        advance(steps: 1)
    }

    /// Simulates `steps` steps.
    public mutating func advance(steps: Int) {
        advance(steps: steps) { _ in }
    }

    /// What an observer sees after each step of `advance(steps:afterEachStep:)`: the time index
    /// reached, the neurons that spiked in the step, the refractory counters (z_k = counter > 0),
    /// membrane potentials and conductances. The buffers are valid only during the call.
    public struct StepObservation {
        /// Time index after the step.
        public let stepIndex: Int64
        public let spiked: UnsafeBufferPointer<Int32>
        public let refractorySteps: UnsafeBufferPointer<Int32>
        public let v: UnsafeBufferPointer<Double>
        /// Excitatory and inhibitory conductances, µS.
        public let gE: UnsafeBufferPointer<Double>
        public let gI: UnsafeBufferPointer<Double>
    }

    /// Simulates `steps` steps and calls `observe` after each one.
    ///
    /// The state arrays are taken out of the struct once per call and stepped through raw
    /// buffers, so a long run pays the copy-on-write uniqueness checks and reference counting
    /// once instead of once per array per step (what made small networks slow); the numbers
    /// are exactly those of stepping one step at a time.
    public mutating func advance(steps: Int, afterEachStep observe: (StepObservation) -> Void) {
        guard steps > 0 else { return }
        let workers = stepWorkers(steps: steps)  // before the state is moved out (it counts neurons)
        var pop = Network.swapOut(&population, placeholder: LIFPopulation.placeholder(like: population))
        var bg = Network.swapOut(&background, placeholder: BackgroundInput.placeholder(stepMs: background.stepMs))
        var ringE = Network.swapOut(&ring.excitatory, placeholder: [])
        var ringI = Network.swapOut(&ring.inhibitory, placeholder: [])
        var spikedBuffer = Network.swapOut(&self.spikedBuffer, placeholder: [])
        let n = pop.count, slots = Int64(ring.slotCount)
        let blockRows = min(steps, Network.backgroundBlockRows(neurons: n))
        var scratch = Network.swapOut(&backgroundScratch, placeholder: [])
        if scratch.count < max(1, 2 * blockRows * n) { scratch = Array(repeating: 0, count: max(1, 2 * blockRows * n)) }
        var lastCount = lastStepSpikeCount
        let constants = LIFPopulation.placeholder(like: pop)
        // The per-neuron intrinsic arrays are read-only in the loop: a reference copy (no
        // element copy), read outside `pop`'s exclusive access.
        let intrinsic = LIFPopulation.intrinsicView(of: pop)
        bg.withBuffers { lamE, lamI, wE, wI, cdfE, cdfI, resE, resI, rngE, rngI in
            pop.withBuffers { v, ge, gi, ref, el, thr in
              intrinsic.withIntrinsicBuffers { gl, vth, vres, refN in
                ringE.withUnsafeMutableBufferPointer { ringE in
                    ringI.withUnsafeMutableBufferPointer { ringI in
                        spikedBuffer.withUnsafeMutableBufferPointer { spiked in
                          scratch.withUnsafeMutableBufferPointer { scratch in
                            let kernel = StepKernel(population: constants, v: v, ge: ge, gi: gi, ref: ref, el: el, thr: thr,
                                                    gl: gl, vth: vth, vres: vres, refN: refN,
                                                    lamE: lamE, lamI: lamI, wE: wE, wI: wI, cdfE: cdfE, cdfI: cdfI, resE: resE, resI: resI,
                                                    rngE: rngE, rngI: rngI)
                            let ringPointers = DelayRing.Pointers(excitatory: ringE.baseAddress, inhibitory: ringI.baseAddress,
                                                                  neuronCount: n, slotCount: Int(slots))
                            // Background increments of the current block: rows of n values, E then I.
                            let incE = scratch.baseAddress!
                            let incI = incE + blockRows * n
                            // What follows the kernel in a step (spikes known, as in the serial loop):
                            // monitors, delivery, the clock, recorders, the observer.
                            func finish(step: Int64, count: Int) {
                                lastCount = count
                                if count > 0 {
                                    for s in 0..<count { spikeMonitor.append(step: step + 1, neuron: spiked[s]) }
                                    if spikeLoss == nil {
                                        for p in projections.indices {
                                            projections[p].deliver(spiked: spiked, count: count, step: step, stepMs: stepMs,
                                                                   ring: ringPointers)
                                        }
                                    } else {
                                        deliverWithLoss(spiked: spiked, count: count, step: step, ring: ringPointers)
                                    }
                                }
                                stepIndex = step + 1
                                let vView = UnsafeBufferPointer(v)
                                for r in membraneRecorders.indices {
                                    membraneRecorders[r].record(step: stepIndex, v: vView)
                                }
                                observe(StepObservation(stepIndex: stepIndex,
                                                        spiked: UnsafeBufferPointer(rebasing: spiked[0..<count]),
                                                        refractorySteps: UnsafeBufferPointer(ref), v: vView,
                                                        gE: UnsafeBufferPointer(ge), gI: UnsafeBufferPointer(gi)))
                            }
                            if workers > 1 {
                                let parts = StepPartition(neurons: n, workers: workers)
                                StepThreads.run(count: workers) { w in
                                    parts.advance(worker: w, steps: steps, firstStep: stepIndex, slots: Int(slots),
                                                  blockRows: blockRows, kernel: kernel, ring: ringPointers,
                                                  incE: incE, incI: incI, spiked: spiked.baseAddress!) { step, count in
                                        finish(step: step, count: count)
                                    }
                                }
                                parts.deallocate()
                            } else {
                                // Slot of the current step, kept as a running index (no division per step).
                                var slot = Int(stepIndex % slots)
                                var row = blockRows
                                for done in 0..<steps {
                                    if row == blockRows {
                                        kernel.drawBackground(rows: min(blockRows, steps - done), incE: incE, incI: incI)
                                        row = 0
                                    }
                                    let step = stepIndex
                                    let offset = slot * n
                                    slot += 1
                                    if slot == Int(slots) { slot = 0 }
                                    let count = kernel.run(arrivingE: ringE.baseAddress.map { $0 + offset },
                                                           arrivingI: ringI.baseAddress.map { $0 + offset },
                                                           incE: incE + row * n, incI: incI + row * n, spiked: spiked)
                                    row += 1
                                    finish(step: step, count: count)
                                }
                            }
                          }
                        }
                    }
                }
              }
            }
        }
        lastStepSpikeCount = lastCount
        population = pop
        background = bg
        ring.excitatory = ringE
        ring.inhibitory = ringI
        self.spikedBuffer = spikedBuffer
        backgroundScratch = scratch
    }

    /// Steps of background drawn ahead per block for a population of `neurons`: about 32k
    /// values per receptor type (256 KiB, cache-resident), but at least 12 steps: for large
    /// populations the per-neuron set-up of a block (generator state, tables) costs more than
    /// reading the increments back from the outer cache (scale-10k: 13 % less CPU time than 3 steps).
    /// At most 512 steps: for a few neurons (sampling-5) the block then stays in the first-level
    /// cache (40 KiB for 5 neurons instead of 512 KiB, which spilled out of the second level).
    static func backgroundBlockRows(neurons: Int) -> Int { max(12, min(512, 32_768 / max(1, neurons))) }

    /// Delivery through a lossy router: each spike event survives with probability 1 − p
    /// (drawn from the loss's own stream, in spike order) and only survivors reach the projections.
    private mutating func deliverWithLoss(spiked: UnsafeMutableBufferPointer<Int32>, count: Int, step: Int64,
                                          ring: DelayRing.Pointers) {
        var kept = 0
        for s in 0..<count where !spikeLoss!.drops() {
            deliveredBuffer[kept] = spiked[s]
            kept += 1
        }
        var delivered = Network.swapOut(&deliveredBuffer, placeholder: [])
        delivered.withUnsafeMutableBufferPointer { delivered in
            for p in projections.indices {
                projections[p].deliver(spiked: delivered, count: kept, step: step, stepMs: stepMs, ring: ring)
            }
        }
        deliveredBuffer = delivered
    }

    /// An empty network (no neurons; allocates almost nothing) that holds the place of a
    /// network moved out of its owner for `advance(steps:afterEachStep:)` with an observer that
    /// updates the owner: `swap(&local, &owner.network)`, advance `local`, swap back.
    public static func placeholder(stepMs: Double) -> Network {
        Network(parameters: .sbsDefault, count: 0, stepMs: stepMs, seed: 0, spikeCapacity: 1)
    }

    /// Moves `value` out (leaving `placeholder`), so the moved-out arrays stay uniquely
    /// referenced while they are mutated through raw buffers.
    @inline(__always)
    private static func swapOut<T>(_ value: inout T, placeholder: T) -> T {
        var out = placeholder
        swap(&out, &value)
        return out
    }
}
