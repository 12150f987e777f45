import Testing
@testable import SpikeCore

/// The hardware mode of the spiking kinds added after issue 7 (dreaming, stp-mixing,
/// oscillations; science.md 4.3): a chip with no mismatch and unlimited bits is the ideal run
/// bit for bit, a real chip is not (so the comparison can fail).
@Suite("Emulated chip: dreaming and mixing networks")
struct SpikingKindsHardwareTests {
    static var zeroChip: HardwareRealisation { HardwareRealisation(profile: HardwareSamplingTests.zeroProfile, chipSeed: 5) }

    static func dreaming(_ hardware: HardwareRealisation?) throws -> DreamingExperiment {
        var c = DreamingConfig(digits: DigitTestData.optdigits, machine: try DigitTestData.shippedMachine(), seed: 11,
                               burnInMs: 50, calibration: .sbsReference, presentationMs: 100, settleMs: 20)
        c.hardware = hardware
        let e = DreamingExperiment(config: c)
        e.advance(by: 400)
        return e
    }

    @Test("dreaming: the perfect chip is the ideal run bit for bit (both networks, images, figures)")
    func dreamingBitForBit() throws {
        let ideal = try Self.dreaming(nil), perfect = try Self.dreaming(Self.zeroChip)
        let chip = try Self.dreaming(HardwareRealisation(profile: .bss2, chipSeed: 5))
        #expect(ideal.dream.network.population.v == perfect.dream.network.population.v)
        #expect(ideal.inference.network.population.v == perfect.inference.network.population.v)
        #expect(ideal.dreamImages == perfect.dreamImages && !ideal.dreamImages.isEmpty)
        #expect(ideal.readout().figures.map(\.value.bitPattern) == perfect.readout().figures.map(\.value.bitPattern))
        #expect(ideal.completionTrials > 0)
        #expect(ideal.dream.network.population.v != chip.dream.network.population.v)
    }

    static func mixing(_ hardware: HardwareRealisation?) throws -> MixingExperiment {
        let digits = DigitTestData.optdigits.split(heldOutPeriod: 5)
        let setup = MixingSetup(rbm: try DigitTestData.shippedMachine(), training: digits.training, heldOut: digits.heldOut)
        let streams = MixingStreamSpec.stpComparison() + [MixingStreamSpec(
            name: "oscillating", label: "LIF oscillating", kind: .spiking(.renewing(), oscillating: true))]
        var c = setup.config(streams: streams, seed: 3)
        c.calibration = .sbsReference
        c.calibrateOscillationAtTrough = false
        c.hardware = hardware
        let e = MixingExperiment(config: c)
        e.advance(by: 300)
        return e
    }

    @Test("stp-mixing and oscillation streams: the perfect chip is the ideal run bit for bit")
    func mixingBitForBit() throws {
        let ideal = try Self.mixing(nil), perfect = try Self.mixing(Self.zeroChip)
        let chip = try Self.mixing(HardwareRealisation(profile: .bss1, chipSeed: 5))
        func states(_ e: MixingExperiment) -> [[Double]] {
            e.streams.compactMap { if case .spiking(let s, _) = $0.sampler { return s.network.population.v } else { return nil } }
        }
        #expect(states(ideal).count == 3)
        #expect(states(ideal) == states(perfect))
        #expect(ideal.readout().figures.map(\.value.bitPattern) == perfect.readout().figures.map(\.value.bitPattern))
        #expect(states(ideal) != states(chip))
    }
}
