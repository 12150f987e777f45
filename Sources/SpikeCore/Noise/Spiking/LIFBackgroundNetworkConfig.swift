/// A deterministic background random network of current-based LIF neurons (science.md 2.2,
/// spiking formulation; sbs `NoiseNetworkSourceConfiguration`, parameters of sbs
/// tests/test_noice.py): N neurons, the first N_E = round(γN) excitatory, each neuron receiving
/// K_E = round(ε N_E) excitatory and K_I = round(ε N_I) inhibitory synapses (fixed in-degree,
/// distinct sources, no self-connections) with currents J_E and −J_I = −g J_E τ_syn,E/τ_syn,I
/// (the sbs rule for current-based targets), all with one delay.
///
/// Units: nA, ms.
public struct LIFBackgroundNetworkConfig: Sendable, Equatable {
    /// N: neurons in the network (sbs: 384).
    public var size: Int
    /// γ: excitatory fraction (0.8).
    public var excitatoryFraction: Double
    /// ε: internal connectivity (0.1).
    public var connectivity: Double
    /// J_E: excitatory synaptic current, nA (0.0635 nA: a 0.2 mV peak PSP).
    public var excitatoryWeight: Double
    /// g: relative inhibition (10).
    public var inhibition: Double
    /// Internal transmission delay, ms (1 ms).
    public var delayMs: Double
    public var neuron: CurrentLIFParameters

    public init(size: Int = 384, excitatoryFraction: Double = 0.8, connectivity: Double = 0.1,
                excitatoryWeight: Double = 0.0635, inhibition: Double = 10, delayMs: Double = 1,
                neuron: CurrentLIFParameters = .sbsNoiseNetwork) {
        self.size = size
        self.excitatoryFraction = excitatoryFraction
        self.connectivity = connectivity
        self.excitatoryWeight = excitatoryWeight
        self.inhibition = inhibition
        self.delayMs = delayMs
        self.neuron = neuron
    }

    /// The sbs test configuration (science.md 2.2 table).
    public static let sbs = LIFBackgroundNetworkConfig()

    /// N_E = round(γ N).
    public var excitatoryCount: Int { Int((Double(size) * excitatoryFraction).rounded()) }
    /// N_I = N − N_E.
    public var inhibitoryCount: Int { size - excitatoryCount }
    /// K_E = round(ε N_E): excitatory inputs per neuron.
    public var excitatoryInDegree: Int { Int((Double(excitatoryCount) * connectivity).rounded()) }
    /// K_I = round(ε N_I): inhibitory inputs per neuron.
    public var inhibitoryInDegree: Int { Int((Double(inhibitoryCount) * connectivity).rounded()) }
    /// |J_I| = g J_E τ_syn,E/τ_syn,I, nA.
    public var inhibitoryWeight: Double { inhibition * excitatoryWeight * neuron.tauSynE / neuron.tauSynI }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems = neuron.validate()
        if size < 10 || size > 100_000 { problems.append("the background network needs 10 to 100000 neurons, has \(size)") }
        if !(excitatoryFraction > 0 && excitatoryFraction < 1) {
            problems.append("excitatory fraction must be in (0, 1), is \(excitatoryFraction)")
        }
        if !(connectivity >= 0 && connectivity <= 1) { problems.append("connectivity must be in [0, 1], is \(connectivity)") }
        if excitatoryInDegree > excitatoryCount - 1 || inhibitoryInDegree > inhibitoryCount - 1 {
            problems.append("in-degrees \(excitatoryInDegree)/\(inhibitoryInDegree) need more than \(excitatoryCount)/\(inhibitoryCount) excitatory/inhibitory neurons (no self-connections)")
        }
        if !(excitatoryWeight >= 0 && excitatoryWeight.isFinite) { problems.append("J_E must be a finite current >= 0 nA") }
        if !(inhibition >= 0 && inhibition.isFinite) { problems.append("g must be a finite number >= 0") }
        if !(delayMs > 0 && delayMs.isFinite && delayMs <= 100) { problems.append("delay must be in (0, 100] ms, is \(delayMs)") }
        return problems
    }
}
