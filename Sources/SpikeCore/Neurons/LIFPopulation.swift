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
/// the bias knob of LIF sampling, science.md 1.6), whether the threshold is enabled
/// (a neuron with the threshold disabled is a "free membrane" probe, science.md 1.4), and the
/// intrinsic parameters that fixed-pattern noise of an emulated chip perturbs per neuron
/// (science.md 4.3: threshold V_th, leak conductance g_l = C_m/τ_m, refractory steps); they
/// start as exact copies of the shared values, so a population nobody perturbs computes the
/// same numbers as before, bit for bit.
///
/// The per-step update (science.md 1.9) is `StepKernel.run`, fused over neurons with the
/// background input for speed.
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
    /// Per-neuron firing threshold V_th, mV.
    public internal(set) var vThreshold: [Double]
    /// Per-neuron reset potential V_reset, mV (moves with the threshold under mismatch).
    public internal(set) var vResetLevel: [Double]
    /// Per-neuron leak conductance g_l = C_m/τ_m, µS.
    public internal(set) var gLeak: [Double]
    /// Per-neuron refractory period in whole steps, round(τ_ref/dt).
    public internal(set) var refractoryStepCounts: [Int32]

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
        vThreshold = Array(repeating: parameters.vThresh, count: count)
        vResetLevel = Array(repeating: parameters.vReset, count: count)
        gLeak = Array(repeating: parameters.gLeak, count: count)
        refractoryStepCounts = Array(repeating: Int32((parameters.tauRefrac / stepMs).rounded()), count: count)
        decayE = exp(-stepMs / parameters.tauSynE)
        decayI = exp(-stepMs / parameters.tauSynI)
        refractoryStepCount = Int32((parameters.tauRefrac / stepMs).rounded())
    }

    /// An empty population with `p`'s parameters and constants, without recomputing them.
    init(emptyLike p: LIFPopulation) {
        parameters = p.parameters
        stepMs = p.stepMs
        v = []
        gE = []
        gI = []
        refractorySteps = []
        vRest = []
        thresholdEnabled = []
        vThreshold = []
        vResetLevel = []
        gLeak = []
        refractoryStepCounts = []
        decayE = p.decayE
        decayI = p.decayI
        refractoryStepCount = p.refractoryStepCount
    }

    /// A population without state that shares `p`'s per-neuron intrinsic arrays (references,
    /// no element copies): what the step loop reads while `p`'s state arrays are mutated.
    static func intrinsicView(of p: LIFPopulation) -> LIFPopulation {
        var view = LIFPopulation(emptyLike: p)
        view.vThreshold = p.vThreshold
        view.vResetLevel = p.vResetLevel
        view.gLeak = p.gLeak
        view.refractoryStepCounts = p.refractoryStepCounts
        return view
    }

    /// State variable z_k (science.md 1.1): 1 during the refractory window after a spike.
    public func z(_ neuron: Int) -> Bool { refractorySteps[neuron] > 0 }

    /// Total membrane conductance g_l + g_e + g_i of a neuron, µS.
    public func totalConductance(_ neuron: Int) -> Double {
        gLeak[neuron] + gE[neuron] + gI[neuron]
    }

    /// Sets E_l of one neuron, mV.
    public mutating func setRestingPotential(_ mV: Double, neuron: Int) { vRest[neuron] = mV }

    /// Sets the intrinsic parameters of one neuron (fixed-pattern noise, science.md 4.3):
    /// threshold V_th (mV; the reset keeps its distance V_th − V_reset), membrane time constant τ_m (ms; g_l = C_m/τ_m with the shared C_m)
    /// and refractory time τ_ref (ms; rounded to whole steps).
    public mutating func setIntrinsic(thresholdMv: Double, tauMembraneMs: Double, tauRefractoryMs: Double, neuron: Int) {
        vThreshold[neuron] = thresholdMv
        vResetLevel[neuron] = thresholdMv == parameters.vThresh ? parameters.vReset
            : thresholdMv - (parameters.vThresh - parameters.vReset)
        gLeak[neuron] = parameters.cm / tauMembraneMs
        refractoryStepCounts[neuron] = Int32((tauRefractoryMs / stepMs).rounded())
    }

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
