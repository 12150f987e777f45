import Canvas
import Foundation
import Scenarios
import SpikeCore
import Testing
@testable import App

/// The digits lane of the hardware-sampling screen (issue 7): `show_digits` switches the four
/// panes to the digit RBM on the chip, in a 120x40 and an 80x24 terminal.
@Suite(.serialized) struct HardwareDigitsScreenTests {
    static func app(width: Int, height: Int) throws -> (SpikettyApp, FakeTerminal) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try ScenarioLocator.load(path: root.appendingPathComponent("scenarios/hardware-sampling.toml").path)
        let terminal = FakeTerminal(width: width, height: height)
        return (SpikettyApp(scenario: scenario, seed: nil, terminal: terminal, themes: [Theme.builtInDefault]), terminal)
    }

    @Test func digitsLaneFitsBothSizes() throws {
        for (width, height) in [(120, 40), (80, 24)] {
            let (app, terminal) = try Self.app(width: width, height: height)
            app.advanceAndDraw()
            #expect(terminal.lastFrame.contains("D_KL(p*‖p) vs sampled time"))
            try app.experiment.setParameter("show_digits", to: 1)
            app.advanceAndDraw()
            let text = terminal.lastFrame
            #expect(text.contains("digits: label accuracy on held-out images"), "\(width)x\(height)")
            #expect(!text.contains("D_KL(p*‖p) vs sampled time"))
            if width == 120 {
                for needle in ["digits in the loop: accuracy per iteration", "digits RBM weights in units of W", "digits: label accuracy, ideal model"] {
                    #expect(text.contains(needle), "missing \(needle)")
                }
            }
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= width })
        }
    }
}
