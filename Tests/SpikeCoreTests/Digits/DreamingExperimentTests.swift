import Testing
@testable import SpikeCore

/// The dreaming experiment with the shipped RBM (64 pixels + 10 labels + 100 hidden = 174 LIF
/// samplers, dt = 0.1 ms) and a calibration measured at that dt.
@Suite("Dreaming experiment", .serialized)
struct DreamingExperimentTests {
    static func config(seed: UInt64 = 42) throws -> DreamingConfig {
        var c = DreamingConfig(digits: DigitTestData.optdigits, machine: try DigitTestData.shippedMachine(), seed: seed)
        c.calibrationSettings = .quick
        return c
    }

    @Test("clamped units: E_l = v_p05 ± α·20 gives p_on ≈ 1 and 0")
    func clamping() throws {
        let c = try Self.config()
        var net = RBMSamplingNetwork(machine: c.machine, neuron: c.neuron, background: c.background,
                                     calibration: .sbsReference, stepMs: 0.1, seed: 1)
        net.clamp(0, to: true)
        net.clamp(1, to: false)
        for _ in 0..<5000 { net.step() }   // 500 ms
        #expect(net.onFraction(0) > 0.95)
        #expect(net.onFraction(1) < 0.01)
    }

    @Test("same seed, same dream bit for bit; another seed differs")
    func determinism() throws {
        let a = DreamingExperiment(config: try Self.config())
        let b = DreamingExperiment(config: try Self.config())
        a.advance(by: 500)
        b.advance(by: 500)
        #expect(a.dreamImages == b.dreamImages && !a.dreamImages.isEmpty)
        #expect(a.readout().figures == b.readout().figures)
        let c = DreamingExperiment(config: try Self.config(seed: 7))
        c.advance(by: 500)
        #expect(c.dreamImages != a.dreamImages)
    }

    /// Memory stays bounded in long runs (issue 12): only the last `retainedImageLimit` images are
    /// kept, while occupancy, mean confidence and the sample count cover every window. 1 s after
    /// the burn-in: ≈ 16 windows of 50 ms, limit 5.
    @Test("retained images are bounded; statistics cover the whole dream")
    func retainedImagesAreBounded() throws {
        let limited = DreamingExperiment(config: try Self.config())
        limited.retainedImageLimit = 5
        let all = DreamingExperiment(config: try Self.config())
        all.retainedImageLimit = .max
        limited.advance(by: 1_000)
        all.advance(by: 1_000)
        #expect(all.dreamImages.count > 10 && limited.dreamImages.count == 5)
        #expect(Array(all.dreamImages.suffix(5)) == limited.dreamImages)
        #expect(limited.dreamCount == all.dreamImages.count)
        #expect(limited.readout().figures == all.readout().figures)
        #expect(abs(limited.occupancy.reduce(0, +) - 1) < 1e-12)
    }

    /// 20 s: 396 dreamed windows and 50 inference trials. Dreams must look like digits to the
    /// classifier (issue: mean confidence within 20 % of real held-out digits), and clamped
    /// images must let the label units name the digit far above chance (0.1): with 50 trials the
    /// binomial SE at p ≈ 0.8 is 0.057, so 0.55 is > 4 SE below the measured 0.84–0.87 (1e5 ms, PCD-10 machine), and LIF and
    /// Gibbs must agree within 0.25 (≈ 3 SE of a difference of two such estimates).
    @Test("20 s: dream confidence near the data's, label inference well above chance for LIF and Gibbs")
    func dreamingStatistics() throws {
        let e = DreamingExperiment(config: try Self.config())
        e.advance(by: 20_000)
        let r = e.readout()
        let dream = try #require(r.figure("dream_confidence_mean")), data = try #require(r.figure("data_confidence_mean"))
        #expect(abs(dream - data) < 0.2 * data)
        #expect(try #require(r.figure("dream_samples")) >= 390)
        let spiking = try #require(r.figure("label_accuracy_spiking")), gibbs = try #require(r.figure("label_accuracy_gibbs"))
        #expect(try #require(r.figure("label_trials")) == 50)
        #expect(spiking > 0.55 && gibbs > 0.55)
        #expect(abs(spiking - gibbs) < 0.25)
        #expect(try #require(r.figure("completion_accuracy")) > 0.4)
        let occupancy = (0..<10).map { r.figure("occupancy_\($0)") ?? .nan }
        #expect(abs(occupancy.reduce(0, +) - 1) < 1e-9)
        #expect(occupancy.filter { $0 > 0 }.count >= 3)
        #expect(r.images.count == e.config.filmLength && r.images.allSatisfy { $0.values.allSatisfy { (0...1).contains($0) } })
        let csvLines = e.dreamSamplesCSV.split(separator: "\n")
        #expect(csvLines.count == e.dreamImages.count)
        #expect(csvLines.first?.split(separator: ",").count == 65)
    }
}
