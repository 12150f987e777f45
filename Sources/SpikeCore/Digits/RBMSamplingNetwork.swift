/// A restricted Boltzmann machine sampled by conductance-based LIF neurons (science.md 1.6–1.8,
/// 3.4 step 3): units are ordered visible (pixels, labels) then hidden; biases set the resting
/// potentials E_l = v_p05 + α b, weights of W_full = [[0, W], [Wᵀ, 0]] become conductances via
/// `LIFSamplingTranslation`, and the synapses between samplers are renewing (TM, U = 1,
/// τ_rec = τ_syn). The state z_k is 1 during the refractory period after each spike.
///
/// Clamping (science.md 2.4: "set E_l very high/low so that p_on ≈ 1/0"): a clamped unit's
/// resting potential is v_p05 ± α·clampBias. Time spent in z = 1 is accumulated per unit over
/// a window, for grey-level images and label read-outs.
public struct RBMSamplingNetwork: Sendable {
    public internal(set) var machine: RestrictedBoltzmannMachine
    public let translation: LIFSamplingTranslation
    public internal(set) var network: Network
    /// Bias used for clamping, in units of the Boltzmann bias (E_l = v_p05 ± α·clampBias).
    public let clampBias: Double
    /// nil: free; true/false: clamped on/off.
    public internal(set) var clamps: [Bool?]
    /// Steps with z = 1 per unit since the last `resetWindow()`, and the window length in steps.
    public internal(set) var onSteps: [Int32]
    public private(set) var windowSteps = 0
    var freeRestingPotentials: [Double]
    /// The unit the app shows the membrane potential of (a clicked raster row).
    public private(set) var membraneProbe = MembraneProbe()

    /// - Parameters: `seed` seeds the network's background streams; `delayMs` is the synaptic delay.
    /// - Parameter hardware: the translation onto an emulated chip (science.md 4.3: each neuron's
    ///   own calibration, quantised and distorted weights, its mismatch); nil = the ideal model.
    public init(machine: RestrictedBoltzmannMachine, neuron: LIFParameters, background: PoissonBackground,
                calibration: ActivationCalibration, stepMs: Double, seed: UInt64, delayMs: Double = 0.1,
                clampBias: Double = 20, spikeCapacity: Int = 1 << 15, hardware: HardwareTranslation? = nil) {
        self.machine = machine
        translation = LIFSamplingTranslation(neuron: neuron, background: background, calibration: calibration)
        self.hardware = hardware
        self.clampBias = clampBias
        let bm = machine.boltzmannMachine
        let n = bm.unitCount
        var net = Network(parameters: neuron, count: n, stepMs: stepMs, seed: seed, background: background,
                          spikeCapacity: spikeCapacity)
        let weights = hardware.map { $0.realisation.weights($0.idealWeights(bm)) } ?? translation.synapticWeights(bm)
        net.addProjection(weights: DenseWeights(signed: weights), model: .renewing(tauSyn: neuron.tauSynE), delayMs: delayMs)
        net.realise(on: hardware?.realisation, nominal: neuron, background: background)
        freeRestingPotentials = hardware?.realisedRestingPotentials(bm) ?? translation.restingPotentials(bm)
        for (k, v) in freeRestingPotentials.enumerated() { net.setRestingPotential(v, neuron: k) }
        network = net
        clamps = Array(repeating: nil, count: n)
        onSteps = Array(repeating: 0, count: n)
        ensemble = nil
    }

    /// The noise-free ensemble this network is copy 0 of (nil: private Poisson noise); see
    /// `RBMSamplingNetwork+Ensemble.swift`.
    public let ensemble: SpikingEnsembleBackground?

    /// The chip this network runs on (nil: the ideal model).
    public let hardware: HardwareTranslation?

    public var unitCount: Int { clamps.count }

    /// Clamps unit k on (true), off (false), or frees it (nil).
    public mutating func clamp(_ k: Int, to value: Bool?) {
        guard clamps[k] != value else { return }
        clamps[k] = value
        let v: Double
        switch value {
        case nil: v = freeRestingPotentials[k]
        case true?: v = hardware?.realisedRestingPotential(bias: clampBias, neuron: k) ?? translation.restingPotential(bias: clampBias)
        case false?: v = hardware?.realisedRestingPotential(bias: -clampBias, neuron: k) ?? translation.restingPotential(bias: -clampBias)
        }
        network.setRestingPotential(v, neuron: k)
    }

    /// Frees every unit.
    public mutating func releaseAll() {
        for k in 0..<unitCount { clamp(k, to: nil) }
    }

    /// One integration step, accumulating the on-time of every unit.
    public mutating func step() {
        network.step()
        network.population.refractorySteps.withUnsafeBufferPointer { r in
            onSteps.withUnsafeMutableBufferPointer { o in
                for k in 0..<o.count where r[k] > 0 { o[k] += 1 }
            }
        }
        windowSteps += 1
    }

    /// Starts a new accumulation window.
    public mutating func resetWindow() {
        for k in onSteps.indices { onSteps[k] = 0 }
        windowSteps = 0
    }

    /// Fraction of the window unit k spent in z = 1 (0 for an empty window).
    public func onFraction(_ k: Int) -> Double {
        windowSteps > 0 ? Double(onSteps[k]) / Double(windowSteps) : 0
    }

    /// Current binary state z_k.
    public func z(_ k: Int) -> Bool { network.z(k) }
}

extension RBMSamplingNetwork {
    /// Records unit `k`'s membrane potential from now on (`MembraneProbing`): every
    /// `intervalSteps` steps, `capacity` samples kept. Recording only; the dynamics are unchanged.
    public mutating func probeMembrane(of k: Int, intervalSteps: Int, capacity: Int) {
        membraneProbe.follow(k, in: &network, existing: nil, intervalSteps: intervalSteps, capacity: capacity)
    }
}
