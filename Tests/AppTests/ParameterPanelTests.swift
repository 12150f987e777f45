import Canvas
import Foundation
import Scenarios
import SpikeCore
import Testing
@testable import App

/// The live parameter panel (issue 11): values with units and allowed ranges, typing a value,
/// resetting to the scenario file's value.
@Suite struct ParameterPanelTests {
    func rate(_ app: SpikettyApp) -> Double? { app.experiment.parameters.first { $0.key == "rate_hz" }?.value }

    func type(_ text: String, into app: SpikettyApp) {
        for c in text.unicodeScalars { app.handle(.key(.character(c))) }
    }

    @Test func theChosenParameterShowsItsRangeAndTheFilesValue() throws {
        let (app, terminal) = try makeApp(width: 120, height: 40)
        app.advanceAndDraw()
        let text = terminal.lastFrame
        #expect(text.contains("▸ background rate (Hz)"))
        #expect(text.contains("range · file 3000 "), "\(text)")
        #expect(text.contains("10 … 20000"), "\(text)")
        let p = try #require(app.experiment.parameters.first { $0.key == "rate_hz" })
        #expect(text.contains(ParameterRows.range(p)))
        #expect(text.contains("↑↓ ←→ 0-9 R: parameters"))
    }

    @Test func typingADigitStartsAValueAndEnterSetsIt() throws {
        let (app, terminal) = try makeApp(width: 120, height: 40)
        type("25", into: app)
        #expect(app.state.parameterEntry == "25")
        app.advanceAndDraw()
        #expect(terminal.lastFrame.contains("25▏"))
        #expect(terminal.lastFrame.contains("Enter sets, Esc cancels"))
        #expect(rate(app) == 3000, "nothing changes before Enter")
        type("00.5", into: app)
        app.handle(.key(.enter))
        #expect(app.state.parameterEntry == nil)
        #expect(rate(app) == 2500.5)
        #expect(app.state.message == "background rate (Hz) = 2500.5")
    }

    @Test func vStartsAnEmptyValueSoNegativeNumbersCanBeTyped() throws {
        let (app, _) = try makeApp()
        app.handle(.key(.up))   // the last parameter: the resting potential (mV)
        #expect(app.experiment.parameters[app.state.selectedParameter].key == "v_rest_mv")
        app.handle(.key(.character("v")))
        #expect(app.state.parameterEntry == "")
        type("-51.5", into: app)
        app.handle(.key(.enter))
        #expect(app.experiment.parameters.first { $0.key == "v_rest_mv" }?.value == -51.5)
    }

    @Test func keysWhileTypingDoNotReachTheKeyMap() throws {
        let (app, _) = try makeApp()
        let speed = app.state.speed
        type("1e3", into: app)   // `e` would expand a pane, `-` would slow down
        app.handle(.key(.character("-")))
        #expect(app.state.zoomed == false)
        #expect(app.state.speed == speed)
        #expect(app.state.parameterEntry == "1e3-")
        app.handle(.key(.backspace))
        #expect(app.state.parameterEntry == "1e3")
        app.handle(.key(.enter))
        #expect(rate(app) == 1000)
    }

    @Test func escapeCancelsWithoutQuittingAndBackspaceOnEmptyCancels() throws {
        let (app, _) = try makeApp()
        type("7", into: app)
        #expect(app.handle(.key(.escape)) == nil)
        #expect(app.state.quitRequested == false)
        #expect(app.state.parameterEntry == nil)
        #expect(rate(app) == 3000)
        type("7", into: app)
        app.handle(.key(.backspace))
        app.handle(.key(.backspace))
        #expect(app.state.parameterEntry == nil)
        #expect(rate(app) == 3000)
    }

    @Test func outOfRangeAndNonNumbersAreRefusedWithTheRange() throws {
        let (app, _) = try makeApp()
        let p = try #require(app.experiment.parameters.first { $0.key == "rate_hz" })
        type("9e99", into: app)
        app.handle(.key(.enter))
        #expect(rate(app) == 3000)
        #expect(app.state.message?.contains("outside") == true, "\(app.state.message ?? "")")
        type("1..2", into: app)
        app.handle(.key(.enter))
        #expect(rate(app) == 3000)
        #expect(app.state.message == "background rate (Hz): \"1..2\" is not a number; expected a number in \(ParameterRows.range(p))")
    }

    @Test func resetPutsTheFilesValueBack() throws {
        let (app, _) = try makeApp()
        app.handle(.key(.right))
        app.handle(.key(.right))
        #expect(rate(app) != 3000)
        app.handle(.key(.character("R")))
        #expect(rate(app) == 3000)
        #expect(app.state.message == "background rate (Hz) = \(String(format6: 3000))")
        app.handle(.key(.character("R")))
        #expect(app.state.message == "background rate (Hz) is at the file's value 3000")
        // The file's value survives a restart and a hardware switch (both rebuild from the file).
        app.handle(.key(.left))
        app.handle(.key(.character("r")))
        #expect(app.fileParameterValues["rate_hz"] == 3000)
    }

    @Test func aScenarioWithoutParametersSaysSo() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("scenarios/high-conductance-state.toml"), encoding: .utf8)
        let scenario = try ScenarioParser.parse(text, file: "x.toml", name: "x")
        final class Frozen: Experiment {
            var timeMs = 0.0
            let stepMs = 0.1
            func advance(by durationMs: Double) { timeMs += durationMs }
            func readout() -> Readout { Readout(timeMs: timeMs) }
            var parameters: [ParameterInfo] { [] }
            func setParameter(_ key: String, to value: Double) throws(ParameterError) { throw .unknown(key: key) }
        }
        let app = SpikettyApp(scenario: scenario, seed: nil, terminal: FakeTerminal(width: 100, height: 30),
                              themes: [Theme.builtInDefault], experiment: Frozen())
        app.handle(.key(.character("3")))
        #expect(app.state.parameterEntry == nil)
        app.handle(.key(.character("v")))
        #expect(app.state.parameterEntry == nil)
        #expect(app.state.message == "high-conductance-state has no live parameters")
    }

    /// A figures pane with more figures than rows keeps every parameter row (the figures are cut),
    /// and a pane too small even for those shows the chosen parameter with its range.
    @Test func parametersKeepTheirRowsWhenFiguresOverflow() throws {
        let (app, _) = try makeApp(width: 120, height: 40)
        let parameters = app.experiment.parameters
        #expect(parameters.count >= 3)
        let figures = (0..<40).map { Figure(name: "f\($0)", value: Double($0), label: "figure \($0)") }
        let readout = Readout(timeMs: 0, figures: figures)
        func render(height: Int, selected: Int) -> String {
            let context = ScreenContext(theme: .builtInDefault, focusedPane: 0, zoomed: false, parameters: parameters,
                                        selectedParameter: selected, scenario: app.scenario, logScale: true, timeZoom: 1)
            var buffer = CellBuffer(width: 60, height: height)
            FiguresPane(primary: figures.map(\.name)).render(readout, context: context, focused: false, into: &buffer,
                                                            area: Rect(x: 0, y: 0, width: 60, height: height))
            return buffer.text
        }
        let tall = render(height: 14, selected: 1)
        for p in parameters { #expect(tall.contains(p.label), "\(p.label) in\n\(tall)") }
        #expect(tall.contains("figure 0") && !tall.contains("figure 30"))
        let last = parameters.count - 1
        let small = render(height: 4, selected: last)
        #expect(small.contains("▸ " + parameters[last].label), "\(small)")
        #expect(small.contains(ParameterRows.range(parameters[last])), "\(small)")
        #expect(!small.contains("figure 0"))
    }
}
