import App
import ArgumentParser
import Foundation
import Scenarios

/// `spiketty bench`: what a frame of the live app costs (simulate + draw) at terminal sizes.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the cost of a frame (simulation and drawing) at given terminal sizes.")

    @Argument(help: "Scenario name or path.")
    var scenario: String = ScenarioLocator.defaultScenario

    @Option(help: "Terminal sizes to measure, e.g. 80x24,200x60.")
    var sizes: String = "80x24,200x60"

    @Option(help: "Frames per size.")
    var frames: Int = 300

    func run() throws {
        let loaded = try loadScenarioOrExit(scenario)
        guard (1...100_000).contains(frames) else {
            printError("spiketty: --frames must be in 1...100000, got \(frames)")
            throw ExitCode(2)
        }
        var parsed: [(Int, Int)] = []
        for item in sizes.split(separator: ",") {
            let parts = item.split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, (1...1000).contains(parts[0]), (1...1000).contains(parts[1]) else {
                printError("spiketty: --sizes expects WIDTHxHEIGHT[,WIDTHxHEIGHT...] with 1...1000 each, got '\(item)'")
                throw ExitCode(2)
            }
            parsed.append((parts[0], parts[1]))
        }
        print("scenario \(loaded.name), \(frames) frames per size, frame = \(String(format: "%.3f", loaded.number("display", "speed") * SpikettyApp.framePeriodMs)) ms biological time")
        print("size      simulate_ms  draw_ms  sustainable_fps")
        for (w, h) in parsed {
            let r = FrameBenchmark.run(loaded, width: w, height: h, frames: frames, clock: MonotonicClock())
            print(String(format: "%-9@ %11.3f  %7.3f  %15.0f", "\(w)x\(h)" as NSString, r.simulateMs, r.drawMs, r.sustainableFramesPerSecond))
        }
    }
}
