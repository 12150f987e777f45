/// Block Gibbs sampling of a bipartite (restricted) Boltzmann machine: units 0 ..< v are
/// visible, v ..< N hidden, with no couplings inside either layer (science.md 3.4 step 4:
/// "block Gibbs (v|h, h|v alternation)"). Given one layer the units of the other are
/// independent, so a sweep samples all hidden units from p(h | v), then all visible units
/// from p(v | h). One sample per sweep.
public struct BlockGibbsSampler: Sendable {
    public private(set) var machine: BoltzmannMachine
    public let visibleCount: Int
    public private(set) var z: [Bool]
    public private(set) var sweeps: Int64 = 0
    private var rng: Xoshiro256StarStar
    private var scratch: [Bool]

    /// - Precondition: `machine.isBipartite(visibleCount:)`.
    public init(machine: BoltzmannMachine, visibleCount: Int, rng: Xoshiro256StarStar, initial: [Bool]? = nil) {
        precondition(machine.isBipartite(visibleCount: visibleCount), "block Gibbs needs a bipartite machine")
        self.machine = machine
        self.visibleCount = visibleCount
        self.rng = rng
        z = initial ?? Array(repeating: false, count: machine.unitCount)
        scratch = z
    }

    public var stateIndex: Int { machine.index(of: z) }

    /// h ~ p(h | v), then v ~ p(v | h); returns the new state index.
    @discardableResult
    public mutating func sweep() -> Int {
        let n = machine.unitCount
        update(visibleCount..<n)
        update(0..<visibleCount)
        sweeps += 1
        return stateIndex
    }

    /// Samples the units of one layer in parallel from the conditionals given the current z.
    private mutating func update(_ layer: Range<Int>) {
        for k in layer { scratch[k] = rng.nextUniform() < machine.conditional(k, z) }
        for k in layer { z[k] = scratch[k] }
    }
}
