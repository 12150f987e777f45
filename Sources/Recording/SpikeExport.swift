/// Spikes in the column layouts simulators use (shared/terminal.md 4.2).
public enum SpikeExport {
    /// NEST's ASCII recording backend (`nestkernel/recording_backend_ascii.cpp`, version 2):
    /// two `#` lines, the un-commented column line `sender\ttime_ms`, then one spike per line
    /// with 3 decimals. Senders are NEST node ids, 1-based (neuron k → k + 1), as NEST writes them.
    public static func nestASCII(_ spikes: [(neuron: Int, timeMs: Double)], source: String) -> String {
        var out = "# spiketty export of \(source) (NEST node ids: neuron index + 1)\n"
        out += "# RecordingBackendASCII version: 2\n"
        out += "sender\ttime_ms\n"
        for s in spikes { out += "\(s.neuron + 1)\t\(SessionLogFormat.milliseconds(s.timeMs))\n" }
        return out
    }

    /// CSV with a header row: `neuron,time_ms` (neuron indices 0-based, as spiketty and Brian2 number them).
    public static func csv(_ spikes: [(neuron: Int, timeMs: Double)]) -> String {
        var out = "neuron,time_ms\n"
        for s in spikes { out += "\(s.neuron),\(SessionLogFormat.milliseconds(s.timeMs))\n" }
        return out
    }

    /// One spike train per line (neuron 0 first; times in ms, tab-separated), the layout Neo's
    /// `AsciiSpikeTrainIO` reads; a neuron without spikes gives an empty line.
    public static func neoLines(_ spikes: [(neuron: Int, timeMs: Double)], neurons: Int) -> String {
        var trains = Array(repeating: [String](), count: max(neurons, (spikes.map(\.neuron).max() ?? -1) + 1))
        for s in spikes { trains[s.neuron].append(SessionLogFormat.milliseconds(s.timeMs)) }
        return trains.map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
    }
}

/// Sampled network states and figures as CSV.
public enum StateExport {
    /// The joint state z(t) of a sampling network from its spikes (science.md 1.1: z_k = 1 for
    /// the "on" window τ_on after each spike of neuron k, i.e. during (t_s, t_s + τ_on]), at
    /// t = startMs + intervalMs, startMs + 2·intervalMs, … ≤ endMs. Columns `t_ms,z0,z1,…,state`
    /// (state = the bit string, z0 first, as the screens label states).
    public static func statesCSV(_ spikes: [(neuron: Int, timeMs: Double)], neurons: Int, onWindowMs: Double,
                                 intervalMs: Double, startMs: Double = 0, endMs: Double) -> String {
        var byNeuron = Array(repeating: [Double](), count: neurons)
        for s in spikes where s.neuron < neurons { byNeuron[s.neuron].append(s.timeMs) }
        for k in 0..<neurons { byNeuron[k].sort() }
        var cursor = Array(repeating: 0, count: neurons)
        var lastSpike = Array(repeating: -Double.infinity, count: neurons)
        var out = "t_ms," + (0..<neurons).map { "z\($0)" }.joined(separator: ",") + ",state\n"
        var i = 1
        while true {
            let t = startMs + Double(i) * intervalMs
            if t > endMs + 1e-9 { break }
            var bits = ""
            for k in 0..<neurons {
                while cursor[k] < byNeuron[k].count, byNeuron[k][cursor[k]] < t {
                    lastSpike[k] = byNeuron[k][cursor[k]]
                    cursor[k] += 1
                }
                bits += t - lastSpike[k] <= onWindowMs ? "1" : "0"
            }
            out += SessionLogFormat.milliseconds(t) + "," + bits.map(String.init).joined(separator: ",") + "," + bits + "\n"
            i += 1
        }
        return out
    }

    /// The log's `figures` lines as CSV: `frame,t_ms,<figure names…>` (names from the first line).
    public static func figuresCSV(_ log: SessionLog) -> String {
        var names: [String]?
        var out = ""
        for e in log.events {
            guard case .figures(let pairs) = e.kind else { continue }
            if names == nil {
                names = pairs.map(\.name)
                out = "frame,t_ms," + names!.joined(separator: ",") + "\n"
            }
            let values = Dictionary(pairs.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            out += "\(e.frame),\(SessionLogFormat.milliseconds(e.timeMs)),"
                + names!.map { values[$0].map(SessionLogFormat.exact) ?? "" }.joined(separator: ",") + "\n"
        }
        return out
    }
}
