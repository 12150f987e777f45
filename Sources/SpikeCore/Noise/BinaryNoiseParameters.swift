#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Size and weights of the noise that each functional unit receives (science.md 2.2,
/// [Jordan2019] binary formulation; code jakobj/binary_network `helper.py`).
///
/// Each functional unit reads K sources: K_E = γK excitatory with weight w and K_I = K − K_E
/// inhibitory with weight −g·w. Sources are binary with mean activity μ.
public struct BinaryNoiseParameters: Sendable, Equatable {
    /// Number of sources N (pool size, background-network size).
    public var sourceCount: Int
    /// In-degree K (noise inputs per unit).
    public var inDegree: Int
    /// Excitatory fraction γ.
    public var excitatoryFraction: Double
    /// Relative inhibition g.
    public var inhibition: Double
    /// Excitatory weight w (units of the functional unit's input h).
    public var weight: Double
    /// Target activity μ of the sources (pool: their exact activity; BRN: set by the bias).
    public var targetActivity: Double

    public init(sourceCount: Int, inDegree: Int, excitatoryFraction: Double = 0.8, inhibition: Double = 6,
                weight: Double? = nil, targetActivity: Double = 0.5) {
        self.sourceCount = sourceCount
        self.inDegree = inDegree
        self.excitatoryFraction = excitatoryFraction
        self.inhibition = inhibition
        self.targetActivity = targetActivity
        self.weight = 1
        self.weight = weight ?? Self.unitBetaWeight(self)
    }

    /// The science.md 2.2 [OURS] comparison point: N = 500, K = 50, γ = 0.8, g = 6, μ = ½, w such
    /// that σ_in = √(8/π) (β_eff = 1).
    public static let jordanReference = BinaryNoiseParameters(sourceCount: 500, inDegree: 50)

    /// K_E = round(γK).
    public var excitatoryInDegree: Int { Int((excitatoryFraction * Double(inDegree)).rounded()) }
    /// K_I = K − K_E.
    public var inhibitoryInDegree: Int { inDegree - excitatoryInDegree }
    /// N_E = round(γN).
    public var excitatorySources: Int { Int((excitatoryFraction * Double(sourceCount)).rounded()) }

    /// μ_in = (K_E − K_I g) w μ (`get_mu_input_fixed_indegree`; = (γ − (1−γ)g) K w μ).
    public func inputMean(activity mu: Double) -> Double {
        (Double(excitatoryInDegree) - Double(inhibitoryInDegree) * inhibition) * weight * mu
    }

    /// σ_in² = (K_E + K_I g²) w² μ(1 − μ) (`get_sigma_input_fixed_indegree`), independent sources.
    public func inputVariance(activity mu: Double) -> Double {
        (Double(excitatoryInDegree) + Double(inhibitoryInDegree) * inhibition * inhibition) * weight * weight * mu * (1 - mu)
    }

    /// β_eff = √(8/(π σ_in²)): slope of the Heaviside-plus-Gaussian activation matched to a
    /// logistic at its midpoint (`get_beta_from_sigma_input`).
    public static func effectiveBeta(inputVariance: Double) -> Double {
        (8 / (Double.pi * inputVariance)).squareRoot()
    }

    /// w for which σ_in = √(8/π) at μ = targetActivity, i.e. β_eff = 1.
    static func unitBetaWeight(_ p: BinaryNoiseParameters) -> Double {
        let mu = p.targetActivity
        let perWeight2 = (Double(p.excitatoryInDegree) + Double(p.inhibitoryInDegree) * p.inhibition * p.inhibition) * mu * (1 - mu)
        return (8 / Double.pi / perWeight2).squareRoot()
    }

    /// BRN bias from the threshold condition b = −μ_in − w/2 (`create_BRN_biases_threshold_condition`).
    public var backgroundBias: Double { -inputMean(activity: targetActivity) - weight / 2 }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems: [String] = []
        if sourceCount < 2 { problems.append("noise source count must be at least 2, is \(sourceCount)") }
        if inDegree < 1 { problems.append("in-degree must be at least 1, is \(inDegree)") }
        if !(excitatoryFraction > 0 && excitatoryFraction < 1) { problems.append("excitatory fraction must lie in (0, 1), is \(excitatoryFraction)") }
        if !(inhibition > 0 && inhibition.isFinite) { problems.append("relative inhibition g must be a positive number, is \(inhibition)") }
        if !(weight > 0 && weight.isFinite) { problems.append("noise weight must be a positive number, is \(weight)") }
        if !(targetActivity > 0 && targetActivity < 1) { problems.append("target activity must lie in (0, 1), is \(targetActivity)") }
        if problems.isEmpty {
            let nE = excitatorySources, nI = sourceCount - excitatorySources
            if excitatoryInDegree > nE - 1 || inhibitoryInDegree > nI - 1 {
                problems.append("in-degree \(inDegree) needs at least \(excitatoryInDegree + 1) excitatory and \(inhibitoryInDegree + 1) inhibitory sources; \(sourceCount) sources give \(nE) and \(nI)")
            }
        }
        return problems
    }
}
