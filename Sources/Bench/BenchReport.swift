import Foundation

/// Everything one `spiketty bench` invocation measured, as tables or JSON.
public struct BenchReport: Codable, Sendable {
    public struct FrameResult: Codable, Sendable {
        public var scenario: String
        public var size: String
        public var frames: Int
        /// The frame rate measured at (`--fps`): each frame simulates speed × 1000/N ms.
        public var framesPerSecond: Int
        /// Mean wall ms per frame: simulating the frame's biological time, drawing the screen
        /// into the cell buffer, and presenting it to the terminal (diff and output).
        public var simulateMs: Double
        public var drawMs: Double
        public var presentMs: Double
        /// Mean CPU ms per frame of the thread that draws and presents (user + system).
        public var drawCpuMs: Double
        public var presentCpuMs: Double
        /// Bytes sent to the terminal for the first (full) frame and per later frame.
        public var firstFrameBytes: Int
        public var bytesPerFrame: Double
        /// Share of one core that drawing and presenting take at `framesPerSecond` frames per second.
        public var renderCoreShare: Double { (drawMs + presentMs) * Double(framesPerSecond) / 1000 }
        /// The same from CPU time: the share of a core the drawing thread really uses.
        public var renderCpuShare: Double { (drawCpuMs + presentCpuMs) * Double(framesPerSecond) / 1000 }
        /// Frames per second the app could sustain (simulation + drawing + present).
        public var sustainableFps: Double { 1000 / max(simulateMs + drawMs + presentMs, 1e-9) }
            public init(scenario: String, size: String, frames: Int, framesPerSecond: Int, simulateMs: Double, drawMs: Double, presentMs: Double,
                    drawCpuMs: Double, presentCpuMs: Double, firstFrameBytes: Int, bytesPerFrame: Double) {
            self.scenario = scenario
            self.size = size
            self.frames = frames
            self.framesPerSecond = framesPerSecond
            self.simulateMs = simulateMs
            self.drawMs = drawMs
            self.presentMs = presentMs
            self.drawCpuMs = drawCpuMs
            self.presentCpuMs = presentCpuMs
            self.firstFrameBytes = firstFrameBytes
            self.bytesPerFrame = bytesPerFrame
        }
    }

    public struct PeerResult: Codable, Sendable {
        public var simulator: String
        public var version: String?
        /// Simulate-call wall time, s (nil when the peer did not run).
        public var seconds: Double?
        public var spikes: Int?
        /// Why it did not run.
        public var note: String?
        public init(simulator: String, version: String?, seconds: Double?, spikes: Int?, note: String?) {
            self.simulator = simulator
            self.version = version
            self.seconds = seconds
            self.spikes = spikes
            self.note = note
        }
    }

    public struct Comparison: Codable, Sendable {
        public var workload: String
        public var oursS: Double
        public var oursSpikes: Int
        public var peers: [PeerResult] = []
        public init(workload: String, oursS: Double, oursSpikes: Int) {
            self.workload = workload
            self.oursS = oursS
            self.oursSpikes = oursSpikes
        }
    }

    public var loadAverageBefore: Double?
    public var loadAverageAfter: Double?
    /// Threads our step loop was allowed (`spiketty bench --threads`).
    public var threads = 1
    public var results: [BenchRunner.Result] = []
    public var frames: [FrameResult] = []
    public var comparisons: [Comparison] = []

    public init(loadAverageBefore: Double?) {
        self.loadAverageBefore = loadAverageBefore
    }

    public static func loadAverage() -> Double? { ProcessMeter.loadAverage() }

    /// The human-readable tables.
    public func table() -> String {
        var lines: [String] = []
        let load = [loadAverageBefore, loadAverageAfter].map { $0.map { String(format: "%.2f", $0) } ?? "?" }
        lines.append("load average (1 min) before \(load[0]), after \(load[1]); \(ProcessInfo.processInfo.activeProcessorCount) cores; step loop threads \(threads)")
        if !results.isEmpty {
            lines.append("")
            lines.append(pad("workload", 12) + pad("reps", 5) + pad("wall med s", 11) + pad("min", 9) + pad("max", 9)
                         + pad("cpu med s", 10) + pad("updates/s", 11) + pad("x real time", 12) + pad("peak MiB", 9) + "spikes")
            for r in results {
                lines.append(pad(r.workload, 12) + pad("\(r.repetitions)", 5) + pad(f(r.wallMedianS), 11) + pad(f(r.wallMinS), 9)
                             + pad(f(r.wallMaxS), 9) + pad(f(r.cpuMedianS), 10) + pad(e(r.neuronUpdatesPerSecond), 11)
                             + pad(String(format: "%.1f", r.realTimeFactor), 12) + pad(String(format: "%.1f", r.peakMemoryMiB), 9)
                             + "\(r.spikes)")
            }
        }
        if !comparisons.isEmpty {
            lines.append("")
            lines.append("side by side (simulate call only, wall s; ratio = peer / spiketty)")
            for c in comparisons {
                var row = pad(c.workload, 12) + "spiketty \(f(c.oursS)) (\(c.oursSpikes) spikes)"
                for p in c.peers {
                    if let s = p.seconds {
                        row += " | \(p.simulator) \(p.version ?? "") \(f(s)) s, ratio \(String(format: "%.1f", s / max(c.oursS, 1e-9)))x"
                            + " (\(p.spikes ?? 0) spikes)"
                    } else {
                        row += " | \(p.simulator): \(p.note ?? "not run")"
                    }
                }
                lines.append(row)
            }
        }
        if !frames.isEmpty {
            lines.append("")
            let rates = Set(frames.map(\.framesPerSecond)).sorted().map(String.init).joined(separator: ", ")
            lines.append("frames at \(rates) fps (mean per frame; render = draw + present; core share at that frame rate, from wall and from CPU time)")
            lines.append(pad("scenario", 26) + pad("size", 9) + pad("simulate ms", 12) + pad("draw ms", 9) + pad("present ms", 11)
                         + pad("render share", 13) + pad("draw cpu", 9) + pad("pres cpu", 9) + pad("cpu share", 10)
                         + pad("bytes/frame", 12) + pad("first frame B", 14) + "sustainable fps")
            for r in frames {
                lines.append(pad(r.scenario, 26) + pad(r.size, 9) + pad(String(format: "%.3f", r.simulateMs), 12)
                             + pad(String(format: "%.3f", r.drawMs), 9) + pad(String(format: "%.3f", r.presentMs), 11)
                             + pad(String(format: "%.1f%%", r.renderCoreShare * 100), 13)
                             + pad(String(format: "%.3f", r.drawCpuMs), 9) + pad(String(format: "%.3f", r.presentCpuMs), 9)
                             + pad(String(format: "%.1f%%", r.renderCpuShare * 100), 10)
                             + pad(String(format: "%.0f", r.bytesPerFrame), 12) + pad("\(r.firstFrameBytes)", 14)
                             + String(format: "%.0f", r.sustainableFps))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
    private func f(_ x: Double) -> String { String(format: "%.3f", x) }
    private func e(_ x: Double) -> String { String(format: "%.2e", x) }
}
