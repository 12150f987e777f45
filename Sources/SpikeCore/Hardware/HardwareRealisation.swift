/// One emulated chip: a `HardwareProfile` with the frozen `ChipMismatch` of a chip seed. It turns
/// the parameters an experiment wants (ideal) into the ones the chip realises (science.md 4.3):
///
/// - neuron k: V_th + σ_th ξ (reset moves along), τ_m·(1 + σ_m ξ), τ_ref·(1 + σ_ref ξ), and a leak
///   offset E_l,real = DAC(E_l,programmed) + σ_l ξ (DAC: `parameterBits` over `parameterRangeMv`);
/// - synapse: quantised with the profile's `WeightQuantiser` and `WeightScales`, then multiplied
///   by 1 + σ_w ξ (≥ 0); background synapses too (one per neuron and receptor);
/// - optional spike loss.
/// With every σ = 0, no bit limits and no loss each value is returned unchanged (bit for bit).
public struct HardwareRealisation: Sendable, Equatable {
    public let profile: HardwareProfile
    public let mismatch: ChipMismatch

    public init(profile: HardwareProfile, chipSeed: UInt64) {
        self.profile = profile
        mismatch = ChipMismatch(chipSeed: chipSeed)
    }

    public var chipSeed: UInt64 { mismatch.chipSeed }
    public var quantiser: WeightQuantiser { WeightQuantiser(bits: profile.weightBits) }

    /// The intrinsic parameters neuron `k` realises for the nominal ones (E_l: see `leakOffsetMv`).
    public func neuronParameters(_ nominal: LIFParameters, neuron k: Int) -> LIFParameters {
        let xi = mismatch.neuron(k)
        var p = nominal
        p.vThresh = nominal.vThresh + profile.thresholdMismatchMv * xi.threshold
        p.vReset = p.vThresh == nominal.vThresh ? nominal.vReset : p.vThresh - (nominal.vThresh - nominal.vReset)
        p.tauM = nominal.tauM * ChipMismatch.timeFactor(sigma: profile.tauMembraneMismatch, xi: xi.tauMembrane)
        p.tauRefrac = nominal.tauRefrac * ChipMismatch.timeFactor(sigma: profile.tauRefractoryMismatch, xi: xi.tauRefractory)
        return p
    }

    /// Offset of neuron k's realised leak potential from the programmed one, mV.
    public func leakOffsetMv(neuron k: Int) -> Double { profile.leakMismatchMv * mismatch.neuron(k).leak }

    /// The E_l neuron k realises when `programmedMv` is written to its DAC, mV.
    public func restingPotential(programmed programmedMv: Double, neuron k: Int) -> Double {
        dac(programmedMv) + leakOffsetMv(neuron: k)
    }

    /// `mV` rounded to the nearest of the 2^B DAC values over `parameterRangeMv` (clipped).
    public func dac(_ mV: Double) -> Double {
        guard let bits = profile.parameterBits else { return mV }
        let r = profile.parameterRangeMv, top = Double((1 << bits) - 1)
        let level = min(top, max(0, ((mV - r.lowerBound) / (r.upperBound - r.lowerBound) * top).rounded()))
        return r.lowerBound + level / top * (r.upperBound - r.lowerBound)
    }

    /// The synaptic factors (1 + σ_w ξ) of neuron k's noise synapses, excitatory and inhibitory:
    /// its Poisson background, and any other noise input (an ensemble's background synapses, external
    /// spike sources) scaled as a whole, one factor per receptor [CHOICE, as the Poisson background].
    public func noiseSynapseFactors(neuron k: Int) -> (excitatory: Double, inhibitory: Double) {
        let xi = mismatch.neuron(k), s = profile.synapticMismatch
        return (ChipMismatch.factor(sigma: s, xi: xi.backgroundExcitatory), ChipMismatch.factor(sigma: s, xi: xi.backgroundInhibitory))
    }

    /// The background neuron k receives (its two synapses carry the synaptic noise).
    public func background(_ nominal: PoissonBackground, neuron k: Int) -> PoissonBackground {
        let f = noiseSynapseFactors(neuron: k)
        var b = nominal
        b.excWeight = nominal.excWeight * f.excitatory
        b.inhWeight = nominal.inhWeight * f.inhibitory
        return b
    }

    /// Signed weights [pre][post] (µS) as realised: quantised with `scales`, then distorted. The
    /// matrix sits at chip neurons `offset ..< offset + count` (the synaptic noise of pre j → post k
    /// is that of chip synapse offset + j → offset + k: copies of a network get different synapses).
    public func weights(_ ideal: [[Double]], scales: WeightScales, offset: Int = 0) -> [[Double]] {
        let q = scales.quantise(ideal, with: quantiser), s = profile.synapticMismatch
        return q.enumerated().map { j, row in
            row.enumerated().map { k, w in
                w == 0 ? 0 : w * ChipMismatch.factor(sigma: s, xi: mismatch.synapse(pre: offset + j, post: offset + k, excitatory: w > 0))
            }
        }
    }

    /// Signed weights realised with scales taken from the weights themselves (open loop).
    public func weights(_ ideal: [[Double]], offset: Int = 0) -> [[Double]] {
        weights(ideal, scales: WeightScales(weights: ideal, mode: profile.weightScale), offset: offset)
    }

    /// Writes the chip's per-neuron intrinsic parameters, background synapses and spike loss
    /// into `network` (resting potentials are the caller's: `restingPotential(programmed:neuron:)`).
    /// `neurons`: the ones on the chip (nil: all; the others keep their nominal parameters).
    public func apply(to network: inout Network, nominal: LIFParameters, background: PoissonBackground, neurons: Range<Int>? = nil) {
        for k in neurons ?? 0..<network.neuronCount {
            let p = neuronParameters(nominal, neuron: k)
            network.setIntrinsic(thresholdMv: p.vThresh, tauMembraneMs: p.tauM, tauRefractoryMs: p.tauRefrac, neuron: k)
            network.setBackground(self.background(background, neuron: k), neuron: k)
        }
        if profile.spikeLoss > 0 {
            // Which events are lost varies from run to run (the run's seed) on the same chip.
            network.setSpikeLoss(SpikeLoss(probability: profile.spikeLoss, seed: SplitMix64.mix(network.seed ^ chipSeed)))
        }
    }
}
