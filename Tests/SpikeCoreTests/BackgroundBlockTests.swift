import Testing
@testable import SpikeCore

/// The step kernel draws the Poisson background ahead in blocks of steps (`StepKernel.drawBackground`,
/// `Network.backgroundBlockRows`) and skips the generators of sources with rate 0. Both are
/// optimisations only: the conductances must be, bit for bit, those of drawing one step at a
/// time with `BackgroundInput.events` from each source's own stream (science.md 1.9 steps 1–2,
/// g_x ← g_x·e^{−dt/τ_syn,x} + w_x·n_x), across block boundaries and a rate change from 0.
@Suite("Background drawn in blocks equals step-by-step draws")
struct BackgroundBlockTests {
    static let stepMs = 0.1
    static let seed: UInt64 = 31
    /// Neuron 0: silent (0 Hz) at first; 1: 3 kHz each (inversion, λ = 0.3); 2: 300 Hz each
    /// (hazard residual, λ = 0.03); 3: inhibitory source only; 4: 30 kHz each (λ = 3: a third of
    /// the steps need the tail beyond F(3)).
    static let backgrounds = [
        PoissonBackground(excRateHz: 0, inhRateHz: 0, excWeight: 0.001, inhWeight: 0.001),
        PoissonBackground(excRateHz: 3000, inhRateHz: 3000, excWeight: 0.001, inhWeight: 0.001),
        PoissonBackground(excRateHz: 300, inhRateHz: 300, excWeight: 0.002, inhWeight: 0.0005),
        PoissonBackground(excRateHz: 0, inhRateHz: 3000, excWeight: 0.001, inhWeight: 0.001),
        PoissonBackground(excRateHz: 30000, inhRateHz: 30000, excWeight: 0.0001, inhWeight: 0.0001),
    ]

    /// The reference: one `BackgroundInput.events` call per source and step, conductances
    /// decayed and incremented in the kernel's order ((g·decay + 0) + w·n; no recurrent input).
    struct Reference {
        var input: BackgroundInput
        var gE: [Double], gI: [Double]
        let decayE: Double, decayI: Double

        mutating func step() {
            for k in gE.indices {
                let cdfE = Array(input.cdfE[4 * k..<4 * k + 4]), cdfI = Array(input.cdfI[4 * k..<4 * k + 4])
                let nE = cdfE.withUnsafeBufferPointer {
                    BackgroundInput.events(lambda: input.lambdaE[k], cdf: $0.baseAddress!, residual: &input.residualE[k],
                                           rng: &input.rngE[k])
                }
                let nI = cdfI.withUnsafeBufferPointer {
                    BackgroundInput.events(lambda: input.lambdaI[k], cdf: $0.baseAddress!, residual: &input.residualI[k],
                                           rng: &input.rngI[k])
                }
                gE[k] = (gE[k] * decayE + 0) + input.excWeight[k] * Double(nE)
                gI[k] = (gI[k] * decayI + 0) + input.inhWeight[k] * Double(nI)
            }
        }
    }

    /// Steps the network in one long call (several 512-step blocks) and compares every step's
    /// g_e, g_i with the reference; returns the number of differing values.
    static func mismatches(_ net: inout Network, _ reference: inout Reference, steps: Int) -> Int {
        var differing = 0
        net.advance(steps: steps) { observation in
            reference.step()
            for k in reference.gE.indices {
                if observation.gE[k] != reference.gE[k] { differing += 1 }
                if observation.gI[k] != reference.gI[k] { differing += 1 }
            }
        }
        return differing
    }

    @Test func blockDrawsAndSkippedSilentSourcesMatchStepByStepDraws() {
        var net = Network(parameters: .sbsDefault, count: Self.backgrounds.count, stepMs: Self.stepMs, seed: Self.seed)
        var input = BackgroundInput(count: Self.backgrounds.count, background: .none, stepMs: Self.stepMs, seed: Self.seed)
        for (k, b) in Self.backgrounds.enumerated() {
            net.setBackground(b, neuron: k)
            net.setThresholdEnabled(false, neuron: k)
            input.setBackground(b, neuron: k)
        }
        var reference = Reference(input: input, gE: net.population.gE, gI: net.population.gI,
                                  decayE: net.population.decayE, decayI: net.population.decayI)
        let silentGenerator = net.background.rngE[0]
        // 1300 steps: two full blocks and part of a third.
        #expect(Self.mismatches(&net, &reference, steps: 1300) == 0)
        #expect(net.background.rngE[0] == silentGenerator, "a 0 Hz source draws nothing")
        #expect(net.population.gE[1] > 0 && net.population.gI[3] > 0, "the active sources produced events")
        // Neuron 0 starts firing inputs mid-block: its stream continues where it stood.
        let louder = PoissonBackground(excRateHz: 3000, inhRateHz: 600, excWeight: 0.001, inhWeight: 0.001)
        net.setBackground(louder, neuron: 0)
        reference.input.setBackground(louder, neuron: 0)
        #expect(Self.mismatches(&net, &reference, steps: 700) == 0)
        #expect(net.background.rngE[0] != silentGenerator)
        #expect(net.background.rngE == reference.input.rngE && net.background.rngI == reference.input.rngI)
    }

    /// Above `StepKernel.pairedDrawMinimumNeurons` a neuron's two inversion sources are drawn
    /// interleaved, below one at a time: both loops give the step-by-step draws (600 neurons
    /// with λ from 0.03 to 3, 12-step blocks).
    @Test func pairedDrawsOfALargePopulationMatchStepByStepDraws() {
        let count = StepKernel.pairedDrawMinimumNeurons + 88
        var net = Network(parameters: .sbsDefault, count: count, stepMs: Self.stepMs, seed: Self.seed)
        var input = BackgroundInput(count: count, background: .none, stepMs: Self.stepMs, seed: Self.seed)
        let rates = [300.0, 3000, 5000, 30000]
        for k in 0..<count {
            let b = PoissonBackground(excRateHz: rates[k % 4], inhRateHz: rates[(k / 4) % 4], excWeight: 0.001,
                                      inhWeight: 0.0005)
            net.setBackground(b, neuron: k)
            net.setThresholdEnabled(false, neuron: k)
            input.setBackground(b, neuron: k)
        }
        var reference = Reference(input: input, gE: net.population.gE, gI: net.population.gI,
                                  decayE: net.population.decayE, decayI: net.population.decayI)
        #expect(Network.backgroundBlockRows(neurons: count) < 100)
        #expect(Self.mismatches(&net, &reference, steps: 100) == 0)
        #expect(net.background.rngE == reference.input.rngE && net.background.rngI == reference.input.rngI)
    }

    /// The integer form of u ≥ F used by the draw loops (`BackgroundInput.uniformThreshold`)
    /// decides every uniform u = m·2⁻⁵³ as the Double comparison does, at and around each
    /// threshold and for random m, for the CDF values of λ from 0.1 to 30 and the edge cases.
    @Test func integerThresholdsDecideAsTheDoubleComparison() {
        var values: [Double] = [0, -0.0, 1, 1.0.nextDown, 1.0.nextUp, 0.5, 0x1.0p-53, 0x1.0p-60, 0x1.0p-1074, 2, -1]
        for lambda in [0.1, 0.3, 0.7, 3, 30] { values += BackgroundInput.poissonCDF(lambda) }
        values += values.map(\.nextUp) + values.map(\.nextDown)
        var rng = Xoshiro256StarStar(seed: 5, stream: 77)
        var disagreements = 0, checked = 0
        for f in values {
            let t = BackgroundInput.uniformThreshold(f)
            var ms: [UInt64] = (0..<200).map { _ in rng.next() >> 11 } + [0, 1, (1 << 53) - 1]
            for d: UInt64 in 0...4 where t + d >= 2 && t + d - 2 < 1 << 53 { ms.append(t + d - 2) }
            for m in ms {
                let u = Double(m) * 0x1.0p-53
                if (u >= f) != (m >= t) { disagreements += 1 }
                checked += 1
            }
        }
        #expect(checked > 10_000)
        #expect(disagreements == 0)
    }
}
