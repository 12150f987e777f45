import Foundation
import Testing
@testable import SpikeCore

/// The Latent Equilibrium network of science.md 6.2: instantaneous response with prospective
/// coding, lag without it, plasticity as gradient descent.
@Suite struct LeastActionEngineTests {
    /// A network with random weights, frozen (β = 0, η = 0), driven by `inputs(t)` for `steps`
    /// steps; returns max |ŭ_N(t) − ff(x(t − (N−1) dt))| over the steps after the first N, and the
    /// outputs and delayed feed-forward values.
    static func drive(sizes: [Int], functions: [RateFunction], prospective: Bool, steps: Int, stepMs: Double,
                      initialisation: WeightInitialisation, inputs: (Double) -> [Double])
        -> (maxDiff: Double, outputs: [Double], feedForward: [Double]) {
        var net = LatentEquilibriumNetwork(sizes: sizes, rateFunctions: functions, tauMs: 10, stepMs: stepMs,
                                           beta: 0, learningRatePerMs: 0)
        var rng = Xoshiro256StarStar(seed: 7, stream: RandomStream.experiment(0))
        initialisation.apply(to: &net, generator: &rng)
        net.prospective = prospective
        let delay = sizes.count - 2
        var history: [[Double]] = []
        var maxDiff = 0.0
        var outputs: [Double] = [], ff: [Double] = []
        for n in 1...steps {
            let x = inputs(Double(n) * stepMs)
            history.append(x)
            net.step(input: x, target: nil)
            guard n > delay + 1 else { continue }
            let reference = net.feedForward(history[history.count - 1 - delay])[0]
            let out = net.output[net.output.startIndex]
            maxDiff = max(maxDiff, abs(out - reference))
            outputs.append(out)
            ff.append(reference)
        }
        return (maxDiff, outputs, ff)
    }

    /// Lag (in steps, 0 ... maxLag) minimising the mean squared difference of out(t) and ff(t − lag).
    static func bestLag(_ out: [Double], _ ff: [Double], maxLag: Int) -> Int {
        var best = 0, bestErr = Double.infinity
        for lag in 0...maxLag {
            var s = 0.0
            for t in maxLag..<out.count { let d = out[t] - ff[t - lag]; s += d * d }
            if s < bestErr { bestErr = s; best = lag }
        }
        return best
    }

    static let fourier = FourierSynthesisTask()
    static func fourierInputs(_ t: Double) -> [Double] {
        var x = [Double](repeating: 0, count: 50)
        fourier.inputs(atMs: t, into: &x)
        return x
    }

    @Test func prospectiveCodingGivesTheFeedForwardMapWithoutLag() {
        // Fourier network 50-30-1 (tanh): delayed by one step only.
        let a = Self.drive(sizes: [50, 30, 1], functions: [.tanh, .identity], prospective: true, steps: 4000,
                           stepMs: 0.005, initialisation: .uniformFanIn, inputs: Self.fourierInputs)
        #expect(a.maxDiff < 1e-9, "max |ŭ_N − ff| = \(a.maxDiff)")
        // Teacher-student network 2-10-10-1 (sigmoid): delayed by two steps.
        let stream: (Double) -> [Double] = { t in [sin(0.01 * t) + 0.5 * sin(0.023 * t), cos(0.017 * t)] }
        let b = Self.drive(sizes: [2, 10, 10, 1], functions: [.sigmoid, .sigmoid, .identity], prospective: true,
                           steps: 4000, stepMs: 0.1, initialisation: .nlaDefault, inputs: stream)
        #expect(b.maxDiff < 1e-9, "max |ŭ_N − ff| = \(b.maxDiff)")
        print("feed-forward max |diff|: 50-30-1 \(a.maxDiff), 2-10-10-1 \(b.maxDiff)")
    }

    @Test func withoutProspectiveCodingTheOutputLags() {
        let a = Self.drive(sizes: [50, 30, 1], functions: [.tanh, .identity], prospective: false, steps: 20_000,
                           stepMs: 0.005, initialisation: .uniformFanIn, inputs: Self.fourierInputs)
        #expect(a.maxDiff > 0.1)
        // A slow input so that the lag is measurable: the output follows ff with a lag of the order of τ.
        let slow: (Double) -> [Double] = { t in [sin(2 * .pi * 5 * t / 1000), cos(2 * .pi * 3 * t / 1000)] }
        let lagged = Self.drive(sizes: [2, 10, 10, 1], functions: [.sigmoid, .sigmoid, .identity], prospective: false,
                                steps: 4000, stepMs: 0.1, initialisation: .nlaDefault, inputs: slow)
        let prompt = Self.drive(sizes: [2, 10, 10, 1], functions: [.sigmoid, .sigmoid, .identity], prospective: true,
                                steps: 4000, stepMs: 0.1, initialisation: .nlaDefault, inputs: slow)
        let lagMs = Double(Self.bestLag(lagged.outputs, lagged.feedForward, maxLag: 600)) * 0.1
        let promptLagMs = Double(Self.bestLag(prompt.outputs, prompt.feedForward, maxLag: 600)) * 0.1
        print("lag without prospective coding \(lagMs) ms (3 layers, τ = 10 ms), with \(promptLagMs) ms; max |diff| \(lagged.maxDiff)")
        #expect(lagMs >= 10)
        #expect(promptLagMs == 0)
    }

    @Test func plasticityIsGradientDescentOnTheEnergy() {
        // A constant input and target: the output error must shrink and the energy with it.
        var net = LatentEquilibriumNetwork(sizes: [3, 4, 1], rateFunctions: [.tanh, .identity], tauMs: 10, stepMs: 0.1,
                                           beta: 0.1, learningRatePerMs: 0.5)
        var rng = Xoshiro256StarStar(seed: 3, stream: 0)
        WeightInitialisation.uniformFanIn.apply(to: &net, generator: &rng)
        let x = [0.5, -0.3, 0.8], y = [1.5]
        net.step(input: x, target: y)
        let e0 = net.energy, d0 = abs(net.feedForward(x)[0] - y[0])
        for _ in 0..<20_000 { net.step(input: x, target: y) }
        #expect(abs(net.feedForward(x)[0] - y[0]) < 0.01 * d0)
        #expect(net.energy < 0.01 * e0)
    }

    @Test func energyIsTheSlideFormula() {
        var net = LatentEquilibriumNetwork(sizes: [2, 3, 2], rateFunctions: [.sigmoid, .identity], tauMs: 10, stepMs: 0.1,
                                           beta: 0.2, learningRatePerMs: 0)
        var rng = Xoshiro256StarStar(seed: 5, stream: 0)
        WeightInitialisation.nlaDefault.apply(to: &net, generator: &rng)
        for n in 0..<50 { net.step(input: [sin(Double(n)), 0.3], target: [0.4, -0.2]) }
        var e = 0.0
        for layer in 1...2 {
            let pre = layer == 1 ? [sin(49.0), 0.3] : Array(net.presynaptic[net.presynapticOffsets[1]...])
            for (j, idx) in net.neurons(ofLayer: layer).enumerated() {
                var i = net.biases[idx]
                for k in pre.indices { i += net.weight(layer: layer, post: j, pre: k) * pre[k] }
                e += 0.5 * (net.uHat[idx] - i) * (net.uHat[idx] - i)
            }
        }
        let out = net.output
        e += 0.5 * 0.2 * ((out[out.startIndex] - 0.4) * (out[out.startIndex] - 0.4) + (out[out.startIndex + 1] + 0.2) * (out[out.startIndex + 1] + 0.2))
        #expect(abs(net.energy - e) < 1e-12)
    }
}
