#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Adaptive simulated tempering (AST) of a bipartite Boltzmann machine, the non-spiking
/// mixing baseline (science.md 3.5, [Salakhutdinov2010] [RECALL]).
///
/// Inverse temperatures 1 = β_1 > β_2 > … > β_K, linearly spaced down to `minimumBeta`. The
/// joint state is (z, k) with p(z, k) ∝ exp(−β_k E(z) + g_k). One `sweep()`:
/// 1. a block-Gibbs sweep of z at β_k: h ~ σ(β_k u_h), then v ~ σ(β_k u_v);
/// 2. a proposal k′ = k ± 1 (each with probability ½; outside the ladder = rejected), accepted
///    with probability min(1, exp(−(β_k′ − β_k) E(z) + g_k′ − g_k));
/// 3. the adaptive weights: g_j ← g_j − γ_t (1[j = k] − 1/K) with γ_t = γ_0/(1 + t/t_0), which
///    drives the visits toward uniform over the ladder (Wang–Landau-like stochastic approximation).
/// Only samples with k = 1 (β = 1) are samples of p*; `atTargetTemperature` says whether the
/// current one is. Everything random comes from the generator given at construction.
public struct AdaptiveSimulatedTempering: Sendable {
    public let machine: BoltzmannMachine
    public let visibleCount: Int
    /// β_1 = 1 … β_K.
    public let betas: [Double]
    /// Adaptive log weights g_k.
    public private(set) var logWeights: [Double]
    /// Current temperature index k (0 = β = 1).
    public private(set) var level = 0
    public private(set) var z: [Bool]
    public private(set) var sweeps: Int64 = 0
    /// Sweeps spent at each level.
    public private(set) var visits: [Int64]
    public private(set) var proposedMoves: Int64 = 0
    public private(set) var acceptedMoves: Int64 = 0
    public let gamma0: Double
    public let gammaDecaySweeps: Double
    private var rng: Xoshiro256StarStar
    private var scratch: [Bool]

    /// - Parameters:
    ///   - levels: K ≥ 2 temperatures; `minimumBeta` β_K ∈ (0, 1).
    ///   - gamma0, gammaDecaySweeps: γ_0 and t_0 of the adaptation schedule.
    /// - Precondition: `machine.isBipartite(visibleCount:)`.
    public init(machine: BoltzmannMachine, visibleCount: Int, levels: Int = 10, minimumBeta: Double = 0.6,
                gamma0: Double = 1, gammaDecaySweeps: Double = 1000, rng: Xoshiro256StarStar, initial: [Bool]? = nil) {
        precondition(machine.isBipartite(visibleCount: visibleCount), "tempering needs a bipartite machine")
        precondition(levels >= 2 && minimumBeta > 0 && minimumBeta < 1, "tempering needs K >= 2 and 0 < beta_K < 1")
        self.machine = machine
        self.visibleCount = visibleCount
        betas = (0..<levels).map { 1 - (1 - minimumBeta) * Double($0) / Double(levels - 1) }
        logWeights = Array(repeating: 0, count: levels)
        visits = Array(repeating: 0, count: levels)
        self.gamma0 = gamma0
        self.gammaDecaySweeps = gammaDecaySweeps
        self.rng = rng
        z = initial ?? Array(repeating: false, count: machine.unitCount)
        precondition(z.count == machine.unitCount)
        scratch = z
    }

    /// Whether the current sample is a sample at β = 1.
    public var atTargetTemperature: Bool { level == 0 }
    /// Current β.
    public var beta: Double { betas[level] }

    /// Replaces the state (e.g. a new start image), keeping temperature and weights.
    public mutating func setState(_ state: [Bool]) {
        precondition(state.count == machine.unitCount)
        z = state
    }

    /// E(z) = −(½ zᵀWz + bᵀz) = −Σ_k z_k (u_k + b_k)/2 with u_k = b_k + Σ_j W_kj z_j.
    public static func energy(_ machine: BoltzmannMachine, _ z: [Bool]) -> Double {
        var e = 0.0
        for k in 0..<machine.unitCount where z[k] {
            e -= (machine.input(k, z) + machine.biases[k]) / 2
        }
        return e
    }

    /// One tempering step (Gibbs sweep at β_k, temperature move, adaptation).
    public mutating func sweep() {
        let beta = betas[level]
        update(visibleCount..<machine.unitCount, beta: beta)
        update(0..<visibleCount, beta: beta)
        sweeps += 1
        visits[level] += 1

        let proposal = rng.nextUniform() < 0.5 ? level - 1 : level + 1
        proposedMoves += 1
        if proposal >= 0 && proposal < betas.count {
            let e = Self.energy(machine, z)
            let logRatio = -(betas[proposal] - beta) * e + logWeights[proposal] - logWeights[level]
            if logRatio >= 0 || rng.nextUniform() < exp(logRatio) {
                level = proposal
                acceptedMoves += 1
            }
        }
        let gamma = gamma0 / (1 + Double(sweeps) / gammaDecaySweeps)
        let uniform = 1 / Double(betas.count)
        for j in logWeights.indices {
            logWeights[j] -= gamma * ((j == level ? 1 : 0) - uniform)
        }
    }

    private mutating func update(_ layer: Range<Int>, beta: Double) {
        for k in layer { scratch[k] = rng.nextUniform() < BoltzmannMachine.sigmoid(beta * machine.input(k, z)) }
        for k in layer { z[k] = scratch[k] }
    }
}
