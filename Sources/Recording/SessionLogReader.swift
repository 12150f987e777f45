/// Reads a session log (docs/log-format.md). Strict about every complete line (a corrupted
/// one is an error naming the line and what was expected), lenient about an unfinished last
/// line (ignored and reported in `SessionLog.truncatedLine`: the writer was killed mid-line).
public enum SessionLogReader {
    public static func read(_ text: String) throws(SessionLogError) -> SessionLog {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // After the last "\n" there is either nothing (a clean end) or an unfinished line.
        let tail = lines.removeLast()
        let truncated: Int? = tail.isEmpty ? nil : lines.count + 1
        guard let first = lines.first else {
            throw SessionLogError(line: truncated == nil ? 0 : 1,
                                  message: truncated == nil ? "empty file: no header (a recording killed before it wrote its header, or not a session log)"
                                      : "the log ends inside its first line (expected '\(SessionLogFormat.magic)')")
        }
        guard first == SessionLogFormat.magic else {
            throw SessionLogError(line: 1, message: "expected '\(SessionLogFormat.magic)' (not a spiketty session log)")
        }
        var fields: [String: (value: String, line: Int)] = [:]
        var order: [String] = []
        var scenarioLines: [Substring] = []
        var index = 1
        var sawColumns = false
        while index < lines.count {
            let line = lines[index], number = index + 1
            index += 1
            if line.hasPrefix("#| ") || line == "#|" {
                scenarioLines.append(line.dropFirst(line == "#|" ? 2 : 3))
            } else if line.hasPrefix("# ") {
                let body = line.dropFirst(2)
                guard let eq = body.range(of: " = ") else {
                    throw SessionLogError(line: number, message: "expected a header line '# key = value', got '\(line)'")
                }
                let key = String(body[..<eq.lowerBound])
                if fields[key] == nil { order.append(key) }
                fields[key] = (String(body[eq.upperBound...]), number)
                if key == "format" { try checkVersion(String(body[eq.upperBound...]), line: number) }
            } else if line == SessionLogFormat.columns {
                sawColumns = true
                break
            } else {
                throw SessionLogError(line: number, message: "expected a header line ('# key = value', '#| scenario text') "
                                      + "or the column line '\(SessionLogFormat.columns.replacingTabs)', got '\(line)'")
            }
        }
        guard sawColumns else {
            throw SessionLogError(line: truncated ?? lines.count + 1,
                                  message: "the log ends inside its header (no column line '\(SessionLogFormat.columns.replacingTabs)'): the recording was cut off before it started")
        }
        guard fields["format"] != nil else { throw SessionLogError(line: 2, message: "the header has no '# format = stlog N' line") }
        let header = try makeHeader(fields, order: order, scenarioText: scenarioLines.joined(separator: "\n") + "\n", headerEnd: index)

        var events: [SessionEvent] = [], eventLines: [Int] = []
        var endReason: String?
        var lastFrame = 0
        while index < lines.count {
            let number = index + 1
            let line = lines[index]
            index += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if endReason != nil {
                throw SessionLogError(line: number, message: "expected nothing after the 'end' line, got '\(line.replacingTabs)'")
            }
            let event = try parseEvent(line, number: number)
            guard event.frame >= lastFrame else {
                throw SessionLogError(line: number, message: "frame \(event.frame) is before frame \(lastFrame) of an earlier line (frames never go back)")
            }
            lastFrame = event.frame
            if case .end(let reason, _) = event.kind { endReason = reason }
            events.append(event)
            eventLines.append(number)
        }
        return SessionLog(header: header, events: events, eventLines: eventLines, completeLines: lines.count,
                          truncatedLine: truncated, endReason: endReason)
    }

    static func checkVersion(_ value: String, line: Int) throws(SessionLogError) {
        let parts = value.split(separator: " ")
        guard parts.count == 2, parts[0] == "stlog", let v = Int(parts[1]), v >= 1 else {
            throw SessionLogError(line: line, message: "expected '# format = stlog N' with a version N >= 1, got '\(value)'")
        }
        guard v <= SessionLogFormat.version else {
            throw SessionLogError(line: line, message: "the log is format version \(v), newer than this spiketty reads "
                                  + "(version \(SessionLogFormat.version)): update spiketty to replay it", newerVersion: v)
        }
    }

    static func makeHeader(_ f: [String: (value: String, line: Int)], order: [String], scenarioText: String,
                           headerEnd: Int) throws(SessionLogError) -> SessionHeader {
        func need(_ key: String) throws(SessionLogError) -> (value: String, line: Int) {
            guard let v = f[key] else { throw SessionLogError(line: headerEnd, message: "the header has no '\(key)' line") }
            return v
        }
        func number(_ key: String) throws(SessionLogError) -> Double {
            let (v, line) = try need(key)
            guard let d = Double(v), d.isFinite else { throw SessionLogError(line: line, message: "expected a number for \(key), got '\(v)'") }
            return d
        }
        func integer(_ key: String, _ range: ClosedRange<Int>) throws(SessionLogError) -> Int {
            let (v, line) = try need(key)
            guard let i = Int(v), range.contains(i) else {
                throw SessionLogError(line: line, message: "expected a whole number in \(range.lowerBound)...\(range.upperBound) for \(key), got '\(v)'")
            }
            return i
        }
        let (seedText, seedLine) = try need("seed")
        guard let seed = UInt64(seedText) else { throw SessionLogError(line: seedLine, message: "expected a seed (0...2^64-1), got '\(seedText)'") }
        let (size, sizeLine) = try need("terminal")
        let dims = size.split(separator: "x").compactMap { Int($0) }
        guard dims.count == 2, dims.allSatisfy({ (1...10_000).contains($0) }) else {
            throw SessionLogError(line: sizeLine, message: "expected the terminal size as COLUMNSxROWS, got '\(size)'")
        }
        let (spikes, spikesLine) = try need("spikes")
        guard spikes == "on" || spikes == "off" else { throw SessionLogError(line: spikesLine, message: "expected spikes = on or off, got '\(spikes)'") }
        let (neurons, neuronsLine) = try need("neurons")
        guard let neuronCount = neurons.split(separator: " ").first.flatMap({ Int($0) }), neuronCount >= 0 else {
            throw SessionLogError(line: neuronsLine, message: "expected the neuron count, got '\(neurons)'")
        }
        let stepMs = try number("dt_ms"), speed = try number("speed"), period = try number("frame_period_ms")
        guard stepMs > 0, speed > 0, period > 0 else {
            throw SessionLogError(line: try need("speed").line, message: "expected dt_ms, speed and frame_period_ms > 0")
        }
        var h = SessionHeader(
            appVersion: f["app_version"]?.value ?? "unknown", build: f["build"]?.value ?? "unknown",
            createdUTC: f["created_utc"]?.value ?? "", mode: try need("mode").value, scenario: try need("scenario").value,
            scenarioFile: f["scenario_file"]?.value ?? "", scenarioText: scenarioText, seed: seed,
            hardware: try need("hardware").value, terminalWidth: dims[0], terminalHeight: dims[1],
            colorDepth: try integer("color_depth", 0...16_777_216), theme: f["theme"]?.value ?? "", stepMs: stepMs,
            speed: speed, framePeriodMs: period, checksumEveryFrames: try integer("checksum_every_frames", 0...1_000_000),
            figuresEveryFrames: try integer("figures_every_frames", 0...1_000_000), spikes: spikes == "on",
            neurons: neuronCount, onWindowMs: f["on_window_ms"].flatMap { Double($0.value) })
        h.formatVersion = Int(f["format"]!.value.split(separator: " ").last!)!
        if let hash = f["scenario_fnv1a"], hash.value != h.scenarioHash {
            throw SessionLogError(line: hash.line, message: "the scenario text (#| lines) does not match its hash \(hash.value): the header is corrupted")
        }
        let known: Set<String> = ["format", "app_version", "build", "created_utc", "mode", "scenario", "scenario_file",
                                  "scenario_fnv1a", "seed", "hardware", "terminal", "color_depth", "theme", "dt_ms", "speed",
                                  "frame_period_ms", "checksum_every_frames", "figures_every_frames", "spikes", "neurons",
                                  "on_window_ms"]
        h.extra = order.filter { !known.contains($0) }.map { (key: $0, value: f[$0]!.value) }
        return h
    }

    static func parseEvent(_ line: Substring, number: Int) throws(SessionLogError) -> SessionEvent {
        let p = line.split(separator: "\t", omittingEmptySubsequences: false)
        func fail(_ expected: String) -> SessionLogError {
            SessionLogError(line: number, message: "expected \(expected), got '\(line.replacingTabs)'")
        }
        guard p.count >= 4, let frame = Int(p[0]), frame >= 0, let step = Int64(p[1]), let t = Double(p[2]) else {
            throw fail("an event 'frame<TAB>step<TAB>t_ms<TAB>kind<TAB>args' with whole frame and step numbers")
        }
        let args = p.dropFirst(4)
        func arg(_ i: Int) -> Substring? { args.count > i ? args[args.startIndex + i] : nil }
        func count(_ n: Int, _ what: String) throws(SessionLogError) {
            guard args.count == n else { throw fail("'\(p[3])' with \(what)") }
        }
        func exact(_ s: Substring?, _ what: String) throws(SessionLogError) -> Double {
            guard let s, let v = SessionLogFormat.parseExact(s) else { throw fail("'\(p[3])' with \(what)") }
            return v
        }
        let kind: SessionEvent.Kind
        switch p[3] {
        case "key":
            try count(2, "a key name and an action")
            kind = .key(name: String(arg(0)!), action: String(arg(1)!))
        case "param":
            try count(2, "a parameter key and its value")
            kind = .param(key: String(arg(0)!), value: try exact(arg(1), "a parameter key and its value"))
        case "speed":
            try count(1, "one positive number")
            let v = try exact(arg(0), "one positive number")
            guard v > 0, v.isFinite else { throw fail("'speed' with one positive number") }
            kind = .speed(v)
        case "pause": try count(0, "no arguments"); kind = .pause
        case "resume": try count(0, "no arguments"); kind = .resume
        case "step": try count(0, "no arguments"); kind = .stepFrame
        case "restart": try count(0, "no arguments"); kind = .restart
        case "hardware":
            try count(1, "a hardware profile name")
            kind = .hardware(String(args[0]))
        case "resize":
            try count(1, "COLUMNSxROWS")
            let d = arg(0)!.split(separator: "x").compactMap { Int($0) }
            guard d.count == 2, d[0] > 0, d[1] > 0 else { throw fail("'resize' with COLUMNSxROWS") }
            kind = .resize(width: d[0], height: d[1])
        case "fps":
            try count(1, "one number")
            kind = .fps(try exact(arg(0), "one number"))
        case "checksum":
            try count(1, "16 hex digits")
            guard let s = arg(0), s.count == 16, let c = UInt64(s, radix: 16) else { throw fail("'checksum' with 16 hex digits") }
            kind = .checksum(c)
        case "figures":
            var pairs: [SessionEvent.Pair] = []
            for a in args {
                guard let eq = a.firstIndex(of: "="), let v = SessionLogFormat.parseExact(a[a.index(after: eq)...]) else {
                    throw fail("'figures' with name=value pairs")
                }
                pairs.append(.init(name: String(a[..<eq]), value: v))
            }
            kind = .figures(pairs)
        case "spike":
            try count(2, "a neuron id and a time in ms")
            guard let n = Int(arg(0)!), n >= 0, let ts = Double(arg(1)!) else { throw fail("'spike' with a neuron id >= 0 and a time in ms") }
            kind = .spike(neuron: n, timeMs: ts)
        case "snapshot":
            try count(1, "a file path")
            kind = .snapshot(path: String(arg(0)!))
        case "end":
            guard args.count == 1 || args.count == 2 else { throw fail("'end' with a reason and optionally a checksum") }
            var checksum: UInt64?
            if let c = arg(1) {
                guard c.count == 16, let v = UInt64(c, radix: 16) else { throw fail("'end' with a reason and a checksum of 16 hex digits") }
                checksum = v
            }
            kind = .end(reason: String(arg(0)!), checksum: checksum)
        default:
            throw SessionLogError(line: number, message: "unknown event kind '\(p[3])' (expected key, param, speed, pause, resume, "
                                  + "step, restart, resize, fps, checksum, figures, spike, snapshot or end)")
        }
        return SessionEvent(frame: frame, step: step, timeMs: t, kind: kind)
    }
}

extension StringProtocol {
    /// Tabs shown as "→" in messages so a quoted line stays readable.
    var replacingTabs: String { String(map { $0 == "\t" ? "→" : $0 }) }
}
