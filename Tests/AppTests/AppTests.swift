import Canvas
import Foundation
import Scenarios
import SpikeCore
import Testing
@testable import App

/// The shipped default scenario, loaded the way the app loads it.
func defaultScenario() throws -> Scenario {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try ScenarioLocator.load(path: root.appendingPathComponent("scenarios/high-conductance-state.toml").path)
}

func makeApp(width: Int = 100, height: Int = 30, depth: ColorDepth = .palette256,
             script: [[InputEvent]] = []) throws -> (SpikettyApp, FakeTerminal) {
    let terminal = FakeTerminal(width: width, height: height, depth: depth, script: script)
    let app = SpikettyApp(scenario: try defaultScenario(), seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
    return (app, terminal)
}

private func containsBraille(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }
}

@Suite struct AppScreenTests {
    @Test func fullLayoutShowsAllFourPanes() throws {
        let (app, terminal) = try makeApp()
        for _ in 0..<10 { app.advanceAndDraw() }
        let text = terminal.lastFrame
        #expect(text.contains("The high-conductance state"))
        #expect(text.contains("spike raster"))
        #expect(text.contains("free membrane potential"))
        #expect(text.contains("membrane potential vs threshold"))
        #expect(text.contains("mean free V"))
        #expect(text.contains("background rate (Hz)"))
        #expect(text.contains("q quit"))
        #expect(containsBraille(text))
    }

    @Test func mediumLayoutDropsPanesBeforeRefusing() throws {
        let (app, terminal) = try makeApp(width: 60, height: 16)
        app.advanceAndDraw()
        let text = terminal.lastFrame
        #expect(text.contains("spike raster"))
        #expect(text.contains("figures"))
        #expect(!text.contains("free membrane potential"))
    }

    @Test func smallestLayoutIsTheRasterAlone() throws {
        let (app, terminal) = try makeApp(width: 40, height: 10)
        app.advanceAndDraw()
        #expect(terminal.lastFrame.contains("spike raster"))
        #expect(!terminal.lastFrame.contains("figures"))
    }

    @Test func tooSmallTerminalSaysWhatIsNeeded() throws {
        let (app, terminal) = try makeApp(width: 30, height: 8)
        app.advanceAndDraw()
        #expect(terminal.lastFrame.contains("too small"))
        #expect(terminal.lastFrame.contains("40"))
    }

    @Test func bigTerminalHasRoomForTheExplanation() throws {
        let (app, terminal) = try makeApp(width: 200, height: 60)
        app.advanceAndDraw()
        #expect(terminal.lastFrame.contains("high-conductance"))
        #expect(terminal.lastFrame.contains("excitatory"))
    }

    @Test func withoutColourNoCellHasAColour() throws {
        let (app, terminal) = try makeApp(depth: ColorDepth.none)
        app.advanceAndDraw()
        let frame = try #require(terminal.frames.last)
        #expect(frame.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
        #expect(frame.cells.contains { $0.style.attributes.contains(.reverse) })
    }
}

@Suite struct AppKeyTests {
    @Test func helpOpensAndAnyKeyClosesIt() throws {
        let (app, terminal) = try makeApp()
        app.handle(.key(.character("?")))
        app.advanceAndDraw()
        #expect(terminal.lastFrame.contains("press any key to close"))
        #expect(terminal.lastFrame.contains("restart the scenario"))
        #expect(app.handle(.key(.character("x"))) == nil)
        app.advanceAndDraw()
        #expect(!terminal.lastFrame.contains("press any key to close"))
    }

    @Test func pauseStopsTimeAndStepAdvancesOneFrame() throws {
        let (app, _) = try makeApp()
        app.advanceAndDraw()
        let t0 = app.experiment.timeMs
        #expect(t0 > 0)
        app.handle(.key(.character(" ")))
        app.advanceAndDraw()
        #expect(app.experiment.timeMs == t0)
        app.handle(.key(.character(".")))
        app.advanceAndDraw()
        #expect(abs(app.experiment.timeMs - t0 - app.frameBiologicalMs) < app.experiment.stepMs)
        app.advanceAndDraw()
        #expect(abs(app.experiment.timeMs - t0 - app.frameBiologicalMs) < app.experiment.stepMs)
    }

    @Test func speedKeysScaleByOneAndAHalf() throws {
        let (app, _) = try makeApp()
        let s0 = app.state.speed
        app.handle(.key(.character("+")))
        #expect(abs(app.state.speed - s0 * 1.5) < 1e-12)
        app.handle(.key(.character("-")))
        app.handle(.key(.character("-")))
        #expect(abs(app.state.speed - s0 / 1.5) < 1e-12)
    }

    @Test func quitEscapeAndSignalsStopTheApp() throws {
        let (app, _) = try makeApp()
        #expect(app.handle(.key(.character("q"))) == .quit)
        let (app2, _) = try makeApp()
        app2.handle(.key(.character("e")))
        #expect(app2.state.zoomed)
        #expect(app2.handle(.key(.escape)) == nil)   // Esc first leaves the expanded pane
        #expect(app2.handle(.key(.escape)) == .quit)
        let (app3, _) = try makeApp()
        #expect(app3.handle(.signal(15)) == .signal(15))
    }

    @Test func arrowKeysChangeTheBackgroundRateAndTheTheoryFollows() throws {
        let (app, _) = try makeApp()
        #expect(app.experiment.parameters[app.state.selectedParameter].key == "rate_hz")
        let sd0 = try #require(app.experiment.readout().figure("membrane_sd_theory_mv"))
        app.handle(.key(.right))
        let rate = try #require(app.experiment.parameters.first { $0.key == "rate_hz" }?.value)
        #expect(abs(rate - 3000 * 1.25) < 1e-9)
        let sd1 = try #require(app.experiment.readout().figure("membrane_sd_theory_mv"))
        #expect(sd1 != sd0)
        app.handle(.key(.down))
        #expect(app.experiment.parameters[app.state.selectedParameter].key == "weight_us")
        app.handle(.key(.up))
        app.handle(.key(.up))
        #expect(app.experiment.parameters[app.state.selectedParameter].key == "v_rest_mv")
        app.handle(.key(.left))
        let vRest = try #require(app.experiment.parameters.first { $0.key == "v_rest_mv" }?.value)
        #expect(abs(vRest - (-50.2)) < 1e-9)
    }

    @Test func restartReproducesTheSameRunBitForBit() throws {
        let (app, _) = try makeApp()
        // 20 frames of 8.3 ms: past the 100 ms burn-in, so the measured figures are numbers.
        for _ in 0..<20 { app.advanceAndDraw() }
        let first = app.experiment.readout()
        app.handle(.key(.character("r")))
        #expect(app.experiment.timeMs == 0)
        for _ in 0..<20 { app.advanceAndDraw() }
        let second = app.experiment.readout()
        #expect(first.figure("membrane_sd_mv")?.isFinite == true)
        #expect(first.figures.map(\.name) == second.figures.map(\.name))
        #expect(first.figures.map(\.value.bitPattern) == second.figures.map(\.value.bitPattern))
        #expect(first.raster?.spikeTimesMs == second.raster?.spikeTimesMs)
        #expect(first.raster?.spikeNeurons == second.raster?.spikeNeurons)
    }

    @Test func tabCyclesPanesAndThemesCycle() throws {
        let terminal = FakeTerminal(width: 100, height: 30)
        let app = SpikettyApp(scenario: try defaultScenario(), seed: nil, terminal: terminal,
                              themes: [Theme.builtInDefault, Theme.builtInDefault])
        app.handle(.key(.tab))
        #expect(app.state.focusedPane == 1)
        app.handle(.key(.backTab))
        app.handle(.key(.backTab))
        #expect(app.state.focusedPane == 3)
        app.handle(.key(.character("t")))
        #expect(app.state.themeIndex == 1)
        app.handle(.key(.character("t")))
        #expect(app.state.themeIndex == 0)
    }
}

@Suite struct FrameLoopTests {
    @Test func loopRunsFramesUntilQuit() throws {
        let (app, terminal) = try makeApp(script: [[], [.resize(width: 100, height: 30)], [], [.key(.character("q"))]])
        let reason = app.run(clock: terminal.clock)
        #expect(reason == .quit)
        #expect(terminal.frames.count >= 4)
        // Fixed timestep: each frame covered speed × frame period of biological time.
        let expected = Double(terminal.frames.count) * app.frameBiologicalMs
        #expect(abs(app.experiment.timeMs - expected) <= Double(terminal.frames.count) * app.experiment.stepMs)
    }

    @Test func loopStopsOnSignal() throws {
        let (app, terminal) = try makeApp(script: [[], [.signal(15)]])
        #expect(app.run(clock: terminal.clock) == .signal(15))
    }
}

@Suite struct HeadlessReportTests {
    @Test func jsonHasTheDocumentedFiguresAndParses() throws {
        let scenario = try defaultScenario()
        let report = HeadlessReport.run(scenario, durationMs: 300)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(object["scenario"] as? String == "high-conductance-state")
        #expect(object["seed"] as? Int == 42)
        #expect(object["duration_ms"] as? Double == 300)
        let figures = try #require(object["figures"] as? [String: Any])
        for name in scenario.kind.figureNames {
            #expect(figures[name] is Double, "missing figure \(name)")
        }
        #expect(object["series"] is [String: Any])
    }

    @Test func tableListsEveryFigure() throws {
        let scenario = try defaultScenario()
        let report = HeadlessReport.run(scenario, seed: 7, durationMs: 200)
        #expect(report.table.contains("seed      7"))
        for name in scenario.kind.figureNames { #expect(report.table.contains(name)) }
    }

    @Test func jsonEscapesAndNonFiniteNumbers() {
        #expect(JSONText.string("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
        #expect(JSONText.number(.nan) == "null")
        #expect(JSONText.number(.infinity) == "null")
        #expect(JSONText.number(10000) == "10000")
        #expect(JSONText.number(0.0201) == "0.0201")
    }
}

@Suite struct LIFSamplingScreenTests {
    /// The landscape pane labels the 32 states z0…z4 (engine order) with the cursor on the
    /// network's current state, when the pane is expanded.
    @Test func expandedLandscapeLabelsEveryStateAndMarksTheCurrentOne() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var scenario = try ScenarioLocator.load(path: root.appendingPathComponent("scenarios/lif-sampling.toml").path)
        // A given calibration: no measurement in a unit test.
        scenario.values["calibration"]?["source"] = .text("given")
        let terminal = FakeTerminal(width: 120, height: 36)
        let app = SpikettyApp(scenario: scenario, seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
        for _ in 0..<3 { app.handle(.key(.tab)) }
        app.handle(.key(.character("e")))
        for _ in 0..<20 { app.advanceAndDraw() }
        let text = terminal.lastFrame
        for state in ["00000", "11111", "10100", "01011"] { #expect(text.contains(state), "state \(state) not labelled") }
        let frame = try #require(terminal.frames.last)
        // The cursor cell is drawn reverse + bold.
        #expect(frame.cells.contains { $0.style.attributes.contains(.reverse) && $0.style.attributes.contains(.bold) && $0.character != " " })
    }
}
