import Testing
@testable import SpikeCore

/// The digits lane of hardware-sampling (issue 7; science.md 4.2–4.3): the shipped dreaming RBM
/// (174 LIF samplers) on an emulated BrainScaleS-1 chip, measured by the label accuracy of
/// held-out images clamped, ideal vs open loop vs trained in the loop.
@Suite("Digits RBM on an emulated chip", .serialized)
struct DigitsOnChipTests {
    /// A chip network for the shipped machine, calibrated per neuron (shifted) or not.
    static func translation(_ m: RestrictedBoltzmannMachine, chipSeed: UInt64, perNeuron: Bool = true) -> HardwareTranslation {
        var profile = HardwareProfile.bss1
        profile.perNeuronCalibration = perNeuron
        return HardwareTranslation(realisation: HardwareRealisation(profile: profile, chipSeed: chipSeed), neuron: .sbsDefault,
                                   background: .sbsDefault, count: m.unitCount, shared: .sbsReference,
                                   settings: CalibrationSettings.standard, method: .shifted)
    }

    /// Rewriting the chip with the machine it already holds (what every in-the-loop iteration
    /// does) leaves the dynamics bit for bit as they were; a changed machine changes them.
    @Test("reprogramming the same machine changes nothing; a trained one does")
    func reprogrammeIsExact() throws {
        let m = try DigitTestData.shippedMachine()
        let t = Self.translation(m, chipSeed: 3)
        func network() -> RBMSamplingNetwork {
            RBMSamplingNetwork(machine: m, neuron: .sbsDefault, background: .sbsDefault, calibration: .sbsReference,
                               stepMs: 0.1, seed: 9, hardware: t)
        }
        var original = network(), rewritten = network(), changed = network()
        let same = t.realise(m, scales: t.openLoopScales(m))
        rewritten.reprogramme(m, restingPotentials: same.restingPotentials, weights: same.weights)
        var other = m
        for l in 0..<10 { other.visibleBiases[m.pixelCount + l] += 1 }
        let shifted = t.realise(other, scales: t.openLoopScales(m))
        changed.reprogramme(other, restingPotentials: shifted.restingPotentials, weights: shifted.weights)
        for _ in 0..<2000 { original.step(); rewritten.step(); changed.step() }
        #expect(original.network.population.v == rewritten.network.population.v)
        #expect(original.onSteps == rewritten.onSteps)
        #expect(original.network.population.v != changed.network.population.v)
    }

    static func lanes(chipSeed: UInt64, perNeuron: Bool, iterations: Int, testImages: Int) throws -> DigitsOnChip {
        var s = DigitsOnChipSettings()
        s.testImages = testImages
        s.iterations = iterations
        s.perNeuronCalibration = perNeuron
        var d = DigitsOnChip(digits: DigitTestData.optdigits, machine: try DigitTestData.shippedMachine(), settings: s,
                             neuron: .sbsDefault, background: .sbsDefault, calibration: .sbsReference,
                             hardware: HardwareRealisation(profile: .bss1, chipSeed: chipSeed), stepMs: 0.1, delayMs: 0.1, seed: 42)
        d.advance(steps: Int((s.inTheLoopDurationMs / 0.1).rounded()) + 10)
        return d
    }

    /// Two accuracies measured on N test images each differ by more than k standard errors of
    /// their difference, √(p₁(1−p₁)/N + p₂(1−p₂)/N).
    static func clearlyAbove(_ high: Double, _ low: Double, n: Int, k: Double = 2) -> Bool {
        high - low > k * (high * (1 - high) / Double(n) + low * (1 - low) / Double(n)).squareRoot()
    }

    /// The chip translated without per-neuron calibration keeps every neuron's leak and threshold
    /// offset (±1 mV ≈ ±1.3 bias units) in its bias: label inference falls far below the ideal
    /// model. Trained in the loop on the chip's own samples (shadow weights, quantised every
    /// iteration) it recovers: after 12 iterations of 20 images the in-the-loop accuracy exceeds
    /// open loop by more than 2 standard errors of the difference on 60 test images (scenario
    /// defaults, 20 iterations, 100 images, chips 1–5: open loop 0.20–0.47, in the loop 0.64–0.70,
    /// ideal 0.77).
    @Test("uncalibrated chip: in-the-loop training beats open loop by > 2 SE on 60 test images")
    func inTheLoopRecoversUncalibratedChip() throws {
        let d = try Self.lanes(chipSeed: 2, perNeuron: false, iterations: 12, testImages: 60)
        let trained = try #require(d.trained)
        #expect(d.ideal.isFinished && d.openLoop.isFinished && trained.isFinished && d.trainer.iterationsDone == 12)
        let n = d.testImages.count
        #expect(n == 60)
        #expect(Self.clearlyAbove(d.accuracyIdeal, d.accuracyOpenLoop, n: n), "the uncalibrated chip must hurt: \(d.accuracyIdeal) vs \(d.accuracyOpenLoop)")
        #expect(Self.clearlyAbove(d.accuracyInTheLoop, d.accuracyOpenLoop, n: n),
                "in the loop \(d.accuracyInTheLoop) vs open loop \(d.accuracyOpenLoop)")
        #expect(d.series.first { $0.name == "digits_training_curve" }?.points.count == 12)
    }

    /// With every chip neuron calibrated under its own mismatch (the shipped configuration) the
    /// 4-bit weights and 20 % synaptic noise leave label inference within 3 standard errors of the
    /// ideal model (measured 0.79–0.81 vs 0.78 over 359 images on chips 1–3): the robustness
    /// [Kungl2019] report. Checked on 100 images, ideal and open loop.
    @Test("calibrated chip: open-loop label accuracy within 3 SE of the ideal model")
    func calibratedChipIsRobust() throws {
        let d = try Self.lanes(chipSeed: 1, perNeuron: true, iterations: 0, testImages: 100)
        let n = d.testImages.count
        #expect(d.ideal.trials == n && d.openLoop.trials == n)
        #expect(d.accuracyIdeal > 0.6)
        #expect(!Self.clearlyAbove(d.accuracyIdeal, d.accuracyOpenLoop, n: n, k: 3))
    }
}
