import Canvas
import Foundation
import Scenarios
import SpikeCore
import Testing
@testable import App

/// The mixing screens replay their stream rows and free-energy pane while a frame brings no new
/// sample (PaneReplay, issue 13). Every frame drawn with the replays must equal the frame a fresh
/// screen (nothing to replay) draws from the same readout, through focus, zoom, time zoom and
/// resize changes.
@Suite struct MixingScreenReplayTests {
    @Test(arguments: ["stp-mixing", "oscillations"])
    func replayedFramesEqualFreshlyDrawnOnes(_ name: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try ScenarioLocator.load(path: root.appendingPathComponent("scenarios/\(name).toml").path)
        let terminal = FakeTerminal(width: 200, height: 60, depth: .palette256)
        let app = SpikettyApp(scenario: scenario, seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
        let warm = app.screen
        app.state.speed = 0.1   // a sample every few frames, so that both paths run
        for frame in 0..<48 {
            switch frame {
            case 12: app.state.focusedPane = MixingScreen.Pane.energy.rawValue
            case 18: app.state.focusedPane = MixingScreen.Pane.streams.rawValue
            case 24: app.state.timeZoom = 2
            case 30: app.state.zoomed = true
            case 34: app.state.zoomed = false
            case 38: terminal.size = (120, 40)
            default: break
            }
            app.experiment.advance(by: app.frameBiologicalMs)
            app.screen = warm
            let replayed = app.render()
            app.screen = ScreenFactory.make(for: scenario)
            let fresh = app.render()
            #expect(replayed == fresh, "\(name) frame \(frame): the replayed panes differ from freshly drawn ones")
        }
        let replays = try #require((warm as? MixingScreen)?.replays)
        // Both paths ran.
        #expect(replays.streams.replays > 5 && replays.streams.draws > 5)
        #expect(replays.freeEnergy.replays > 5 && replays.freeEnergy.draws > 5)
    }

    /// A replay needs the same cells below: a pane drawn over different cells is drawn again.
    @Test func differentCellsBelowAreDrawnAgain() {
        let replay = PaneReplay<Int, Void>()
        let area = Rect(x: 1, y: 1, width: 3, height: 2)
        func frame(_ below: Character) -> CellBuffer {
            var b = CellBuffer(lines: Array(repeating: String(repeating: below, count: 6), count: 4))
            replay.draw(7, area: area, into: &b) { b in
                b.put("+", x: 1, y: 1)   // reads nothing, but the cells it leaves must be the ones below
            }
            return b
        }
        #expect(frame(".").lines == ["......", ".+....", "......", "......"])
        #expect(frame(".").lines == ["......", ".+....", "......", "......"])
        #expect(replay.replays == 1)
        #expect(frame("x").lines == ["xxxxxx", "x+xxxx", "xxxxxx", "xxxxxx"])
        #expect(replay.draws == 2)
    }
}
