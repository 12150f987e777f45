import App
import Canvas

/// A terminal for tests: a fixed size, scripted events, and every presented frame kept.
final class FakeTerminal: TerminalIO {
    var size: (width: Int, height: Int)
    var colorDepth: ColorDepth
    /// Events handed out one batch per poll, in order; polls after the script get nothing.
    var script: [[InputEvent]]
    /// Advanced by each poll's timeout, so the frame loop paces itself without real waiting.
    let clock = SteppingClock()
    private(set) var frames: [CellBuffer] = []
    private(set) var polls = 0

    init(width: Int, height: Int, depth: ColorDepth = .palette256, script: [[InputEvent]] = []) {
        size = (width, height)
        colorDepth = depth
        self.script = script
    }

    func present(_ buffer: CellBuffer) { frames.append(buffer) }

    func pollEvents(timeoutMs: Int) -> [InputEvent] {
        polls += 1
        clock.now += Double(max(1, timeoutMs))
        return script.isEmpty ? [] : script.removeFirst()
    }

    var lastFrame: String { frames.last?.text ?? "" }
}

/// A clock that moves only when the fake terminal is polled.
final class SteppingClock: FrameClock {
    var now = 0.0
    func nowMs() -> Double { now }
}
