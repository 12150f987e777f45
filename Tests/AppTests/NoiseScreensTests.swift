import Canvas
import Foundation
import Scenarios
import SpikeCore
import Testing
@testable import App

/// The noise-sources and deterministic-ensemble screens with the fake terminal, and their
/// headless figures.
@Suite struct NoiseScreensTests {
    static func scenario(_ name: String) throws -> Scenario {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try ScenarioLocator.load(path: root.appendingPathComponent("scenarios/\(name).toml").path)
    }

    @Test func noiseSourcesFullAndDegradedLayouts() throws {
        let terminal = FakeTerminal(width: 120, height: 36)
        let app = SpikettyApp(scenario: try Self.scenario("noise-sources"), seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
        for _ in 0..<5 { app.advanceAndDraw() }
        let text = terminal.lastFrame
        for needle in ["states of one network per source", "D_KL(p*‖p) vs sampled time", "noise-input correlation",
                       "shared pool", "background network", "ensemble", "pool / network size N"] {
            #expect(text.contains(needle), "missing \(needle)")
        }
        let small = FakeTerminal(width: 60, height: 16)
        let smallApp = SpikettyApp(scenario: try Self.scenario("noise-sources"), seed: nil, terminal: small, themes: [Theme.builtInDefault])
        smallApp.advanceAndDraw()
        #expect(small.lastFrame.contains("D_KL(p*‖p) vs sampled time"))
        #expect(!small.lastFrame.contains("noise-input correlation"))
    }

    @Test func deterministicEnsembleLayoutAndHeadlessFigures() throws {
        let terminal = FakeTerminal(width: 120, height: 36)
        let s = try Self.scenario("deterministic-ensemble")
        let app = SpikettyApp(scenario: s, seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
        app.advanceAndDraw()
        let text = terminal.lastFrame
        for needle in ["D_KL over the ensemble", "D_KL during training", "background-input correlation", " before "] {
            #expect(text.contains(needle), "missing \(needle)")
        }
        let report = HeadlessReport.run(try Self.scenario("noise-sources"), durationMs: 2000)
        for name in NoiseSourcesKind.binaryFigureNames { #expect(report.table.contains(name), "missing \(name)") }
    }

    /// The spiking formulation reports its own figures and its lanes' D_KL and correlations.
    @Test func spikingNoiseSourcesFiguresAndScreen() throws {
        let s = try Self.scenario("noise-sources-spiking")
        let report = HeadlessReport.run(s, durationMs: 200)
        for name in NoiseSourcesKind.spikingOnlyFigureNames + ["dkl_target_sampled_poisson", "dkl_target_sampled_pool",
                                                               "dkl_target_sampled_network", "input_corr_mean_network"] {
            #expect(report.table.contains(name), "missing \(name)")
        }
        #expect(!report.table.contains("dkl_target_sampled_ensemble"))
    }
}
