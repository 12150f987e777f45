/// Configuration of the spiking `noise-sources-spiking` experiment (science.md 2.1, 2.2 spiking
/// formulation, 2.5): M copies of a Boltzmann machine as conductance-based LIF samplers
/// (science.md 1.2–1.8), sampled under private Poisson sources, a shared Poisson pool of N
/// sources, and a deterministic background network of N current-based LIF neurons (the sbs
/// noise network), each sampler reading K_E = round(ε_ext N_E) excitatory and
/// K_I = round(ε_ext N_I) inhibitory sources; and, as the continuous reference, Ornstein–Uhlenbeck
/// conductance noise with the private lane's mean and variance.
///
/// The three lanes receive the same number of inputs at the same rate and weight: the Poisson
/// sources fire at the background network's measured mean rate ν. External weights follow sbs
/// (`NoiseNetworkSourceConfiguration.get_JI` for conductance targets): w_I = g w_E τ_syn,E/τ_syn,I ·
/// |E_l − E_e^rev|/|E_l − E_i^rev|, so the samplers see the same excitation/inhibition balance as the
/// network's own neurons (the balance whose feedback decorrelates the network, [Jordan2019]). sbs
/// puts J_E (in µS) directly on its current-based samplers; ours are conductance-based (science.md
/// 1.2), so the common scale w_E is chosen such that the noise current's variance equals that of
/// the sbs Poisson background (science.md 1.4: Σ_x ν_x w_x² (E_x − E_l)²).
///
/// Units: ms, µS, Hz.
public struct SpikingNoiseSourcesConfig: Sendable, Equatable {
    public var machine: BoltzmannMachine = .canonical
    /// M: copies of the machine per lane.
    public var networks: Int = 20
    public var neuron: LIFParameters = .sbsDefault
    /// The background network (sbs test parameters by default); its size N is also the pool's.
    public var network: LIFBackgroundNetworkConfig = .sbs
    /// ε_ext: connectivity from the noise population to the samplers (sbs 0.1).
    public var externalConnectivity: Double = 0.1
    /// Delay from the noise population to the samplers, ms (sbs 1 ms).
    public var externalDelayMs: Double = 1
    /// The Poisson background whose free-membrane conductance variance the external weights match.
    public var reference: PoissonBackground = .sbsDefault
    /// Biological time the background network runs before its rate is measured, and the measuring window, ms.
    public var networkWarmUpMs: Double = 500
    public var networkRateMs: Double = 2000
    public var stepMs: Double = 0.1
    /// Delay of the synapses between samplers, ms (science.md 1.8).
    public var delayMs: Double = 0.1
    /// Calibration probes per lane and their measuring time, ms.
    public var probes: Int = 16
    public var calibrationMs: Double = 10_000
    public var burnInMs: Double = 500
    /// Sampler inputs covered by the correlation matrices.
    public var matrixUnits: Int = 20
    /// Time of state history in the raster, ms.
    public var rasterMs: Double = 1000
    public var seed: UInt64 = 42
    /// The emulated chip every lane's samplers run on, the same chip for all lanes (science.md 4;
    /// nil: ideal). The noise sources are off-chip spike sources; their synapses onto the samplers
    /// are the chip's (`HardwareRealisation.noiseSynapseFactors`).
    public var hardware: HardwareRealisation? = nil

    public init(machine: BoltzmannMachine = .canonical) { self.machine = machine }

    /// The lanes, in display order.
    public static let kinds: [NoiseSourceKind] = [.privateNoise, .sharedPool, .backgroundNetwork, .continuous]

    /// K_E = round(ε_ext N_E), K_I = round(ε_ext N_I).
    public var excitatoryInDegree: Int { Int((Double(network.excitatoryCount) * externalConnectivity).rounded()) }
    public var inhibitoryInDegree: Int { Int((Double(network.inhibitoryCount) * externalConnectivity).rounded()) }

    /// External weights for sources firing at ν (Hz), µS: w_I/w_E from the sbs rule, the scale from
    /// Σ_x K_x ν w_x² (E_x − E_l)² = Σ_x ν_x^P (w_x^P)² (E_x − E_l)² (equal noise-current variance).
    public func externalWeights(rateHz: Double) -> (excitatory: Double, inhibitory: Double) {
        let dE = abs(neuron.vRest - neuron.eRevE), dI = abs(neuron.vRest - neuron.eRevI)
        let ratio = network.inhibition * neuron.tauSynE / neuron.tauSynI * dE / dI
        let poissonVariance = reference.excRateHz * pow2(reference.excWeight * dE) + reference.inhRateHz * pow2(reference.inhWeight * dI)
        let perUnit = rateHz * (Double(excitatoryInDegree) * pow2(dE) + Double(inhibitoryInDegree) * pow2(ratio * dI))
        let wE = (poissonVariance / perUnit).squareRoot()
        return (wE, ratio * wE)
    }

    func pow2(_ x: Double) -> Double { x * x }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems = network.validate() + neuron.validate() + reference.validate()
        if networks < 1 || networks > 1000 { problems.append("networks must be 1 to 1000, is \(networks)") }
        if machine.unitCount > 12 { problems.append("at most 12 units per network (2^n states are enumerated)") }
        if !(externalConnectivity > 0 && externalConnectivity <= 1) {
            problems.append("external connectivity must be in (0, 1], is \(externalConnectivity)")
        }
        if excitatoryInDegree < 1 || inhibitoryInDegree < 1 {
            problems.append("each sampler needs at least one excitatory and one inhibitory source (has \(excitatoryInDegree)/\(inhibitoryInDegree)): raise the size or the external connectivity")
        }
        if !(stepMs > 0 && stepMs <= 1) { problems.append("step must be in (0, 1] ms, is \(stepMs)") }
        if !(externalDelayMs >= stepMs && externalDelayMs <= 100) { problems.append("external delay must be from one step to 100 ms") }
        if probes < 3 { problems.append("calibration needs at least 3 probes, has \(probes)") }
        if !(calibrationMs >= 100) { problems.append("calibration needs at least 100 ms, has \(calibrationMs)") }
        if hardware != nil, let p = ChipMismatch.capacityProblem(networks: networks, units: machine.unitCount) { problems.append(p) }
        if !(networkRateMs >= 100) { problems.append("the background network's rate needs at least 100 ms to measure") }
        return problems
    }
}
