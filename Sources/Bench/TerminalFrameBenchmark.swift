import App
import Canvas
import Foundation
import Scenarios
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// Frame rendering through the real ncurses path (issue 13): the app draws each frame into a
/// cell buffer and `NcursesTerminal` writes the changed cells to a pseudo-terminal of the given
/// size (TERM=xterm-256color), whose other end is drained and counted. Measures the wall time
/// of drawing and of presenting (the ncurses diff and its output), and the bytes written per
/// frame after the first (full) one.
public enum TerminalFrameBenchmark {
    public struct Result: Codable, Sendable {
        public var scenario: String
        public var size: String
        public var frames: Int
        /// Mean wall ms per frame: simulation, drawing into the cell buffer, ncurses present.
        public var simulateMs: Double
        public var drawMs: Double
        public var presentMs: Double
        /// Bytes the terminal received for the first frame (full redraw) and per later frame.
        public var firstFrameBytes: Int
        public var bytesPerFrame: Double
        /// CPU share of one core spent drawing and presenting at 60 frames per second.
        public var renderCoreShareAt60Hz: Double { (drawMs + presentMs) * 60 / 1000 }
    }

    public enum Failure: Error, CustomStringConvertible {
        case pseudoTerminal(String)
        case terminal(String)
        public var description: String {
            switch self {
            case .pseudoTerminal(let why): return "cannot open a pseudo-terminal: \(why)"
            case .terminal(let why): return "cannot start ncurses on the pseudo-terminal: \(why)"
            }
        }
    }

    public static func run(_ scenario: Scenario, name: String, width: Int, height: Int, frames: Int) throws -> Result {
        let pty = try PseudoTerminal(width: width, height: height)
        defer { pty.close() }
        setenv("TERM", "xterm-256color", 1)
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(forcedDepth: nil, input: pty.slave, output: pty.slave)
        } catch {
            throw Failure.terminal("\(error)")
        }
        defer { terminal.shutdown() }
        let app = SpikettyApp(scenario: scenario, seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
        var simulate = 0.0, draw = 0.0, present = 0.0
        var firstBytes = 0
        let clock = MonotonicClock()
        for frame in 0...frames {
            let t0 = clock.nowMs()
            app.experiment.advance(by: app.frameBiologicalMs)
            let t1 = clock.nowMs()
            let buffer = app.render()
            let t2 = clock.nowMs()
            terminal.present(buffer)
            let t3 = clock.nowMs()
            if frame == 0 {
                firstBytes = pty.waitForQuiet()
                pty.resetCount()
            } else {
                simulate += t1 - t0
                draw += t2 - t1
                present += t3 - t2
            }
        }
        let laterBytes = pty.waitForQuiet()
        let n = Double(max(frames, 1))
        return Result(scenario: name, size: "\(width)x\(height)", frames: frames, simulateMs: simulate / n,
                      drawMs: draw / n, presentMs: present / n, firstFrameBytes: firstBytes,
                      bytesPerFrame: Double(laterBytes) / n)
    }
}
