import Foundation
import Scenarios
import SpikeCore
import Testing
@testable import App

/// `--hardware` for the kinds built on `SpikingSamplingEnsemble` (science.md 4): the spiking
/// formulations of `deterministic-ensemble` and `noise-sources` run on the chip; their binary
/// formulations have no neurons to put on one and refuse it with the file's line.
@Suite(.serialized) struct EnsembleKindsOnChipTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func scenario(_ name: String) throws -> Scenario {
        try ScenarioLocator.load(path: root.appendingPathComponent("scenarios/\(name).toml").path)
    }

    @Test(arguments: ["deterministic-ensemble-spiking", "noise-sources-spiking"])
    func spikingFormulationRunsOnTheChip(_ name: String) throws {
        let s = try Self.scenario(name)
        #expect(s.supportsHardware && s.hardwareUnsupportedReason == nil)
        let onChip = try #require(s.withHardware("bss1"))
        #expect(onChip.hardware?.profile.name == "bss1")
        let durationMs = 200.0
        let report = HeadlessReport.run(onChip, durationMs: durationMs)
        #expect(report.hardware == "bss1")
        #expect(report.chipWallMs == durationMs / 1e4)
        for figure in ["sampled_ms"] where s.kind.figureNames.contains(figure) {
            #expect(report.readout.figure(figure) == durationMs)
        }
        if name == "deterministic-ensemble-spiking" {
            #expect(try #require(report.readout.figure("chip_leak_clipped")).isNaN, "bss1 has no E_l DAC limit")
        }
        let finite = report.readout.figures.filter { $0.value.isFinite }.count
        #expect(finite >= 10, "\(name) on bss1 reports \(finite) finite figures")
    }

    @Test(arguments: ["deterministic-ensemble", "noise-sources"])
    func binaryFormulationHasNoChip(_ name: String) throws {
        let s = try Self.scenario(name)
        #expect(!s.supportsHardware)
        #expect(s.hardwareUnsupportedReason?.contains("formulation = \"spiking\"") == true)
        #expect(s.withHardware("bss1") == nil && s.withHardware("ideal") != nil)
        let section = name == "noise-sources" ? "noise" : "background"
        let text = """
            title = "t"
            slide = "s"
            kind = "\(s.kind.rawValue)"
            explanation = "e"
            hardware = "bss2"

            [\(section)]
            formulation = "binary"
            """
        do {
            _ = try ScenarioParser.parse(text, file: "x.toml", name: "x")
            Issue.record("expected an error for hardware on the binary formulation")
        } catch {
            #expect(error.description.contains("x.toml:5"), "\(error.description)")
            #expect(error.description.contains("binary units have no chip"), "\(error.description)")
        }
    }
}
