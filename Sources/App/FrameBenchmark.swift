import Canvas
import Scenarios

/// Measures what one frame of the live app costs, without a terminal: simulating the
/// frame's biological time and drawing the whole screen into a cell buffer, at a given size.
/// (The ncurses blit of the changed cells comes on top; the live title bar shows the
/// frame rate actually reached.)
public enum FrameBenchmark {
    public struct Result: Sendable {
        public var width: Int
        public var height: Int
        public var frames: Int
        /// Mean wall-clock ms per frame spent simulating and drawing.
        public var simulateMs: Double
        public var drawMs: Double
        /// Frames per second the app could sustain if nothing else limited it.
        public var sustainableFramesPerSecond: Double { 1000 / max(1e-9, simulateMs + drawMs) }
    }

    /// Runs `frames` frames of `scenario` at `width`×`height` and the scenario's own speed.
    public static func run(_ scenario: Scenario, width: Int, height: Int, frames: Int, clock: any FrameClock) -> Result {
        let terminal = NullTerminal(width: width, height: height)
        let app = SpikettyApp(scenario: scenario, seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
        var simulate = 0.0, draw = 0.0
        for _ in 0..<frames {
            let t0 = clock.nowMs()
            app.experiment.advance(by: app.frameBiologicalMs)
            let t1 = clock.nowMs()
            terminal.present(app.render())
            let t2 = clock.nowMs()
            simulate += t1 - t0
            draw += t2 - t1
        }
        let n = Double(max(1, frames))
        return Result(width: width, height: height, frames: frames, simulateMs: simulate / n, drawMs: draw / n)
    }
}

/// A terminal that shows nothing (for benchmarks).
final class NullTerminal: TerminalIO {
    let size: (width: Int, height: Int)
    let colorDepth = ColorDepth.palette256
    private(set) var lastCellCount = 0
    init(width: Int, height: Int) { size = (width, height) }
    func present(_ buffer: CellBuffer) { lastCellCount = buffer.cells.count }
    func pollEvents(timeoutMs: Int) -> [InputEvent] { [] }
}
