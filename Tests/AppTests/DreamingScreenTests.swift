import Canvas
import Foundation
import Scenarios
import SpikeCore
import Testing
@testable import App

/// The dreaming screen with the fake terminal: full layout, the switch to the completion
/// network, degraded layouts.
@Suite(.serialized) struct DreamingScreenTests {
    static func app(width: Int = 120, height: Int = 40) throws -> (SpikettyApp, FakeTerminal) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try ScenarioLocator.load(path: root.appendingPathComponent("scenarios/dreaming.toml").path)
        let terminal = FakeTerminal(width: width, height: height)
        return (SpikettyApp(scenario: scenario, seed: nil, terminal: terminal, themes: [Theme.builtInDefault]), terminal)
    }

    @Test func fullLayoutShowsFilmImageRasterOccupancy() throws {
        let (app, terminal) = try Self.app()
        for _ in 0..<30 { app.advanceAndDraw() }
        let text = terminal.lastFrame
        for needle in ["film strip: latest dreams", "current dream", "dreaming network, Poisson: visible", "classes dreamed vs data",
                       "classified ", "held-out data", "show: dream (0) / completion (1)"] {
            #expect(text.contains(needle), "missing \(needle)")
        }
        #expect(text.contains("▀") || text.contains("█"))
    }

    @Test func smallTerminalsDegrade() throws {
        let (medium, mediumTerminal) = try Self.app(width: 70, height: 20)
        medium.advanceAndDraw()
        #expect(mediumTerminal.lastFrame.contains("film strip"))
        #expect(!mediumTerminal.lastFrame.contains("classes dreamed"))
        let (small, smallTerminal) = try Self.app(width: 34, height: 12)
        small.advanceAndDraw()
        #expect(smallTerminal.lastFrame.contains("current dream"))
    }
}
