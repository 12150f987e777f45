#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// N independent Poisson spike trains, binned per step dt (each afferent spikes in a step
/// with probability r_i·dt, as in the [Kreutzer2022] code `Figure3/File05_main_simulation.py`),
/// filtered with the PSP kernel ε (science.md 5.2) into x^ε_i (1/s).
///
/// Bernoulli bins are drawn by geometric skipping: the number of steps to the next spike of
/// afferent i is 1 + ⌊ln U / ln(1 − r_i dt)⌋, U ∈ (0, 1], which has exactly the law of the
/// first success of independent Bernoulli(r_i dt) trials but costs one uniform per spike
/// instead of one per step.
public struct PoissonAfferents: Sendable {
    public let ratesHz: [Double]
    public let stepSeconds: Double
    public let kernel: PSPKernel
    /// The two kernel traces per afferent and the filtered input x^ε (1/s).
    public private(set) var traceMembrane: [Double]
    public private(set) var traceSynapse: [Double]
    public private(set) var filtered: [Double]
    /// Σ_i x^ε_i, 1/s.
    public private(set) var filteredSum = 0.0
    /// Steps taken.
    public private(set) var stepIndex: Int64 = 0
    private var nextSpikeStep: [Int64]
    private var logNoSpike: [Double]
    private var rng: Xoshiro256StarStar
    private let decayMembrane: Double, decaySynapse: Double, scale: Double

    public var count: Int { ratesHz.count }

    public init(ratesHz: [Double], stepSeconds: Double, kernel: PSPKernel = .kreutzer2022, rng: Xoshiro256StarStar) {
        precondition(ratesHz.allSatisfy { $0 >= 0 && $0 * stepSeconds <= 1 }, "rates must satisfy 0 ≤ r·dt ≤ 1")
        self.ratesHz = ratesHz
        self.stepSeconds = stepSeconds
        self.kernel = kernel
        self.rng = rng
        let n = ratesHz.count
        traceMembrane = [Double](repeating: 0, count: n)
        traceSynapse = [Double](repeating: 0, count: n)
        filtered = [Double](repeating: 0, count: n)
        logNoSpike = ratesHz.map { log1p(-$0 * stepSeconds) }
        (decayMembrane, decaySynapse) = kernel.decays(step: stepSeconds)
        scale = kernel.traceScale
        nextSpikeStep = [Int64](repeating: 0, count: n)
        for i in 0..<n { nextSpikeStep[i] = drawGap(i) }
    }

    /// Steps from now to the next spike of afferent i (≥ 1), or Int64.max for a silent one.
    private mutating func drawGap(_ i: Int) -> Int64 {
        let l = logNoSpike[i]
        if l == 0 { return Int64.max }
        if l == -.infinity { return 1 }
        let g = (log(rng.nextUniformPositive()) / l).rounded(.down)
        return g >= 1e15 ? Int64.max : 1 + Int64(g)
    }

    /// One step: decay both traces, add this step's spikes, update x^ε and its sum.
    public mutating func step() {
        stepIndex += 1
        let now = stepIndex
        let dm = decayMembrane, ds = decaySynapse, sc = scale
        var sum = 0.0
        let n = count
        traceMembrane.withUnsafeMutableBufferPointer { a in
            traceSynapse.withUnsafeMutableBufferPointer { b in
                filtered.withUnsafeMutableBufferPointer { x in
                    for i in 0..<n {
                        a[i] *= dm
                        b[i] *= ds
                        let xi = (a[i] - b[i]) * sc
                        x[i] = xi
                        sum += xi
                    }
                }
            }
        }
        // Spikes in this step: x_t = 1 enters both traces (ε(0) = 0, so x^ε is unchanged now).
        for i in 0..<n where nextSpikeStep[i] == now {
            traceMembrane[i] += 1
            traceSynapse[i] += 1
            let gap = drawGap(i)
            nextSpikeStep[i] = gap == Int64.max ? Int64.max : now + gap
        }
        filteredSum = sum
    }
}
