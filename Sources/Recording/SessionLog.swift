/// A session log as read back: header, events in file order (with their line numbers), and
/// how it ended. A log cut off by a crash (even SIGKILL) reads up to its last complete line.
public struct SessionLog: Sendable {
    public var header: SessionHeader
    public var events: [SessionEvent]
    /// 1-based line number of each event, parallel to `events`.
    public var eventLines: [Int]
    /// Number of complete lines (ending in a newline) in the file.
    public var completeLines: Int
    /// Line number of an unfinished last line that was ignored (the writer was killed while
    /// writing it), if any.
    public var truncatedLine: Int?
    /// The `end` reason, if the session closed cleanly.
    public var endReason: String?

    /// Frames the log covers: a clean log up to the frame its `end` line names; a cut-off
    /// log through the last frame whose outputs are in it (a checksum, figures or spikes
    /// are written after their frame was simulated), else up to the last input's frame.
    public var frameCount: Int {
        var frames = 0
        for e in events {
            switch e.kind {
            case .end: frames = max(frames, e.frame)
            case .checksum, .figures, .spike, .fps, .snapshot: frames = max(frames, e.frame + 1)
            default: frames = max(frames, e.frame)
            }
        }
        return frames
    }

    /// The checksum lines: (frame, value, line number).
    public var checksums: [(frame: Int, value: UInt64, line: Int)] {
        zip(events, eventLines).compactMap { e, line in
            if case .checksum(let c) = e.kind { return (e.frame, c, line) } else { return nil }
        }
    }

    /// Spikes in the log, oldest first: (neuron, time in ms).
    public var spikes: [(neuron: Int, timeMs: Double)] {
        events.compactMap { e in
            if case .spike(let n, let t) = e.kind { return (n, t) } else { return nil }
        }
    }
}
