import Testing
@testable import SpikeCore

/// Frozen fixed-pattern noise and the chip clock (science.md 4.2–4.4).
@Suite("Emulated chip: fixed-pattern noise and clock (science.md 4)")
struct ChipMismatchTests {
    @Test("The same chip seed gives the same fixed-pattern noise; another seed another chip")
    func reproducible() {
        let a = HardwareRealisation(profile: .bss1, chipSeed: 11), b = HardwareRealisation(profile: .bss1, chipSeed: 11)
        let c = HardwareRealisation(profile: .bss1, chipSeed: 12)
        let nominal = LIFParameters.sbsDefault
        for k in 0..<8 {
            #expect(a.neuronParameters(nominal, neuron: k) == b.neuronParameters(nominal, neuron: k))
            #expect(a.leakOffsetMv(neuron: k) == b.leakOffsetMv(neuron: k))
            #expect(a.neuronParameters(nominal, neuron: k) != c.neuronParameters(nominal, neuron: k))
        }
        var w = Array(repeating: Array(repeating: 0.0, count: 6), count: 6)
        for j in 0..<6 {
            for k in 0..<6 where j != k {
                let level: Int = (j * 7 + k * 3) % 11 - 5
                w[j][k] = Double(level) * 0.001
            }
        }
        #expect(a.weights(w) == b.weights(w))
        #expect(a.weights(w) != c.weights(w))
        // Independent of how many neurons are asked about, and in which order.
        let forward = (0..<5).map { a.mismatch.neuron($0) }, backward = (0..<5).reversed().map { a.mismatch.neuron($0) }
        #expect(forward == backward.reversed())
    }

    /// σ of the drawn noise over many synapses and neurons matches the profile (SE of a
    /// standard deviation from n draws ≈ σ/√(2n): 3 % at n = 600).
    @Test("Noise has the profile's size: σ_w = 0.2 on synapses, 1 mV on thresholds")
    func size() {
        let chip = HardwareRealisation(profile: .bss1, chipSeed: 3)
        var factors: [Double] = []
        for j in 0..<25 { for k in 0..<25 where j != k { factors.append(ChipMismatch.factor(sigma: 0.2, xi: chip.mismatch.synapse(pre: j, post: k, excitatory: true))) } }
        let count = Double(factors.count)
        let mean: Double = factors.reduce(0, +) / count
        let squares: Double = factors.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
        let sd: Double = (squares / (count - 1)).squareRoot()
        let seMean: Double = 0.2 / count.squareRoot(), seSD: Double = 0.2 / (2 * count).squareRoot()
        #expect(abs(mean - 1) < 4 * seMean)
        #expect(abs(sd - 0.2) < 4 * seSD)
        let thresholds = (0..<600).map { chip.neuronParameters(.sbsDefault, neuron: $0).vThresh + 50 }
        let sumSquares: Double = thresholds.map { $0 * $0 }.reduce(0, +)
        let sdTh: Double = (sumSquares / 600).squareRoot()
        let seTh: Double = 1 / (2 * 600.0).squareRoot()
        #expect(abs(sdTh - 1) < 4 * seTh)
        // The reset keeps its distance below the threshold.
        for k in 0..<20 {
            let p = chip.neuronParameters(.sbsDefault, neuron: k)
            #expect(abs((p.vThresh - p.vReset) - 0.001) < 1e-9)
        }
    }

    @Test("Zero noise and unlimited bits return every value unchanged")
    func zeroIsIdentity() {
        let chip = HardwareRealisation(profile: HardwareSamplingTests.zeroProfile, chipSeed: 5)
        #expect(chip.neuronParameters(.sbsDefault, neuron: 3) == .sbsDefault)
        #expect(chip.background(.sbsDefault, neuron: 2) == .sbsDefault)
        #expect(chip.restingPotential(programmed: -50.123, neuron: 4) == -50.123)
        let w: [[Double]] = [[0, 0.0031, -0.0017], [0.0009, 0, -0.004], [0.002, -0.0025, 0]]
        #expect(chip.weights(w) == w)
    }

    @Test("The clock: 1e5 ms of biological time is 10 ms on BrainScaleS-1 and 100 ms on BrainScaleS-2")
    func clock() {
        #expect(HardwareProfile.bss1.clock?.chipWallMs(biologicalMs: 1e5) == 10)
        #expect(HardwareProfile.bss2.clock?.chipWallMs(biologicalMs: 1e5) == 100)
        #expect(HardwareProfile.ideal.clock == nil)
        // An emulation doing 2 biological ms per wall ms runs at 2e-4 of BrainScaleS-1's speed.
        #expect(HardwareProfile.bss1.clock?.emulationSpeedRelativeToChip(biologicalMsPerWallMs: 2) == 2e-4)
    }

    @Test("Profiles carry the documented numbers (science.md 4.1)")
    func profiles() {
        #expect(HardwareProfile.bss1.speedup == 1e4 && HardwareProfile.bss1.weightLevels == 16 && HardwareProfile.bss1.weightScale == .perRow)
        #expect(HardwareProfile.bss2.speedup == 1e3 && HardwareProfile.bss2.weightLevels == 64 && HardwareProfile.bss2.parameterBits == 10)
        #expect(HardwareProfile.bss1.synapticMismatch == 0.2)
        #expect(HardwareProfile.bss1.facts.allSatisfy { !$0.source.isEmpty })
        #expect(HardwareProfile.ideal.isIdeal && !HardwareProfile.bss1.isIdeal)
        #expect(HardwareProfile.ideal.next == .bss1 && HardwareProfile.bss2.next == .ideal)
    }

    @Test("Spike loss drops about the given fraction of events, reproducibly")
    func spikeLoss() {
        var a = SpikeLoss(probability: 0.1, seed: 9), b = SpikeLoss(probability: 0.1, seed: 9)
        var lost = 0
        for _ in 0..<10_000 {
            let x = a.drops()
            #expect(x == b.drops())
            if x { lost += 1 }
        }
        // Binomial SE = √(1e4 · 0.09) = 30.
        #expect(abs(lost - 1000) < 120)
    }
}
