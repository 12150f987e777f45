import App
import ArgumentParser

/// `--fps N`: frames per second of the live app (run and talk; issue 13). Each frame simulates
/// speed × 1000/N ms, so the biological speed is the same at every rate; more frames cost more
/// CPU time and terminal output (`spiketty bench frames` measures one frame).
struct FrameRateOption: ParsableArguments {
    @Option(name: .customLong("fps"), help: ArgumentHelp(
        "Frames per second drawn live, \(SpikettyApp.framesPerSecondRange.lowerBound)–\(SpikettyApp.framesPerSecondRange.upperBound) (the simulation's speed stays the same).",
        valueName: "n"))
    var framesPerSecond = 30

    func validate() throws {
        let range = SpikettyApp.framesPerSecondRange
        guard range.contains(framesPerSecond) else {
            throw ValidationError("--fps: expected a whole number of frames per second from \(range.lowerBound) to \(range.upperBound), got \(framesPerSecond)")
        }
    }
}
