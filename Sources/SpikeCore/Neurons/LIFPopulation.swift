#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// State of a population of identical conductance-based LIF neurons (science.md 1.2) in
/// structure-of-arrays form: one contiguous array per state variable, indexed by neuron.
///
/// Per-neuron exceptions to the shared `LIFParameters`: the resting potential E_l (`vRest`,
/// the bias knob of LIF sampling, science.md 1.6) and whether the threshold is enabled
/// (a neuron with the threshold disabled is a "free membrane" probe, science.md 1.4).
///
/// `integrate` performs steps 1 and 4–5 of the per-step algorithm of science.md 1.9; the
/// `Network` interleaves background input and spike delivery (steps 2–3).
public struct LIFPopulation: Sendable {
    /// Shared parameters (the per-neuron `vRest` overrides `parameters.vRest`).
    public private(set) var parameters: LIFParameters
    /// Integration step, ms.
    public let stepMs: Double
    /// Membrane potential V, mV.
    public internal(set) var v: [Double]
    /// Excitatory conductance g_e, µS.
    public internal(set) var gE: [Double]
    /// Inhibitory conductance g_i, µS.
    public internal(set) var gI: [Double]
    /// Remaining clamped steps of the refractory period (0 = free). z_k = 1 iff > 0.
    public internal(set) var refractorySteps: [Int32]
    /// Per-neuron leak reversal potential E_l, mV.
    public internal(set) var vRest: [Double]
    /// Per-neuron: does the neuron spike (true) or is it a free-membrane probe (false)?
    public internal(set) var thresholdEnabled: [Bool]

    /// e^{−dt/τ_syn,e}, e^{−dt/τ_syn,i}: conductance decay per step, precomputed once per dt.
    public let decayE: Double
    public let decayI: Double
    /// Refractory period in whole steps: round(τ_ref/dt).
    public let refractoryStepCount: Int32

    public var count: Int { v.count }

    /// `count` neurons at rest (V = E_l, no conductance), threshold enabled.
    public init(parameters: LIFParameters, count: Int, stepMs: Double) {
        precondition(count >= 0 && stepMs > 0)
        self.parameters = parameters
        self.stepMs = stepMs
        v = Array(repeating: parameters.vRest, count: count)
        gE = Array(repeating: 0, count: count)
        gI = Array(repeating: 0, count: count)
        refractorySteps = Array(repeating: 0, count: count)
        vRest = Array(repeating: parameters.vRest, count: count)
        thresholdEnabled = Array(repeating: true, count: count)
        decayE = exp(-stepMs / parameters.tauSynE)
        decayI = exp(-stepMs / parameters.tauSynI)
        refractoryStepCount = Int32((parameters.tauRefrac / stepMs).rounded())
    }

    /// State variable z_k (science.md 1.1): 1 during the refractory window after a spike.
    @inlinable
    public func z(_ neuron: Int) -> Bool { refractorySteps[neuron] > 0 }

    /// Total membrane conductance g_l + g_e + g_i of a neuron, µS.
    @inlinable
    public func totalConductance(_ neuron: Int) -> Double {
        parameters.gLeak + gE[neuron] + gI[neuron]
    }

    /// Step 1 of science.md 1.9: g_x ← g_x e^{−dt/τ_syn,x} and the increments `addE`/`addI`
    /// (delay-ring slots, µS per neuron) added; the slots are zeroed for reuse.
    @inlinable
    mutating func decayAndAdd(addE: UnsafeMutableBufferPointer<Double>, addI: UnsafeMutableBufferPointer<Double>) {
        let n = count
        let dE = decayE, dI = decayI
        gE.withUnsafeMutableBufferPointer { ge in
            for k in 0..<n {
                ge[k] = ge[k] * dE + addE[k]
                addE[k] = 0
            }
        }
        gI.withUnsafeMutableBufferPointer { gi in
            for k in 0..<n {
                gi[k] = gi[k] * dI + addI[k]
                addI[k] = 0
            }
        }
    }

    /// Steps 4–5 of science.md 1.9 for every neuron: exponential Euler with the conductances
    /// frozen over the step,
    ///     g = g_l + g_e + g_i,  V_∞ = (g_l E_l + g_e E_e + g_i E_i + I_offset)/g,
    ///     V ← V_∞ + (V − V_∞) e^{−dt g/C_m},
    /// or V = V_reset with the refractory counter decremented while refractory; then the
    /// threshold test. Indices of neurons that spiked are written to `spiked`; returns their number.
    @inlinable
    mutating func integrateMembrane(spiked: UnsafeMutableBufferPointer<Int32>) -> Int {
        let p = parameters
        let n = count
        let gL = p.gLeak, eE = p.eRevE, eI = p.eRevI, iOff = p.iOffset
        let vTh = p.vThresh, vReset = p.vReset
        let minusDtOverC = -stepMs / p.cm
        let refSteps = refractoryStepCount
        var spikeCount = 0
        v.withUnsafeMutableBufferPointer { v in
            refractorySteps.withUnsafeMutableBufferPointer { ref in
                gE.withUnsafeBufferPointer { ge in
                    gI.withUnsafeBufferPointer { gi in
                        vRest.withUnsafeBufferPointer { el in
                            thresholdEnabled.withUnsafeBufferPointer { thr in
                                for k in 0..<n {
                                    if ref[k] > 0 {
                                        v[k] = vReset
                                        ref[k] -= 1
                                        continue
                                    }
                                    let g = gL + ge[k] + gi[k]
                                    let vInf = (gL * el[k] + ge[k] * eE + gi[k] * eI + iOff) / g
                                    let vNew = vInf + (v[k] - vInf) * exp(minusDtOverC * g)
                                    if vNew >= vTh && thr[k] {
                                        v[k] = vReset
                                        ref[k] = refSteps
                                        spiked[spikeCount] = Int32(truncatingIfNeeded: k)
                                        spikeCount += 1
                                    } else {
                                        v[k] = vNew
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return spikeCount
    }

    /// Adds background conductance (µS) to one neuron (step 2 of science.md 1.9).
    @inlinable
    mutating func addConductance(excitatory: Double, inhibitory: Double, neuron k: Int) {
        gE[k] += excitatory
        gI[k] += inhibitory
    }

    /// Sets E_l of one neuron, mV.
    public mutating func setRestingPotential(_ mV: Double, neuron: Int) { vRest[neuron] = mV }

    /// Enables or disables the threshold of one neuron (disabled = free-membrane probe).
    public mutating func setThresholdEnabled(_ enabled: Bool, neuron: Int) {
        thresholdEnabled[neuron] = enabled
        if !enabled { refractorySteps[neuron] = 0 }
    }

    /// Sets the membrane potential of one neuron, mV (initial conditions, tests).
    public mutating func setMembranePotential(_ mV: Double, neuron: Int) { v[neuron] = mV }

    /// Sets the conductances of one neuron, µS (initial conditions, tests).
    public mutating func setConductances(excitatory: Double, inhibitory: Double, neuron: Int) {
        gE[neuron] = excitatory
        gI[neuron] = inhibitory
    }
}
