#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The contrastive (wake–sleep, contrastive Hebbian) learning rule for the weights and biases of a
/// fully visible sampling network (science.md 2.4; [Dold2019], [Kungl2019] in-the-loop training):
///
///     ΔW_ij = η_t (⟨z_i z_j⟩_data − ⟨z_i z_j⟩_model)   (i ≠ j; W stays symmetric, W_ii = 0)
///     Δb_i  = η_t (⟨z_i⟩_data − ⟨z_i⟩_model)
///
/// with momentum (science.md 2.4 [CHOICE]: v ← μ v + Δ, θ ← θ + v) and a decaying learning rate
/// η_t = η_0 / √(1 + t/τ_decay) after t completed updates (τ_decay = 1 gives the brief's
/// 1/√iteration; `decayIterations = .infinity` keeps η constant).
///
/// The rule holds parameters in double precision ("shadow" parameters in hardware-in-the-loop
/// training [Kungl2019]); what the substrate realises (e.g. quantised weights) is the caller's
/// business: pass the shadow parameters in, realise the returned ones. Pure and deterministic.
public struct ContrastiveUpdate: Sendable, Equatable {
    /// η_0, initial learning rate (units of W and b per unit of moment difference).
    public var learningRate: Double
    /// μ ∈ [0, 1): fraction of the previous step kept in the velocity.
    public var momentum: Double
    /// τ_decay in updates: η_t = η_0/√(1 + t/τ_decay).
    public var decayIterations: Double
    /// Number of completed updates t.
    public private(set) var iteration: Int = 0
    /// Weight velocity, row-major N×N (symmetric, zero diagonal); empty before the first update.
    public private(set) var weightVelocity: [Double] = []
    /// Bias velocity, length N; empty before the first update.
    public private(set) var biasVelocity: [Double] = []

    /// Defaults from science.md 2.4 [CHOICE]: η_0 = 0.1, momentum 0.9, 1/√iteration decay.
    public init(learningRate: Double = 0.1, momentum: Double = 0.9, decayIterations: Double = 1) {
        precondition(learningRate > 0 && learningRate.isFinite, "learning rate must be a positive number")
        precondition(momentum >= 0 && momentum < 1, "momentum must lie in [0, 1)")
        precondition(decayIterations > 0, "decay must be a positive number of iterations (or .infinity)")
        self.learningRate = learningRate
        self.momentum = momentum
        self.decayIterations = decayIterations
    }

    /// η_t for the next update.
    public var currentLearningRate: Double {
        learningRate / (1 + Double(iteration) / decayIterations).squareRoot()
    }

    /// The raw gradient (⟨z_i z_j⟩_data − ⟨z_i z_j⟩_model, ⟨z_i⟩_data − ⟨z_i⟩_model), symmetrised
    /// ((g_ij + g_ji)/2) with a zero diagonal. No learning rate, no momentum.
    public static func gradient(data: BinaryMoments, model: BinaryMoments) -> (weights: [Double], biases: [Double]) {
        precondition(data.unitCount == model.unitCount, "data and model moments must have the same number of units")
        let n = data.unitCount
        var gw = Array(repeating: 0.0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where j != i {
                let dij = data.secondMoment(i, j) - model.secondMoment(i, j)
                let dji = data.secondMoment(j, i) - model.secondMoment(j, i)
                gw[i * n + j] = 0.5 * (dij + dji)
            }
        }
        let gb = (0..<n).map { data.means[$0] - model.means[$0] }
        return (gw, gb)
    }

    /// One update of flat parameters: W row-major N×N, b length N. Returns the new (W, b);
    /// advances the iteration count and the velocities.
    public mutating func update(weights: [Double], biases: [Double],
                                data: BinaryMoments, model: BinaryMoments) -> (weights: [Double], biases: [Double]) {
        let n = biases.count
        precondition(weights.count == n * n && data.unitCount == n, "expected \(n * n) weights and moments of \(n) units")
        if weightVelocity.count != n * n { weightVelocity = Array(repeating: 0, count: n * n) }
        if biasVelocity.count != n { biasVelocity = Array(repeating: 0, count: n) }
        let eta = currentLearningRate
        let (gw, gb) = Self.gradient(data: data, model: model)
        var w = weights
        var b = biases
        for idx in 0..<(n * n) {
            weightVelocity[idx] = momentum * weightVelocity[idx] + eta * gw[idx]
            w[idx] += weightVelocity[idx]
        }
        for i in 0..<n {
            w[i * n + i] = 0
            for j in (i + 1)..<max(i + 1, n) {   // keep exact symmetry against rounding
                let s = 0.5 * (w[i * n + j] + w[j * n + i])
                w[i * n + j] = s; w[j * n + i] = s
            }
            biasVelocity[i] = momentum * biasVelocity[i] + eta * gb[i]
            b[i] += biasVelocity[i]
        }
        iteration += 1
        return (w, b)
    }

    /// One update of a Boltzmann machine's parameters.
    public mutating func update(_ machine: BoltzmannMachine, data: BinaryMoments, model: BinaryMoments) -> BoltzmannMachine {
        let n = machine.unitCount
        let (w, b) = update(weights: machine.weightRows.flatMap { $0 }, biases: machine.biases, data: data, model: model)
        return BoltzmannMachine(weights: (0..<n).map { Array(w[$0 * n..<($0 + 1) * n]) }, biases: b)
    }

    /// Forget velocities and iteration count (start a new training run).
    public mutating func reset() {
        iteration = 0
        weightVelocity = []
        biasVelocity = []
    }
}
