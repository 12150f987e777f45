import App
import Foundation
import Scenarios
import Testing
@testable import Bench

/// `spiketty bench frames --fps N` measures the frames the live app draws at N frames per
/// second (issue 13): each simulates speed × 1000/N ms, and the core share is N such frames.
@Suite struct TerminalFrameBenchmarkTests {
    static func scenario(_ name: String) throws -> Scenario {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try ScenarioLocator.load(path: root.appendingPathComponent("scenarios/\(name).toml").path)
    }

    /// (One test, the rates in turn: ncurses has one screen per process.)
    @Test func framesSimulateTheBiologicalTimeOfTheirRate() throws {
        let scenario = try Self.scenario("lif-sampling")
        for fps in [30, 60] {
            let r = try TerminalFrameBenchmark.run(scenario, name: "lif-sampling", width: 80, height: 24, frames: 4, framesPerSecond: fps)
            let speed = scenario.number("display", "speed")   // biological ms per wall-clock ms
            #expect(speed > 0)
            #expect(r.framesPerSecond == fps)
            #expect(abs(r.biologicalMsPerFrame - speed * 1000 / Double(fps)) < 1e-9)
            #expect(abs(r.renderCoreShare - (r.drawMs + r.presentMs) * Double(fps) / 1000) < 1e-12)
            #expect(r.firstFrameBytes > 1000, "the first frame paints the whole 80x24 screen")
        }
    }
}
