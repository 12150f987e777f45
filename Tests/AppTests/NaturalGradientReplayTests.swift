import Canvas
import Foundation
import Scenarios
import SpikeCore
import Testing
@testable import App

/// The natural-gradient screen replays its rules pane while the equations' figures, the pane's
/// focus and the theme stay the same (PaneReplay, issue 13): every frame must equal the frame a
/// fresh screen draws from the same readout, through focus, zoom and resize changes.
@Suite struct NaturalGradientReplayTests {
    @Test func replayedFramesEqualFreshlyDrawnOnes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try ScenarioLocator.load(path: root.appendingPathComponent("scenarios/natural-gradient.toml").path)
        let terminal = FakeTerminal(width: 200, height: 60, depth: .palette256)
        let app = SpikettyApp(scenario: scenario, seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
        let warm = app.screen
        for frame in 0..<40 {
            switch frame {
            case 10: app.state.focusedPane = NaturalGradientScreen.Pane.rules.rawValue
            case 16: app.state.focusedPane = NaturalGradientScreen.Pane.rmse.rawValue
            case 22: app.state.zoomed = true
            case 26: app.state.zoomed = false
            case 30: terminal.size = (120, 40)
            case 34: terminal.size = (200, 60)
            default: break
            }
            // Simulate only every fourth frame: the figures the rules show then stay put.
            if frame % 4 == 0 { app.experiment.advance(by: app.frameBiologicalMs) }
            app.screen = warm
            let replayed = app.render()
            app.screen = ScreenFactory.make(for: scenario)
            let fresh = app.render()
            #expect(replayed == fresh, "frame \(frame): the replayed rules differ from freshly drawn ones")
        }
        let replay = try #require((warm as? NaturalGradientScreen)?.rulesReplay)
        #expect(replay.replays > 5 && replay.draws > 3, "replays \(replay.replays), draws \(replay.draws)")
    }
}
