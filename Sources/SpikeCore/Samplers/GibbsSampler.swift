/// Gibbs sampling of a Boltzmann machine (science.md 1.11): one *sweep* visits all N units
/// in a fresh random order (Fisher–Yates shuffle); for unit k, u_k = b_k + Σ_j W_kj z_j and
/// z_k ← Bernoulli(σ(u_k)). One sample is recorded per sweep (the state after the sweep).
///
/// Each single-unit update leaves p* invariant, so the chain converges to p* with no
/// systematic error; its D_KL(p* ‖ p_n) falls ∝ 1/n (science.md 1.12 [OURS] table).
/// Draws come only from the generator given at construction (a stream of the experiment seed).
public struct GibbsSampler: Sendable {
    public private(set) var machine: BoltzmannMachine
    /// Current state z.
    public private(set) var z: [Bool]
    /// Sweeps done.
    public private(set) var sweeps: Int64 = 0
    private var rng: Xoshiro256StarStar
    private var order: [Int]

    /// Starts from z = 0 (or `initial`).
    public init(machine: BoltzmannMachine, rng: Xoshiro256StarStar, initial: [Bool]? = nil) {
        self.machine = machine
        self.rng = rng
        z = initial ?? Array(repeating: false, count: machine.unitCount)
        precondition(z.count == machine.unitCount)
        order = Array(0..<machine.unitCount)
    }

    /// Index of the current state (science.md 1.12 convention).
    public var stateIndex: Int { machine.index(of: z) }

    /// Replaces the machine (same size), keeping the state.
    public mutating func setMachine(_ m: BoltzmannMachine) {
        precondition(m.unitCount == machine.unitCount)
        machine = m
    }

    /// One sweep in random order; returns the new state index.
    @discardableResult
    public mutating func sweep() -> Int {
        let n = order.count
        for i in stride(from: n - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            order.swapAt(i, j)
        }
        for k in order {
            z[k] = rng.nextUniform() < machine.conditional(k, z)
        }
        sweeps += 1
        return stateIndex
    }
}
