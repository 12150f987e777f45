#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The background random network of current-based LIF neurons as a spike source
/// (`LIFBackgroundNetworkConfig`; science.md 2.2, spiking formulation, [Jordan2019]): nothing
/// random is drawn while it runs: its irregular activity is deterministic chaos from E/I
/// recurrence. Seeded draws only for wiring and for the initial membrane potentials (uniform in
/// [V_reset, V_th], as sbs).
///
/// Integration: exact for the linear subthreshold dynamics (NEST `iaf_psc_exp` propagators) with
/// step dt: V ← E_l + (V − E_l) P22 + I_offset P20 + I_e P21e + I_i P21i, then I_x ← I_x P11x +
/// arrivals, then threshold. A spike in step n arrives at the start of step n + 1 + D (D = delay/dt),
/// exactly the delay after the spike time, as in `DelayRing`.
public struct LIFBackgroundNetwork: Sendable {
    public let config: LIFBackgroundNetworkConfig
    public let stepMs: Double
    public private(set) var stepIndex: Int64 = 0
    public private(set) var v: [Double]
    var currentE: [Double], currentI: [Double]
    var refractory: [Int32]
    /// Outgoing synapses per source neuron (CSR): targets of neuron j are
    /// `targets[offsets[j] ..< offsets[j + 1]]`; the weight is +J_E (j < N_E) or −J_I.
    let offsets: [Int], targets: [Int32]
    /// Arrivals per slot: slot s holds, per neuron, the summed current jumps (nA) for E and I.
    var ringE: [Double], ringI: [Double]
    let slots: Int, delaySteps: Int, refractorySteps: Int32
    let p22: Double, p20: Double, p21e: Double, p21i: Double, p11e: Double, p11i: Double
    /// Neurons that spiked in the last step.
    public private(set) var lastSpikes: [Int32] = []
    /// Spikes per neuron since the last `resetCounts`.
    public private(set) var spikeCounts: [Int]
    public private(set) var countedSteps = 0

    public init(config: LIFBackgroundNetworkConfig, stepMs: Double, seed: UInt64) {
        let problems = config.validate()
        precondition(problems.isEmpty, "invalid background network: \(problems.joined(separator: "; "))")
        precondition(stepMs > 0 && stepMs.isFinite, "step must be > 0 ms")
        self.config = config
        self.stepMs = stepMs
        let n = config.size, p = config.neuron
        var rng = Xoshiro256StarStar(seed: seed, stream: RandomStream.lifBackgroundInitial)
        v = (0..<n).map { _ in p.vReset + (p.vThresh - p.vReset) * rng.nextUniform() }
        currentE = Array(repeating: 0, count: n)
        currentI = currentE
        refractory = Array(repeating: 0, count: n)
        spikeCounts = Array(repeating: 0, count: n)
        delaySteps = max(0, Int((config.delayMs / stepMs).rounded()))
        slots = delaySteps + 2
        ringE = Array(repeating: 0, count: slots * n)
        ringI = ringE
        refractorySteps = Int32((p.tauRefrac / stepMs).rounded())
        let decayM = exp(-stepMs / p.tauM), decayE = exp(-stepMs / p.tauSynE), decayI = exp(-stepMs / p.tauSynI)
        p22 = decayM
        p20 = p.tauM / p.cm * (1 - decayM)
        p11e = decayE
        p11i = decayI
        p21e = LIFBackgroundNetwork.currentToVoltage(p, tauSyn: p.tauSynE, decayM: decayM, decaySyn: decayE, stepMs: stepMs)
        p21i = LIFBackgroundNetwork.currentToVoltage(p, tauSyn: p.tauSynI, decayM: decayM, decaySyn: decayI, stepMs: stepMs)
        (offsets, targets) = LIFBackgroundNetwork.wire(config, seed: seed)
    }

    /// P21: the membrane potential (mV) a synaptic current of 1 nA at the start of a step adds by
    /// its end: τ_m τ_s/(C_m (τ_m − τ_s))·(e^{−dt/τ_m} − e^{−dt/τ_s}) (limit dt/C_m·e^{−dt/τ_m} for τ_s = τ_m).
    static func currentToVoltage(_ p: CurrentLIFParameters, tauSyn ts: Double, decayM: Double, decaySyn: Double,
                                 stepMs: Double) -> Double {
        abs(p.tauM - ts) < 1e-12 ? stepMs / p.cm * decayM : p.tauM * ts / (p.cm * (p.tauM - ts)) * (decayM - decaySyn)
    }

    /// Fixed in-degree wiring (sbs `FixedNumberPreConnector`, no self-connections, no repeats):
    /// for every post neuron K_E distinct excitatory and K_I distinct inhibitory sources, stored
    /// by source.
    static func wire(_ c: LIFBackgroundNetworkConfig, seed: UInt64) -> ([Int], [Int32]) {
        var rng = Xoshiro256StarStar(seed: seed, stream: RandomStream.lifBackgroundWiring)
        let n = c.size, ne = c.excitatoryCount
        var outgoing = Array(repeating: [Int32](), count: n)
        var chosen = Set<Int>()
        for post in 0..<n {
            for (first, count, k) in [(0, ne, c.excitatoryInDegree), (ne, n - ne, c.inhibitoryInDegree)] {
                rng.distinctIndices(k, below: count, excluding: post - first, scratch: &chosen) {
                    outgoing[first + $0].append(Int32(post))
                }
            }
        }
        var offsets = [0]
        offsets.reserveCapacity(n + 1)
        for list in outgoing { offsets.append(offsets.last! + list.count) }
        return (offsets, outgoing.flatMap { $0 })
    }

    /// Biological time, ms.
    public var timeMs: Double { Double(stepIndex) * stepMs }

    /// Targets of source neuron j inside the network.
    public func internalTargets(of j: Int) -> ArraySlice<Int32> { targets[offsets[j]..<offsets[j + 1]] }

    /// Simulates one step; the spikes are in `lastSpikes`.
    public mutating func step() {
        let n = config.size, p = config.neuron
        let slot = Int(stepIndex % Int64(slots)) * n
        let drive = p.vRest
        lastSpikes.removeAll(keepingCapacity: true)
        for k in 0..<n {
            if refractory[k] > 0 {
                refractory[k] -= 1
            } else {
                v[k] = drive + (v[k] - drive) * p22 + p.iOffset * p20 + currentE[k] * p21e + currentI[k] * p21i
            }
            currentE[k] = currentE[k] * p11e + ringE[slot + k]
            currentI[k] = currentI[k] * p11i + ringI[slot + k]
            ringE[slot + k] = 0
            ringI[slot + k] = 0
            if v[k] >= p.vThresh {
                v[k] = p.vReset
                refractory[k] = refractorySteps
                lastSpikes.append(Int32(k))
            }
        }
        let arrival = Int((stepIndex + 1 + Int64(delaySteps)) % Int64(slots)) * n
        let ne = config.excitatoryCount
        let je = config.excitatoryWeight, ji = -config.inhibitoryWeight
        for s in lastSpikes {
            let j = Int(s)
            spikeCounts[j] += 1
            if j < ne {
                for t in offsets[j]..<offsets[j + 1] { ringE[arrival + Int(targets[t])] += je }
            } else {
                for t in offsets[j]..<offsets[j + 1] { ringI[arrival + Int(targets[t])] += ji }
            }
        }
        stepIndex += 1
        countedSteps += 1
    }

    /// Forgets spike counts.
    public mutating func resetCounts() {
        spikeCounts = Array(repeating: 0, count: config.size)
        countedSteps = 0
    }

    /// Rate of each neuron since the last reset, Hz.
    public var rates: [Double] {
        let seconds = Double(countedSteps) * stepMs / 1000
        return spikeCounts.map { seconds > 0 ? Double($0) / seconds : .nan }
    }

    /// Mean rate over the network since the last reset, Hz.
    public var meanRateHz: Double {
        let seconds = Double(countedSteps) * stepMs / 1000
        guard seconds > 0 else { return .nan }
        return Double(spikeCounts.reduce(0, +)) / (Double(config.size) * seconds)
    }
}

extension RandomStream {
    /// Initial membrane potentials of a `LIFBackgroundNetwork` (issue 4).
    public static let lifBackgroundInitial: UInt64 = experiment(0x4_20)
    /// Internal wiring of a `LIFBackgroundNetwork`.
    public static let lifBackgroundWiring: UInt64 = experiment(0x4_21)
}
