#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Static synapses from a population of spike sources (a Poisson pool, private Poisson sources,
/// or a background network) onto the conductance-based samplers of a `Network`, with one delay,
/// and a monitor of the noise input they carry (science.md 2.2, 2.5).
///
/// Wiring: every target neuron reads K_E distinct excitatory and K_I distinct inhibitory sources
/// (sbs `FixedNumberPreConnector`, ε_ext·N_E and ε_ext·N_I), or, when `privateSources`, its own
/// K_E + K_I sources that no other target reads (sources t·K ..< (t+1)·K, the first K_E excitatory).
/// Weights: +w_E, −w_I (µS, conductance jumps on the excitatory / inhibitory receptor).
///
/// Timing: a source spike in step n reaches the samplers at the start of step n + 1 + D, D = delay/dt.
///
/// Monitor: the noise conductances g_E,k and g_I,k as the samplers receive them
/// (g ← g·e^{−dt/τ_syn} + arrivals), sampled every `sampleSteps` after the arrivals of the step;
/// the total noise input x_k = g_E,k (E_e − E_ref) + g_I,k (E_i − E_ref) (nA: the noise current
/// at the reference potential E_ref) goes into `inputs` (means, variances, pairwise correlation
/// matrix of the first `matrixUnits` targets), g_E,k into `excitatory`.
public struct ExternalNoiseProjection: Sendable {
    public let sourceCount: Int
    public let targetCount: Int
    public let excitatoryInDegree: Int, inhibitoryInDegree: Int
    public let excitatoryWeight: Double, inhibitoryWeight: Double
    public let privateSources: Bool
    /// Which sources are excitatory.
    public let sourceIsExcitatory: [Bool]
    let offsets: [Int], targets: [Int32]
    /// The excitatory sources of each target t, `excitatorySources[excitatoryOffsets[t] ..<
    /// excitatoryOffsets[t + 1]]`, in ascending source order (one entry per synapse): the
    /// wiring transposed, for Campbell's expectation per target.
    let excitatoryOffsets: [Int], excitatorySources: [Int32]
    let delaySteps: Int, slots: Int
    var pendingE: [Double], pendingI: [Double]
    /// Per target, factors of its noise synapses (an emulated chip's `noiseSynapseFactors`), applied
    /// to what arrives; nil: nominal weights.
    public private(set) var targetFactors: (excitatory: [Double], inhibitory: [Double])?
    public private(set) var stepIndex: Int64 = 0
    // Monitor.
    let decayE: Double, decayI: Double, drivingE: Double, drivingI: Double
    var gE: [Double], gI: [Double]
    public let sampleSteps: Int
    public private(set) var inputs: InputStatistics
    public private(set) var excitatory: InputStatistics
    /// Source spikes delivered since the last statistics reset, per source.
    public private(set) var sourceSpikes: [Int]
    public private(set) var countedSteps = 0
    var x: [Double]

    /// - Parameters:
    ///   - sourceIsExcitatory: sign of every source (pool and network: the first N_E).
    ///   - sampler: the targets' neuron parameters (τ_syn and reversal potentials for the monitor).
    ///   - referencePotential: E_ref of the total noise input, mV.
    public init(sourceIsExcitatory: [Bool], targetCount: Int, excitatoryInDegree: Int, inhibitoryInDegree: Int,
                excitatoryWeight: Double, inhibitoryWeight: Double, privateSources: Bool, delayMs: Double, stepMs: Double,
                sampler: LIFParameters, referencePotential: Double, matrixUnits: Int, sampleMs: Double, seed: UInt64) {
        let k = excitatoryInDegree + inhibitoryInDegree
        self.sourceIsExcitatory = sourceIsExcitatory
        sourceCount = sourceIsExcitatory.count
        self.targetCount = targetCount
        self.excitatoryInDegree = excitatoryInDegree
        self.inhibitoryInDegree = inhibitoryInDegree
        self.excitatoryWeight = excitatoryWeight
        self.inhibitoryWeight = inhibitoryWeight
        self.privateSources = privateSources
        var outgoing = Array(repeating: [Int32](), count: sourceCount)
        if sourceCount == 0 {
            // No sources (continuous noise added with `addArrivals`): only the delay-free monitor.
        } else if privateSources {
            precondition(sourceCount == targetCount * k, "private sources: N = targets × K")
            for t in 0..<targetCount { for i in 0..<k { outgoing[t * k + i].append(Int32(t)) } }
        } else {
            let exc = sourceIsExcitatory.indices.filter { sourceIsExcitatory[$0] }
            let inh = sourceIsExcitatory.indices.filter { !sourceIsExcitatory[$0] }
            precondition(excitatoryInDegree <= exc.count && inhibitoryInDegree <= inh.count,
                         "in-degree \(excitatoryInDegree)/\(inhibitoryInDegree) exceeds the \(exc.count)/\(inh.count) sources")
            var rng = Xoshiro256StarStar(seed: seed, stream: RandomStream.externalNoiseWiring)
            var chosen = Set<Int>()
            for t in 0..<targetCount {
                for (pool, count) in [(exc, excitatoryInDegree), (inh, inhibitoryInDegree)] {
                    rng.distinctIndices(count, below: pool.count, scratch: &chosen) { outgoing[pool[$0]].append(Int32(t)) }
                }
            }
        }
        var o = [0]
        for list in outgoing { o.append(o.last! + list.count) }
        offsets = o
        targets = outgoing.flatMap { $0 }
        (excitatoryOffsets, excitatorySources) = Self.transposed(outgoing, sourceIsExcitatory: sourceIsExcitatory, targetCount: targetCount)
        delaySteps = max(0, Int((delayMs / stepMs).rounded()))
        slots = delaySteps + 2
        pendingE = Array(repeating: 0, count: slots * targetCount)
        pendingI = pendingE
        decayE = exp(-stepMs / sampler.tauSynE)
        decayI = exp(-stepMs / sampler.tauSynI)
        drivingE = sampler.eRevE - referencePotential
        drivingI = sampler.eRevI - referencePotential
        gE = Array(repeating: 0, count: targetCount)
        gI = gE
        x = gE
        sampleSteps = max(1, Int((sampleMs / stepMs).rounded()))
        inputs = InputStatistics(unitCount: targetCount, matrixUnits: matrixUnits)
        excitatory = InputStatistics(unitCount: targetCount, matrixUnits: 0)
        sourceSpikes = Array(repeating: 0, count: sourceCount)
    }

    /// Queues the spikes the sources emitted in step `stepIndex` (call once per step, before `deliver`).
    public mutating func enqueue(_ spikes: [Int32]) {
        let slot = Int((stepIndex + 1 + Int64(delaySteps)) % Int64(slots)) * targetCount
        let we = excitatoryWeight, wi = inhibitoryWeight
        for s in spikes {
            let j = Int(s)
            sourceSpikes[j] += 1
            if sourceIsExcitatory[j] {
                for i in offsets[j]..<offsets[j + 1] { pendingE[slot + Int(targets[i])] += we }
            } else {
                for i in offsets[j]..<offsets[j + 1] { pendingI[slot + Int(targets[i])] += wi }
            }
        }
    }

    /// Adds conductance increments (µS, per target) that arrive in the current step (continuous noise).
    public mutating func addArrivals(excitatory e: [Double], inhibitory i: [Double]) {
        let slot = Int(stepIndex % Int64(slots)) * targetCount
        for t in 0..<targetCount { pendingE[slot + t] += e[t]; pendingI[slot + t] += i[t] }
    }

    /// Scales what arrives at the first `factors.count` targets by their synaptic factors (the
    /// others keep the nominal weights).
    public mutating func setTargetFactors(_ factors: [(excitatory: Double, inhibitory: Double)]) {
        precondition(factors.count <= targetCount)
        let pad = Array(repeating: 1.0, count: targetCount - factors.count)
        targetFactors = (factors.map(\.excitatory) + pad, factors.map(\.inhibitory) + pad)
    }

    /// The per-step decay e^{−dt/τ_syn,E} of the monitored excitatory conductance.
    public var excitatoryDecay: Double { decayE }

    /// Hands the conductance jumps arriving in this step to `schedule(amount, excitatory, target)`
    /// (which must add them at the start of the samplers' current step), updates the monitor and
    /// moves on one step.
    public mutating func deliver(_ schedule: (Double, Bool, Int) -> Void) {
        let slot = Int(stepIndex % Int64(slots)) * targetCount
        let scaled = targetFactors != nil, fE = targetFactors?.excitatory ?? [], fI = targetFactors?.inhibitory ?? []
        for t in 0..<targetCount {
            var e = pendingE[slot + t], i = pendingI[slot + t]
            if scaled { e *= fE[t]; i *= fI[t] }
            if e != 0 { schedule(e, true, t) }
            if i != 0 { schedule(i, false, t) }
            pendingE[slot + t] = 0; pendingI[slot + t] = 0
            gE[t] = gE[t] * decayE + e
            gI[t] = gI[t] * decayI + i
        }
        stepIndex += 1
        countedSteps += 1
        if stepIndex % Int64(sampleSteps) == 0 {
            for t in 0..<targetCount { x[t] = gE[t] * drivingE + gI[t] * drivingI }
            inputs.add(x)
            excitatory.add(gE)
        }
    }

    /// Forgets the monitor's samples and spike counts (the conductances keep running).
    public mutating func resetStatistics() {
        inputs.reset()
        excitatory.reset()
        sourceSpikes = Array(repeating: 0, count: sourceCount)
        countedSteps = 0
    }

    /// Expected mean and variance of g_E (µS, µS²) averaged over the targets, for sources that
    /// fire independently with spike probabilities p_j per step (Campbell's theorem in discrete
    /// time, as the monitor samples): mean w_E Σ_j p_j / (1 − e^{−dt/τ}), variance
    /// w_E² Σ_j p_j (1 − p_j) / (1 − e^{−2dt/τ}), the sums over each target's excitatory sources
    /// (continuous limits Σ_j ν_j w_E τ_syn and Σ_j ν_j w_E² τ_syn/2, science.md 1.4), each target's
    /// times its synaptic factor (and its square) on a chip. Exact for
    /// Poisson sources, a reference for others.
    ///
    /// Each target's sums run over its sources in ascending order (`excitatorySources`), the
    /// order a pass over the sources adds them in, so the same bits (the live screen asks every
    /// frame, issue 13).
    public func expectedExcitatoryStatistics(spikeProbabilities p: [Double]) -> (mean: Double, variance: Double) {
        var sums = Array(repeating: 0.0, count: targetCount), sumsOfVariances = sums
        for t in 0..<targetCount {
            var sum = 0.0, sumOfVariances = 0.0
            for i in excitatoryOffsets[t]..<excitatoryOffsets[t + 1] {
                let j = Int(excitatorySources[i])
                sum += p[j]
                sumOfVariances += p[j] * (1 - p[j])
            }
            sums[t] = sum
            sumsOfVariances[t] = sumOfVariances
        }
        if let f = targetFactors?.excitatory {
            for t in 0..<targetCount { sums[t] *= f[t]; sumsOfVariances[t] *= f[t] * f[t] }
        }
        let m = sums.reduce(0, +) / Double(targetCount), v = sumsOfVariances.reduce(0, +) / Double(targetCount)
        return (excitatoryWeight * m / (1 - decayE), excitatoryWeight * excitatoryWeight * v / (1 - decayE * decayE))
    }
}

extension ExternalNoiseProjection {
    /// The excitatory synapses by target: for each target its sources in ascending order.
    static func transposed(_ outgoing: [[Int32]], sourceIsExcitatory: [Bool], targetCount: Int) -> ([Int], [Int32]) {
        var offsets = Array(repeating: 0, count: targetCount + 1)
        for (j, list) in outgoing.enumerated() where sourceIsExcitatory[j] { for t in list { offsets[Int(t) + 1] += 1 } }
        for t in 0..<targetCount { offsets[t + 1] += offsets[t] }
        var next = Array(offsets.dropLast()), sources = [Int32](repeating: 0, count: offsets[targetCount])
        for (j, list) in outgoing.enumerated() where sourceIsExcitatory[j] {
            for t in list {
                sources[next[Int(t)]] = Int32(j)
                next[Int(t)] += 1
            }
        }
        return (offsets, sources)
    }
}

extension RandomStream {
    /// Wiring of an `ExternalNoiseProjection` (issue 4).
    public static let externalNoiseWiring: UInt64 = experiment(0x4_23)
}
