import Canvas
import Foundation
import Scenarios
import SpikeCore
import Testing
@testable import App

/// The stp-mixing and oscillations screens at a common terminal size.
@Suite struct MixingScreenTests {
    private func frame(_ name: String, frames: Int) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try ScenarioLocator.load(path: root.appendingPathComponent("scenarios/\(name).toml").path)
        let terminal = FakeTerminal(width: 120, height: 40, depth: .palette256)
        let app = SpikettyApp(scenario: scenario, seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
        for _ in 0..<frames { app.advanceAndDraw() }
        return terminal.lastFrame
    }

    @Test func stpMixingShowsFourStreamsAndFreeEnergy() throws {
        let text = try frame("stp-mixing", frames: 8)
        for label in ["block Gibbs:", "LIF renewing:", "LIF depressing:", "tempering (AST):", "free energy F(v)", "switches"] {
            #expect(text.contains(label), "missing \(label)")
        }
        #expect(text.contains("▀") || text.contains("▄") || text.contains("█"))  // the sample images
    }

    @Test func oscillationsShowRateAndTemperature() throws {
        let text = try frame("oscillations", frames: 8)
        #expect(text.contains("LIF oscillating background:"))
        #expect(text.contains("rate (Hz)"))   // the rate plot's y axis (issue 11: the unit on the axis)
        #expect(text.contains("T_eff"))
    }
}
