import Canvas
import Foundation
import Scenarios
import SpikeCore
import Testing
@testable import App

/// The least-action and teacher-student screens with the fake terminal: full layout at
/// 100x30 and 200x60, degraded layouts down to the minimum size, the switches, the headless figures.
@Suite struct LeastActionScreenTests {
    static func scenario(_ name: String) throws -> Scenario {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try ScenarioLocator.load(path: root.appendingPathComponent("scenarios/\(name).toml").path)
    }

    static func app(_ name: String, width: Int = 100, height: Int = 30) throws -> (SpikettyApp, FakeTerminal) {
        let terminal = FakeTerminal(width: width, height: height)
        let app = SpikettyApp(scenario: try scenario(name), seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
        return (app, terminal)
    }

    static func braille(_ text: String) -> Bool { text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } }
    static func halfBlocks(_ text: String) -> Bool { text.contains("▀") || text.contains("▄") || text.contains("█") }

    @Test func leastActionFullLayout() throws {
        let (app, terminal) = try Self.app("least-action")
        for _ in 0..<10 { app.advanceAndDraw() }
        let text = terminal.lastFrame
        for needle in ["Learning by least action", "oscilloscope: target and output", "hidden activity", "running error and energy",
                       "slide equations · hidden unit 0", "τ du/dt = W r − u + e", "e = r′ · Wᵀ(ŭ − W r)", "ẇ = η (ŭ − W r) r_pre",
                       "prospective coding", "nudged β=0.1", "q quit"] {
            #expect(text.contains(needle), "missing \(needle)")
        }
        #expect(Self.braille(text))
        #expect(Self.halfBlocks(text))
    }

    @Test func leastActionBigAndDegraded() throws {
        let (big, bigTerminal) = try Self.app("least-action", width: 200, height: 60)
        big.advanceAndDraw()
        #expect(bigTerminal.lastFrame.contains("neuron dynamics:"))
        #expect(bigTerminal.lastFrame.contains("Urbanczik–Senn plasticity:"))
        #expect(bigTerminal.lastFrame.contains("Latent Equilibrium"))
        let (medium, mediumTerminal) = try Self.app("least-action", width: 70, height: 18)
        medium.advanceAndDraw()
        #expect(mediumTerminal.lastFrame.contains("oscilloscope"))
        #expect(mediumTerminal.lastFrame.contains("τ du/dt = W r − u + e"))
        #expect(!mediumTerminal.lastFrame.contains("hidden activity"))
        let (small, smallTerminal) = try Self.app("least-action", width: 40, height: 12)
        small.advanceAndDraw()
        #expect(smallTerminal.lastFrame.contains("oscilloscope"))
        #expect(!smallTerminal.lastFrame.contains("figures"))
        let (tiny, tinyTerminal) = try Self.app("least-action", width: 39, height: 12)
        tiny.advanceAndDraw()
        #expect(tinyTerminal.lastFrame.contains("too small"))
    }

    @Test func switchesToggleWithTheArrowKeys() throws {
        let (app, terminal) = try Self.app("least-action")
        #expect(app.experiment.parameters[app.state.selectedParameter].key == "prospective")
        app.handle(.key(.left))
        #expect(app.experiment.parameters[0].value == 0)
        app.handle(.key(.down))
        app.handle(.key(.left))
        #expect(app.experiment.parameters[1].value == 0)
        app.advanceAndDraw()
        #expect(terminal.lastFrame.contains("free β=0"))
        app.handle(.key(.right))
        #expect(app.experiment.parameters[1].value == 1)
    }

    @Test func teacherStudentFullLayout() throws {
        let (app, terminal) = try Self.app("teacher-student")
        for _ in 0..<10 { app.advanceAndDraw() }
        let text = terminal.lastFrame
        for needle in ["Teacher and student", "teacher and student output", "student hidden activity",
                       "learning while the input streams", "τ du/dt = W r − u + e", "plasticity (0/1)", "q quit"] {
            #expect(text.contains(needle), "missing \(needle)")
        }
        #expect(Self.braille(text))
        let (big, bigTerminal) = try Self.app("teacher-student", width: 200, height: 60)
        big.advanceAndDraw()
        #expect(bigTerminal.lastFrame.contains("error backpropagation:"))
        let (small, smallTerminal) = try Self.app("teacher-student", width: 40, height: 12)
        small.advanceAndDraw()
        #expect(smallTerminal.lastFrame.contains("teacher and student output"))
    }

    @Test func zoomShowsTheFocusedPaneAlone() throws {
        let (app, terminal) = try Self.app("least-action")
        app.handle(.key(.tab))
        app.handle(.key(.tab))
        app.handle(.key(.tab))
        app.handle(.key(.character("e")))
        app.advanceAndDraw()
        #expect(terminal.lastFrame.contains("neuron dynamics:"))
        #expect(!terminal.lastFrame.contains("oscilloscope"))
    }

    @Test func headlessReportsTheDocumentedFigures() throws {
        let la = try Self.scenario("least-action")
        let report = HeadlessReport.run(la, durationMs: 30)
        for name in la.kind.figureNames { #expect(report.table.contains(name), "missing \(name)") }
        let ts = try Self.scenario("teacher-student")
        let tsReport = HeadlessReport.run(ts, durationMs: 2500)
        for name in ts.kind.figureNames {
            #expect(tsReport.readout.figure(name)?.isFinite == true, "figure \(name) not a number")
        }
        #expect((tsReport.readout.figure("feedforward_max_abs_diff") ?? 1) < 1e-9)
    }
}
