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
    /// (hazard residual, λ = 0.03); 3: inhibitory source only.
    static let backgrounds = [
        PoissonBackground(excRateHz: 0, inhRateHz: 0, excWeight: 0.001, inhWeight: 0.001),
        PoissonBackground(excRateHz: 3000, inhRateHz: 3000, excWeight: 0.001, inhWeight: 0.001),
        PoissonBackground(excRateHz: 300, inhRateHz: 300, excWeight: 0.002, inhWeight: 0.0005),
        PoissonBackground(excRateHz: 0, inhRateHz: 3000, excWeight: 0.001, inhWeight: 0.001),
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
}
