import App
import Canvas
import Foundation
import Scenarios
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// Frame rendering through the real terminal path (issue 13): the app draws each frame into a
/// cell buffer and `NcursesTerminal` writes the changed cells to a pseudo-terminal of the given
/// size (TERM=xterm-256color), whose other end is drained and counted. Measures the wall time
/// of drawing and of presenting (the changed-cell diff and its output: our own escape writer,
/// or ncurses with SPIKETTY_WRITER=ncurses), and the bytes written per
/// frame after the first (full) one.
public enum TerminalFrameBenchmark {
    public struct Result: Codable, Sendable {
        public var scenario: String
        public var size: String
        public var frames: Int
        /// The frame rate measured at: each frame simulates speed × 1000/N ms of biological time.
        public var framesPerSecond: Int
        /// Biological ms each frame simulated (the scenario's speed × 1000/`framesPerSecond`).
        public var biologicalMsPerFrame: Double
        /// Mean wall ms per frame: simulation, drawing into the cell buffer, present.
        public var simulateMs: Double
        public var drawMs: Double
        public var presentMs: Double
        /// Mean CPU ms per frame of the drawing and presenting thread (user + system time, so
        /// the kernel's share of the terminal writes is in; waiting for the reader is not).
        public var drawCpuMs: Double
        public var presentCpuMs: Double
        /// Bytes the terminal received for the first frame (full redraw) and per later frame.
        public var firstFrameBytes: Int
        public var bytesPerFrame: Double
        /// Share of one core spent drawing and presenting `framesPerSecond` frames per second.
        public var renderCoreShare: Double { (drawMs + presentMs) * Double(framesPerSecond) / 1000 }
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

    /// Runs `frames` frames (after a first, full one) of `scenario` as the live app draws them at
    /// `framesPerSecond` (`spiketty run --fps`).
    public static func run(_ scenario: Scenario, name: String, width: Int, height: Int, frames: Int,
                           framesPerSecond: Int) throws -> Result {
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
        app.framesPerSecond = Double(framesPerSecond)
        var simulate = 0.0, draw = 0.0, present = 0.0, drawCpu = 0.0, presentCpu = 0.0
        var firstBytes = 0
        let clock = MonotonicClock()
        for frame in 0...frames {
            let t0 = clock.nowMs()
            app.experiment.advance(by: app.frameBiologicalMs)
            let t1 = clock.nowMs(), c1 = threadCpuMs()
            let buffer = app.render()
            let t2 = clock.nowMs(), c2 = threadCpuMs()
            terminal.present(buffer)
            let t3 = clock.nowMs(), c3 = threadCpuMs()
            if frame == 0 {
                firstBytes = pty.waitForQuiet()
                pty.resetCount()
            } else {
                simulate += t1 - t0
                draw += t2 - t1
                present += t3 - t2
                drawCpu += c2 - c1
                presentCpu += c3 - c2
            }
        }
        let laterBytes = pty.waitForQuiet()
        let n = Double(max(frames, 1))
        return Result(scenario: name, size: "\(width)x\(height)", frames: frames, framesPerSecond: framesPerSecond,
                      biologicalMsPerFrame: app.frameBiologicalMs, simulateMs: simulate / n,
                      drawMs: draw / n, presentMs: present / n, drawCpuMs: drawCpu / n, presentCpuMs: presentCpu / n,
                      firstFrameBytes: firstBytes,
                      bytesPerFrame: Double(laterBytes) / n)
    }
}

/// CPU time of the calling thread in ms (user + system).
func threadCpuMs() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) * 1e-6
}
