import Foundation
import Scenarios
import SpikeCore
import Testing
@testable import App

/// `--hardware bss1|bss2` for the spiking kinds added after issue 7 (dreaming, stp-mixing,
/// oscillations; science.md 4): each shipped scenario runs headless on both chips, reports its
/// chip's wall clock and still computes its figures.
@Suite(.serialized) struct SpikingKindsOnChipTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["dreaming", "stp-mixing", "oscillations"])
    func runsHeadlessOnBothChips(_ name: String) throws {
        let s = try ScenarioLocator.load(path: Self.root.appendingPathComponent("scenarios/\(name).toml").path)
        #expect(s.supportsHardware)
        let durationMs = 1000.0
        for chip in ["bss1", "bss2"] {
            let onChip = try #require(s.withHardware(chip))
            let report = HeadlessReport.run(onChip, durationMs: durationMs)
            #expect(report.hardware == chip)
            #expect(report.chipWallMs == durationMs / (chip == "bss1" ? 1e4 : 1e3))
            for figure in s.kind.figureNames { #expect(report.readout.figure(figure) != nil, "\(name) on \(chip): \(figure)") }
            let r = report.readout
            if name == "dreaming" {
                #expect(try #require(r.figure("dream_samples")) >= 10)
                #expect(try #require(r.figure("dream_confidence_mean")).isFinite)
                let occupancy = (0..<10).map { r.figure("occupancy_\($0)") ?? .nan }
                #expect(abs(occupancy.reduce(0, +) - 1) < 1e-9)
            } else {
                #expect(try #require(r.figure("slots")) > 50)
                let lif = name == "stp-mixing" ? "depressing" : "oscillating"
                #expect(try #require(r.figure("switches_per_1000_\(lif)")).isFinite, "\(name) on \(chip)")
                #expect(!(try #require(r.figure("occupancy_dkl_\(lif)")).isNaN), "\(name) on \(chip)")
            }
        }
    }
}
