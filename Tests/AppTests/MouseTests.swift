import Canvas
import Foundation
import Recording
import Scenarios
import SpikeCore
import Testing
@testable import App

/// The mouse through the fake terminal (issue 11): events go InputEvent → MouseMap → Action
/// like keys; all of them are UI-only and logged as `key` lines a replay redoes.
@Suite struct MouseTests {
    /// The high-conductance app at 120x40 after one drawn frame (so the hit map exists).
    func drawnApp(_ name: String = "high-conductance-state") throws -> (SpikettyApp, FakeTerminal) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try ScenarioLocator.load(path: root.appendingPathComponent("scenarios/\(name).toml").path)
        let terminal = FakeTerminal(width: 120, height: 40)
        let app = SpikettyApp(scenario: scenario, seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
        app.advanceAndDraw()
        return (app, terminal)
    }

    func centre(_ r: Rect) -> (x: Int, y: Int) { (r.x + r.width / 2, r.y + r.height / 2) }

    @Test func clickFocusesThePaneUnderIt() throws {
        let (app, _) = try drawnApp()
        #expect(app.hits.panes.map(\.pane) == [0, 1, 2, 3])
        for (pane, area) in app.hits.panes.reversed() where pane != 0 {
            let c = centre(area)
            app.handle(.mouse(MouseEvent(.press, x: c.x, y: c.y)))
            #expect(app.state.focusedPane == pane)
        }
        app.handle(.mouse(MouseEvent(.press, x: 5, y: 0)))   // the title bar: no pane
        #expect(app.state.focusedPane == 1)
        let border = app.hits.panes[1].area
        app.advanceAndDraw()
        let focusColour = app.theme.reduced(to: app.terminalDepth).style(.hotkey).foreground
        #expect(app.render()[border.x, border.y].style.foreground == focusColour, "the clicked pane's outline is in the focus colour")
        #expect(app.render()[app.hits.panes[2].area.x, app.hits.panes[2].area.y].style.foreground != focusColour)
    }

    @Test func wheelZoomsTheTimeAxesWithinBoundsAndOnlyOverTimePlots() throws {
        let (app, terminal) = try drawnApp()
        let raster = centre(app.hits.rasters[0].plot)
        let figures = centre(app.hits.panes[3].area)
        app.handle(.mouse(MouseEvent(.wheelUp, x: figures.x, y: figures.y)))
        #expect(app.state.timeZoom == 1, "the figures pane has no time axis")
        app.handle(.mouse(MouseEvent(.wheelUp, x: raster.x, y: raster.y)))
        #expect(app.state.timeZoom == 2)
        #expect(app.state.message?.contains("1/2") == true)
        for _ in 0..<10 { app.handle(.mouse(MouseEvent(.wheelUp, x: raster.x, y: raster.y))) }
        #expect(app.state.timeZoom == AppState.timeZoomRange.upperBound)
        // Zoomed, the raster shows the last 1/64 of its window: tick labels of a window < 10 ms.
        app.advanceAndDraw()
        let readout = app.experiment.readout()
        let r = try #require(readout.raster)
        let context = ScreenContext(theme: .builtInDefault, focusedPane: 0, zoomed: false, parameters: [], selectedParameter: 0,
                                    scenario: app.scenario, logScale: true, timeZoom: app.state.timeZoom)
        let widget = r.widget(context, unit: 1000, timeAxisTitle: "time (s)")
        #expect(abs((widget.timeEnd - widget.timeStart) - (r.endMs - r.startMs) / 1000 / 64) < 1e-12)
        #expect(widget.timeEnd == r.endMs / 1000)
        for _ in 0..<10 { app.handle(.mouse(MouseEvent(.wheelDown, x: raster.x, y: raster.y))) }
        #expect(app.state.timeZoom == 1)
        // The trace pane zooms too: its points cover the last 1/4 of the trace window.
        let traces = centre(app.hits.panes[2].area)
        app.handle(.mouse(MouseEvent(.wheelUp, x: traces.x, y: traces.y)))
        app.handle(.mouse(MouseEvent(.wheelUp, x: traces.x, y: traces.y)))
        #expect(app.state.timeZoom == 4)
        _ = terminal
    }

    @Test func clickOnARasterRowShowsThatNeuronsMembranePotential() throws {
        let (app, terminal) = try drawnApp()
        let rows = app.hits.rasters[0]
        let row = try #require(rows.neurons.firstIndex { ($0 ?? -1) >= 20 })
        let neuron = try #require(rows.neurons[row])
        app.handle(.mouse(MouseEvent(.press, x: rows.plot.x + 3, y: rows.plot.y + row)))
        #expect(app.state.probedNeuron == neuron)
        for _ in 0..<6 { app.advanceAndDraw() }
        #expect(terminal.lastFrame.contains("neuron \(neuron) · membrane potential"))
        let probe = try #require((app.experiment as? MembraneProbing)?.probedMembrane())
        #expect(probe.neuron == neuron && probe.trace.label == "neuron \(neuron)")
        // Sampled since the click, every 0.1 ms (200 ms window / 2000 samples), between the
        // inhibitory and excitatory reversal potentials.
        #expect(probe.trace.values.count > 10)
        #expect(probe.trace.values.allSatisfy { (-80.0)...0.0 ~= $0 })
        // A neuron the experiment traces anyway is read from its own recorder: same samples.
        app.handle(.mouse(MouseEvent(.press, x: rows.plot.x + 3, y: rows.plot.y)))
        #expect(app.state.probedNeuron == 0)
        app.advanceAndDraw()
        let own = try #require(app.experiment.readout().traces.first)
        let probed = try #require((app.experiment as? MembraneProbing)?.probedMembrane())
        #expect(probed.trace.values == own.values && probed.trace.startMs == own.startMs)
        // A click on the overlay closes it; so does Esc.
        let overlay = try #require(app.hits.probeOverlay)
        app.handle(.mouse(MouseEvent(.press, x: overlay.x + 2, y: overlay.y + 2)))
        #expect(app.state.probedNeuron == nil)
        app.advanceAndDraw()
        #expect(!terminal.lastFrame.contains("· membrane potential") && app.hits.probeOverlay == nil)
        app.handle(.mouse(MouseEvent(.press, x: rows.plot.x + 3, y: rows.plot.y)))
        #expect(app.handle(.key(.escape)) == nil)
        #expect(app.state.probedNeuron == nil && !app.state.quitRequested)
    }

    /// Probing records only: the same frames with and without a probe end in the same state.
    @Test func probingDoesNotChangeTheSimulation() throws {
        let (probed, _) = try drawnApp()
        let (plain, _) = try drawnApp()
        let rows = probed.hits.rasters[0]
        let row = try #require(rows.neurons.firstIndex { ($0 ?? -1) >= 20 })
        probed.handle(.mouse(MouseEvent(.press, x: rows.plot.x + 1, y: rows.plot.y + row)))
        for _ in 0..<5 { probed.advanceAndDraw(); plain.advanceAndDraw() }
        #expect(probed.experiment.stateChecksum() == plain.experiment.stateChecksum())
        #expect(probed.experiment.timeMs == plain.experiment.timeMs)
    }

    @Test func aKindWithoutMembranePotentialsSaysSo() throws {
        let (app, terminal) = try drawnApp("noise-sources")
        let rows = try #require(app.hits.rasters.first)
        let row = try #require(rows.neurons.firstIndex { $0 != nil })
        app.handle(.mouse(MouseEvent(.press, x: rows.plot.x + 1, y: rows.plot.y + row)))
        #expect(app.state.message?.contains("no membrane potential") == true)
        app.advanceAndDraw()
        #expect(terminal.lastFrame.contains("has no membrane potential to show"))
    }

    @Test func aClickClosesTheHelpFirst() throws {
        let (app, _) = try drawnApp()
        app.handle(.key(.character("?")))
        #expect(app.state.showHelp)
        let c = centre(app.hits.panes[2].area)
        app.handle(.mouse(MouseEvent(.press, x: c.x, y: c.y)))
        #expect(!app.state.showHelp && app.state.focusedPane == 0)
    }

    /// Mouse actions are UI-only, logged as `key` lines under their own names, and a replay
    /// of the log redoes them (focus, zoom, probe), ending on the same screen.
    @Test func mouseActionsAreLoggedAndReplayed() throws {
        for action in [Action.focusPane(2), .zoomTimeIn, .zoomTimeOut, .probeNeuron(17), .closeProbe] {
            #expect(action.isUIOnly)
            #expect(Action(mouseLogName: String(describing: action)) == action)
        }
        #expect(Action(mouseLogName: "focusPane(x)") == nil && Action(mouseLogName: "quit") == nil)

        let (app, _) = try drawnApp()
        let text = try String(contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios/high-conductance-state.toml").path, encoding: .utf8)
        let memory = MemoryLog()
        app.recorder = SessionRecorder(
            header: SessionRecorder.header(for: app, scenarioText: text, mode: "live", appVersion: "test", build: "test",
                                           createdUTC: "", checksumEvery: 2, figuresEvery: 0, spikes: false),
            sink: memory)
        let traces = centre(app.hits.panes[2].area)
        let rows = app.hits.rasters[0]
        app.handle(.mouse(MouseEvent(.press, x: traces.x, y: traces.y)))
        app.handle(.mouse(MouseEvent(.wheelUp, x: traces.x, y: traces.y)))
        app.handle(.mouse(MouseEvent(.press, x: rows.plot.x, y: rows.plot.y + 4)))
        for _ in 0..<4 { app.advanceAndDraw() }
        app.finishRecording(.quit)
        #expect(memory.text.contains("click@\(traces.x),\(traces.y)\tfocusPane(2)"))
        #expect(memory.text.contains("wheelup@\(traces.x),\(traces.y)\tzoomTimeIn"))
        let log = try SessionLogReader.read(memory.text)
        let replay = OffscreenTerminal(width: 120, height: 40, colorDepth: .palette256)
        let playback = try SessionPlayback(log: log, logPath: "mouse", terminal: replay, themes: [Theme.builtInDefault])
        playback.playToEnd()
        #expect(playback.divergence == nil)
        #expect(playback.app.state.focusedPane == 2 && playback.app.state.timeZoom == 2)
        #expect(playback.app.state.probedNeuron == app.state.probedNeuron && app.state.probedNeuron != nil)
    }
}
