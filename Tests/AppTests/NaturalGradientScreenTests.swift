import Canvas
import Foundation
import Scenarios
import SpikeCore
import Testing
@testable import App

/// A shipped scenario by name, loaded the way the app loads it.
private func shippedScenario(_ name: String) throws -> Scenario {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try ScenarioLocator.load(path: root.appendingPathComponent("scenarios/\(name).toml").path)
}

private func app(_ name: String, width: Int = 100, height: Int = 30, depth: ColorDepth = .palette256) throws -> (SpikettyApp, FakeTerminal) {
    let terminal = FakeTerminal(width: width, height: height, depth: depth)
    return (SpikettyApp(scenario: try shippedScenario(name), seed: nil, terminal: terminal, themes: [Theme.builtInDefault]), terminal)
}

private func hasBraille(_ text: String) -> Bool { text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } }

/// The which-way-is-down and natural-gradient screens at the sizes users have.
@Suite struct NaturalGradientScreenTests {
    @Test func whichWayIsDownFullLayout() throws {
        let (a, t) = try app("which-way-is-down")
        for _ in 0..<20 { a.advanceAndDraw() }
        let text = t.lastFrame
        #expect(text.contains("Which way is down?"))
        #expect(text.contains("expected cost"))
        #expect(text.contains("downhill in which metric?"))
        #expect(text.contains("Δw = −η G(w)⁻¹ ∇C(w)"))
        #expect(text.contains("cost along the paths"))
        #expect(text.contains("Euclid") && text.contains("natural"))
        #expect(text.contains("◆"))  // the target
        #expect(text.contains("●"))  // the paths' heads
        #expect(text.unicodeScalars.contains { "→↗↑↖←↙↓↘".unicodeScalars.contains($0) })  // arrows
        #expect(text.contains("α of input 1"))
        #expect(hasBraille(text))
    }

    @Test func whichWayIsDownAlphaKeyRestartsThePaths() throws {
        let terminal = FakeTerminal(width: 100, height: 30, script: [[], [.key(.left)]])
        let a = SpikettyApp(scenario: try shippedScenario("which-way-is-down"), seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
        a.advanceAndDraw()
        a.perform(.decreaseParameter)
        a.advanceAndDraw()
        #expect(a.experiment.parameters[0].value == 0.8)
        #expect(terminal.lastFrame.contains("Euclid, old α"))
    }

    @Test func naturalGradientFullLayout() throws {
        let (a, t) = try app("natural-gradient")
        for _ in 0..<5 { a.advanceAndDraw() }
        let text = t.lastFrame
        #expect(text.contains("Natural-gradient learning"))
        #expect(text.contains("N = 2: paths"))
        #expect(text.contains("N = 100: rate RMSE"))
        #expect(text.contains("time to halve RMSE"))
        #expect(text.contains("α of the 50-Hz synapses"))
        #expect(text.contains("◆"))
        #expect(hasBraille(text))
    }

    @Test(arguments: ["which-way-is-down", "natural-gradient"])
    func degradesToItsMinimumSize(_ name: String) throws {
        // Medium: the main plot and the figures.
        var (a, t) = try app(name, width: 60, height: 16)
        a.advanceAndDraw()
        #expect(t.lastFrame.contains("figures"))
        #expect(!t.lastFrame.contains("too small"))
        // Minimum: one pane, no figures.
        (a, t) = try app(name, width: 40, height: 12)
        a.advanceAndDraw()
        #expect(!t.lastFrame.contains("figures") && !t.lastFrame.contains("too small"))
        #expect(hasBraille(t.lastFrame))
        // Below: the too-small screen names the size needed.
        (a, t) = try app(name, width: 39, height: 12)
        a.advanceAndDraw()
        #expect(t.lastFrame.contains("too small") && t.lastFrame.contains("40"))
    }

    @Test(arguments: ["which-way-is-down", "natural-gradient"])
    func bigTerminalShowsEverythingAndNoColourWorks(_ name: String) throws {
        var (a, t) = try app(name, width: 200, height: 60)
        a.advanceAndDraw()
        #expect(t.lastFrame.contains("Kreutzer"))
        (a, t) = try app(name, depth: ColorDepth.none)
        a.advanceAndDraw()
        let frame = try #require(t.frames.last)
        #expect(frame.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
    }

    @Test func headlessReportsTheDocumentedFigures() throws {
        let scenario = try shippedScenario("which-way-is-down")
        let report = HeadlessReport.run(scenario, durationMs: 2_000_000)
        for name in scenario.kind.figureNames { #expect(report.table.contains(name)) }
        #expect(abs((report.readout.figure("crossing_w2_natural") ?? 0) - 0.30) < 0.015)
        #expect(abs((report.readout.figure("crossing_w2_euclidean") ?? 0) - 0.175) < 0.01)
        let ng = HeadlessReport.run(try shippedScenario("natural-gradient"), durationMs: 20_000)
        for name in NaturalGradientKind.figureNames { #expect(ng.json.contains("\"\(name)\"")) }
        #expect(ng.json.contains("\"rmse_natural_hz\": [[0, "))
    }
}
