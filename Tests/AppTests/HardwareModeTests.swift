import Canvas
import Foundation
import Scenarios
import SpikeCore
import Testing
@testable import App

/// The hardware mode in the app (science.md 4): the `H` toggle, the chip clock in the title
/// bar, the profile's numbers in the help overlay, the hardware-sampling screen.
@Suite struct HardwareModeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func scenario(_ name: String) throws -> Scenario {
        try ScenarioLocator.load(path: root.appendingPathComponent("scenarios/\(name).toml").path)
    }

    @Test func toggleCyclesTheChipAndTheTitleBarShowsItsClock() throws {
        let (app, terminal) = try makeApp(width: 140, height: 30)
        func titleRow() -> String { terminal.lastFrame.split(separator: "\n").first.map(String.init) ?? "" }
        app.advanceAndDraw()
        #expect(!titleRow().contains("chip "))
        app.perform(.toggleHardware)
        #expect(app.scenario.hardwareProfile.name == "bss1")
        app.advanceAndDraw()
        #expect(terminal.lastFrame.contains("hardware: BrainScaleS-1"))
        // Title bar: biological time and the chip's wall clock (t / 1e4).
        let bio = app.experiment.timeMs
        #expect(bio > 0)
        #expect(titleRow().contains("chip " + ScreenChrome.chipTime(bio / 1e4)))
        app.perform(.toggleHardware)
        #expect(app.scenario.hardwareProfile.name == "bss2")
        app.perform(.toggleHardware)
        #expect(app.scenario.hardwareProfile.name == "ideal")
    }

    @Test func helpOverlayListsTheProfileWithSources() throws {
        let (app, terminal) = try makeApp(width: 120, height: 40)
        app.perform(.toggleHardware)
        app.perform(.toggleHelp)
        app.advanceAndDraw()
        let text = terminal.lastFrame
        #expect(text.contains("speed-up"))
        #expect(text.contains("10000 × biological time"))
        #expect(text.contains("BSS1doc"))
        #expect(text.contains("4 bit, 16 levels"))
    }

    @Test func kindsWithoutHardwareRefuseIt() throws {
        let text = """
            title = "t"
            slide = "s"
            kind = "which-way-is-down"
            explanation = "e"
            hardware = "bss1"
            """
        do {
            _ = try ScenarioParser.parse(text, file: "x.toml", name: "x")
            Issue.record("expected an error for hardware on a kind without hardware mode")
        } catch {
            #expect(error.description.contains("hardware"), "\(error.description)")
            #expect(error.description.contains("x.toml:5"), "\(error.description)")
        }
        let s = try Self.scenario("which-way-is-down")
        #expect(s.withHardware("bss1") == nil && s.withHardware("ideal") != nil)
        #expect(try Self.scenario("lif-sampling").withHardware("bss2")?.hardware?.profile.name == "bss2")
        #expect(try Self.scenario("hardware-sampling").withHardware("ideal") == nil)
    }

    @Test func hardwareSamplingScreenShowsItsFourPanes() throws {
        var s = try Self.scenario("hardware-sampling")
        s.values["training"]?["iterations"] = .integer(2)
        s.values["training"]?["iteration_ms"] = .number(200)
        let terminal = FakeTerminal(width: 120, height: 36)
        let app = SpikettyApp(scenario: s, seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
        app.experiment.advance(by: 1500)
        app.advanceAndDraw()
        let text = terminal.lastFrame
        #expect(text.contains("D_KL(p*‖p) vs sampled time"))
        #expect(text.contains("in-the-loop training"))
        #expect(text.contains("weights in units of W"))
        #expect(text.contains("dkl_in_the_loop") || text.contains("trained in the loop"))
        #expect(text.contains("chip "))
        #expect((app.experiment.readout().figure("training_iterations") ?? 0) == 2)
        // Training has finished and the trained chip is being measured: the figure is no longer
        // NaN (it is +∞ until every state has been visited, which a short window need not do).
        #expect(app.experiment.readout().figure("dkl_in_the_loop").map { !$0.isNaN } == true)
    }

    /// `[chip] biases = "neurons"` (docs/scenario-keys.md): both chip lanes get an always-on
    /// bias neuron after the samplers, with the biases in its own (quantised) synapse row.
    @Test func biasNeuronOptionReachesTheChipLanes() throws {
        var s = try Self.scenario("hardware-sampling")
        s.values["training"]?["iterations"] = .integer(1)
        s.values["training"]?["iteration_ms"] = .number(200)
        s.values["chip"]?["biases"] = .text("neurons")
        let e = try #require(ExperimentBuilder.make(s, seed: 42) as? HardwareSamplingExperiment)
        let n = e.config.machine.unitCount
        #expect(e.config.biases == .biasNeuron)
        #expect(e.openLoopWeights.count == n + 1 && e.trainer.realisedWeights.count == n + 1)
        #expect(e.openLoopWeights[n].prefix(n).contains { $0 != 0 })
        e.advance(by: 600)
        #expect((e.readout().figure("training_iterations") ?? 0) == 1)
        // Sampling has started (finite once every state is visited, which 400 ms need not do).
        #expect(e.readout().figure("dkl_open_loop").map { !$0.isNaN } == true)
    }
}
