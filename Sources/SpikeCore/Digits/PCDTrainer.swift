#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress of one training epoch.
public struct RBMEpochReport: Sendable, Equatable {
    /// Epochs completed (1-based).
    public var epoch: Int
    /// Mean squared error per pixel between the binarised training images and their one-step
    /// mean-field reconstruction p(v | p(h | v)).
    public var reconstructionError: Double
    /// Stochastic pseudo-log-likelihood per image (nats): for image n, pixel i = n mod pixels,
    /// pixels × log σ(F(ṽ) − F(v)) with ṽ = v with pixel i flipped; deterministic.
    public var pseudoLogLikelihood: Double
}

/// Persistent contrastive divergence (Tieleman 2008; science.md 3.4 step 2): per mini-batch,
///
///     ΔW = η ( ⟨v p(h|v)ᵀ⟩_data − ⟨v p(h|v)ᵀ⟩_chains ) − η λ W,    Δa, Δb likewise without decay,
///
/// with momentum (velocity ← μ velocity + Δ; θ ← θ + velocity). The data are binarised images
/// with one-hot label units; the chains are persistent fantasy particles advanced by k block-Gibbs
/// sweeps per update. Every random draw comes from one stream of `settings.seed`: the same
/// settings and data give the same machine bit for bit.
public final class PCDTrainer {
    public let settings: RBMTrainingSettings
    /// The machine after the epochs done so far.
    public private(set) var machine: RestrictedBoltzmannMachine
    public private(set) var epoch = 0
    /// Training vectors: binarised pixels then one-hot labels, one per image.
    private let data: [[Double]]
    private var chains: [[Double]]
    private var rng: Xoshiro256StarStar
    private var velocityW: [Double], velocityA: [Double], velocityB: [Double]

    /// - Precondition: `settings.validate()` is empty and `training` is not empty.
    public init(settings: RBMTrainingSettings, training: DigitSet) {
        let problems = settings.validate()
        precondition(problems.isEmpty, "invalid RBMTrainingSettings: \(problems.joined(separator: "; "))")
        precondition(training.count > 0, "no training images")
        self.settings = settings
        let labels = settings.labelUnits ? DigitSet.classCount : 0
        var m = RestrictedBoltzmannMachine(pixelCount: training.pixelCount, labelCount: labels, hiddenCount: settings.hiddenCount)
        let d = (0..<training.count).map { n in
            training.binary(n).map { $0 ? 1.0 : 0.0 } + (0..<labels).map { $0 == training.labels[n] ? 1.0 : 0.0 }
        }
        data = d
        var r = Xoshiro256StarStar(seed: settings.seed, stream: RandomStream.experiment(0xD161_7500))
        for k in m.weights.indices { m.weights[k] = r.nextNormal(mean: 0, sd: settings.initialWeightSD) }
        // Visible biases start at the log-odds of each unit's mean (Hinton 2010, "practical guide" §8).
        for i in 0..<m.visibleCount {
            let p = min(max(d.reduce(0) { $0 + $1[i] } / Double(d.count), 1e-3), 1 - 1e-3)
            m.visibleBiases[i] = log(p / (1 - p))
        }
        machine = m
        chains = (0..<settings.chains).map { _ in d[Int(r.next() % UInt64(d.count))] }
        rng = r
        velocityW = Array(repeating: 0, count: m.weights.count)
        velocityA = Array(repeating: 0, count: m.visibleCount)
        velocityB = Array(repeating: 0, count: m.hiddenCount)
    }

    /// Runs one epoch (every training image once, in a fresh random order) and reports progress.
    @discardableResult
    public func trainEpoch() -> RBMEpochReport {
        var order = Array(0..<data.count)
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(rng.next() % UInt64(i + 1)))
        }
        let momentum = epoch < settings.momentumSwitchEpoch ? settings.initialMomentum : settings.finalMomentum
        var start = 0
        while start < order.count {
            let batch = order[start..<min(start + settings.batchSize, order.count)]
            update(batch: batch.map { data[$0] }, momentum: momentum)
            start += settings.batchSize
        }
        epoch += 1
        return report()
    }

    /// One PCD parameter update.
    private func update(batch: [[Double]], momentum: Double) {
        let nv = machine.visibleCount, nh = machine.hiddenCount
        var gradW = Array(repeating: 0.0, count: nv * nh)
        var gradA = Array(repeating: 0.0, count: nv), gradB = Array(repeating: 0.0, count: nh)
        var ph = Array(repeating: 0.0, count: nh)
        func accumulate(_ v: [Double], _ ph: [Double], sign: Double) {
            gradW.withUnsafeMutableBufferPointer { g in
                for i in 0..<nv where v[i] != 0 {
                    let s = sign * v[i], row = i * nh
                    for j in 0..<nh { g[row + j] += s * ph[j] }
                }
            }
            for i in 0..<nv { gradA[i] += sign * v[i] }
            for j in 0..<nh { gradB[j] += sign * ph[j] }
        }
        let positive = 1 / Double(batch.count), negative = -1 / Double(chains.count)
        for v in batch {
            hiddenProbabilities(v, into: &ph)
            accumulate(v, ph, sign: positive)
        }
        var h = Array(repeating: 0.0, count: nh), x = Array(repeating: 0.0, count: nv)
        for c in chains.indices {
            var v = chains[c]
            for _ in 0..<settings.gibbsSteps {
                hiddenProbabilities(v, into: &ph)
                for j in 0..<nh { h[j] = rng.nextUniform() < ph[j] ? 1 : 0 }
                machine.visibleInput(h, into: &x)
                for i in 0..<nv { v[i] = rng.nextUniform() < BoltzmannMachine.sigmoid(x[i]) ? 1 : 0 }
            }
            chains[c] = v
            hiddenProbabilities(v, into: &ph)
            accumulate(v, ph, sign: negative)
        }
        let eta = settings.learningRate, decay = settings.weightDecay
        for k in 0..<gradW.count {
            velocityW[k] = momentum * velocityW[k] + eta * (gradW[k] - decay * machine.weights[k])
            machine.weights[k] += velocityW[k]
        }
        for i in 0..<nv {
            velocityA[i] = momentum * velocityA[i] + eta * gradA[i]
            machine.visibleBiases[i] += velocityA[i]
        }
        for j in 0..<nh {
            velocityB[j] = momentum * velocityB[j] + eta * gradB[j]
            machine.hiddenBiases[j] += velocityB[j]
        }
    }

    private func hiddenProbabilities(_ v: [Double], into out: inout [Double]) {
        machine.hiddenInput(v, into: &out)
        for j in out.indices { out[j] = BoltzmannMachine.sigmoid(out[j]) }
    }

    /// Reconstruction error and pseudo-log-likelihood over the training data (no random draws).
    public func report() -> RBMEpochReport {
        let m = machine
        let nv = m.visibleCount, nh = m.hiddenCount, pixels = m.pixelCount
        var ph = Array(repeating: 0.0, count: nh), x = Array(repeating: 0.0, count: nv)
        var squared = 0.0, pll = 0.0
        for (n, v) in data.enumerated() {
            hiddenProbabilities(v, into: &ph)
            m.visibleInput(ph, into: &x)
            for i in 0..<pixels {
                let d = v[i] - BoltzmannMachine.sigmoid(x[i])
                squared += d * d
            }
            var flipped = v
            let i = n % pixels
            flipped[i] = 1 - flipped[i]
            let delta = m.freeEnergy(flipped) - m.freeEnergy(v)
            pll += Double(pixels) * (delta > 0 ? -log1p(exp(-delta)) : delta - log1p(exp(delta)))
        }
        return RBMEpochReport(epoch: epoch, reconstructionError: squared / Double(data.count * pixels),
                              pseudoLogLikelihood: pll / Double(data.count))
    }
}
