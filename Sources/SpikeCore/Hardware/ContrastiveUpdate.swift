#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The contrastive (wake–sleep) rule for a fully visible Boltzmann machine with momentum
/// (science.md 2.4; [Kungl2019] hardware in the loop, [Dold2019]):
///
///     g_W,kj = ⟨z_k z_j⟩_data − ⟨z_k z_j⟩_model ,  g_b,k = ⟨z_k⟩_data − ⟨z_k⟩_model
///     v ← μ v + η_t g ;  θ ← θ + v ;  η_t = η₀/√t  (t = 1, 2, …)
///
/// with ⟨·⟩_data exact from p* and ⟨·⟩_model from the (emulated) samples. μ = 0.9 and
/// η₀ = 0.1 are the [CHOICE] values of science.md 2.4. Weights stay symmetric with zero
/// diagonal. (A minimal rule kept with the hardware code: no shared learning rule existed on
/// the main branch when this was written.)
public struct ContrastiveUpdate: Sendable, Equatable {
    public var learningRate: Double
    public var momentum: Double
    /// Updates applied so far.
    public private(set) var iteration = 0
    private var velocityW: [Double] = []
    private var velocityB: [Double] = []

    public init(learningRate: Double = 0.1, momentum: Double = 0.9) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    /// `machine` after one update from the two sets of moments.
    public mutating func update(_ machine: BoltzmannMachine, data: StateMoments, model: StateMoments) -> BoltzmannMachine {
        let n = machine.unitCount
        if velocityW.isEmpty {
            velocityW = Array(repeating: 0, count: n * n)
            velocityB = Array(repeating: 0, count: n)
        }
        iteration += 1
        let eta = learningRate / Double(iteration).squareRoot()
        var w = machine.weightRows, b = machine.biases
        for k in 0..<n {
            velocityB[k] = momentum * velocityB[k] + eta * (data.means[k] - model.means[k])
            b[k] += velocityB[k]
            for j in 0..<n where j != k {
                let i = k * n + j
                velocityW[i] = momentum * velocityW[i] + eta * (data.pairs[i] - model.pairs[i])
                w[k][j] += velocityW[i]
            }
        }
        return BoltzmannMachine(weights: w, biases: b)
    }
}
