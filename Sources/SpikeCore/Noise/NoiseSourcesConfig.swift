/// Configuration of the `noise-sources` experiment (science.md 2.2, 2.5): one target Boltzmann
/// machine sampled side by side under private noise, a shared pool, a background network and a
/// noise-free ensemble (binary formulation of [Jordan2019]).
public struct NoiseSourcesConfig: Sendable, Equatable {
    public var machine: BoltzmannMachine = .canonical
    /// M copies of the target under private noise, pool and background network. The ensemble
    /// has N/n networks, so that its noise population equals the pool's size N.
    public var networks: Int = 20
    /// N, K, γ, g, w, μ (science.md 2.2 [OURS] point by default: N = 500, K = 50, g = 6).
    public var noise: BinaryNoiseParameters = .jordanReference
    /// Biological time one update cycle stands for, ms (τ: 1 sweep ≈ τ_ref = 10 ms, science.md 1.11).
    public var cycleMs: Double = 10
    /// Cycles of the activation calibration per noise source.
    public var calibrationCycles: Int = 2000
    /// Cycles discarded after calibration before statistics start.
    public var burnInCycles: Int = 100
    /// Functional units covered by the input-correlation matrices.
    public var matrixUnits: Int = 20
    /// Cycles of state history shown by the raster.
    public var rasterCycles: Int = 100
    public var seed: UInt64 = 42

    public init(machine: BoltzmannMachine = .canonical) { self.machine = machine }

    /// The noise kinds compared, in display order.
    public static let kinds: [NoiseSourceKind] = [.privateNoise, .sharedPool, .backgroundNetwork, .ensemble]

    /// Networks in the ensemble lane: N/n (at least 2).
    public var ensembleNetworks: Int { max(2, noise.sourceCount / machine.unitCount) }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems = noise.validate()
        if networks < 1 { problems.append("networks must be at least 1, is \(networks)") }
        if !(cycleMs > 0) { problems.append("cycle must be a positive time in ms, is \(cycleMs)") }
        if calibrationCycles < 10 { problems.append("calibration needs at least 10 cycles, has \(calibrationCycles)") }
        if machine.unitCount > 12 { problems.append("at most 12 units per network (2^n states are enumerated)") }
        let f = ensembleNetworks * machine.unitCount
        if noise.inDegree > f - machine.unitCount - 2 {
            problems.append("in-degree \(noise.inDegree) is too large for an ensemble of \(f) units: expected at most \(f - machine.unitCount - 2)")
        }
        return problems
    }
}
