/// Configuration of the `deterministic-ensemble` experiment (science.md 2.3–2.4, [Dold2019]):
/// M networks of n deterministic units that are each other's only noise, trained in the loop.
public struct DeterministicEnsembleConfig: Sendable, Equatable {
    public var machine: BoltzmannMachine = .canonical
    /// M ≥ 50 networks (the requirement; the engine accepts ≥ 2).
    public var networks: Int = 100
    /// What drives the networks: `.ensemble` (each other, no noise population: [Dold2019]) or
    /// `.backgroundNetwork` (a deterministic background network of N = `noise.sourceCount`
    /// Heaviside units, [Jordan2019]; science.md 2.2). Both are deterministic noise, trained in
    /// the loop the same way (science.md 2.4).
    public var source: NoiseSourceKind = .ensemble
    /// In-degree K, γ, g, w of the background each unit receives (`sourceCount` is N of the
    /// background network; for the ensemble it is unused: the sources are the F = M·n units).
    public var noise: BinaryNoiseParameters = .jordanReference
    /// ms per update cycle (science.md 1.11: 1 sweep ≈ τ_ref = 10 ms).
    public var cycleMs: Double = 10
    public var calibrationCycles: Int = 2000
    /// Cycles of each D_KL measurement (before training, after training, private reference).
    public var measureCycles: Int = 5000
    /// Training iterations and cycles of model statistics per iteration.
    public var iterations: Int = 100
    public var cyclesPerIteration: Int = 500
    /// Contrastive rule (science.md 2.4): η_0, momentum, τ_decay (iterations).
    public var learningRate: Double = 0.05
    public var momentum: Double = 0.9
    public var decayIterations: Double = 10
    public var matrixUnits: Int = 20
    public var seed: UInt64 = 42

    public init(machine: BoltzmannMachine = .canonical) { self.machine = machine }

    /// Biological time the whole protocol takes (calibration excluded), ms.
    public var protocolMs: Double {
        Double(2 * measureCycles + iterations * cyclesPerIteration) * cycleMs
    }

    public func validate() -> [String] {
        var problems: [String] = []
        if source != .ensemble && source != .backgroundNetwork {
            problems.append("the source must be the ensemble or a background network, is \(source.rawValue)")
        }
        if source == .backgroundNetwork {
            problems += noise.validate()
            if networks < 1 { problems.append("at least 1 network is needed, has \(networks)") }
            return problems + commonProblems
        }
        var n = noise
        n.sourceCount = networks * machine.unitCount
        problems += n.validate().filter { !$0.contains("source count") }
        if networks < 2 { problems.append("an ensemble needs at least 2 networks, has \(networks)") }
        if noise.inDegree > (networks - 1) * machine.unitCount - 2 {
            problems.append("in-degree \(noise.inDegree) is too large for \(networks) networks of \(machine.unitCount) units: expected at most \((networks - 1) * machine.unitCount - 2)")
        }
        return problems + commonProblems
    }

    var commonProblems: [String] {
        var problems: [String] = []
        if measureCycles < 10 || cyclesPerIteration < 10 || calibrationCycles < 10 {
            problems.append("measurement, iteration and calibration need at least 10 cycles each")
        }
        if iterations < 0 { problems.append("iterations must be >= 0") }
        if !(learningRate > 0) || !(momentum >= 0 && momentum < 1) || !(decayIterations > 0) {
            problems.append("learning rate > 0, momentum in [0, 1) and decay > 0 expected")
        }
        if !(cycleMs > 0) { problems.append("cycle must be a positive time in ms") }
        return problems
    }
}
