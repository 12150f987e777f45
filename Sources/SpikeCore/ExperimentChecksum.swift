/// FNV-1a 64 over the bit patterns of numbers: the state checksum of session logs
/// (shared/terminal.md 4.3). Order matters; equal inputs give equal hashes on every platform.
public struct StateHasher: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(_ bits: UInt64) {
        var b = bits
        for _ in 0..<8 {
            value ^= b & 0xff
            value = value &* 0x0000_0100_0000_01b3
            b >>= 8
        }
    }

    public mutating func combine(_ d: Double) { combine(d.bitPattern) }
    public mutating func combine(_ i: Int) { combine(UInt64(bitPattern: Int64(i))) }
    public mutating func combine(_ values: [Double]) {
        combine(values.count)
        for v in values { combine(v) }
    }
    public mutating func combine(_ s: String) {
        combine(s.utf8.count)
        for byte in s.utf8 { combine(UInt64(byte)) }
    }
}

extension Readout {
    /// Everything the readout holds, hashed: time, figures, spikes, traces, histograms,
    /// series, distributions and landscapes (all bit patterns, in order).
    public var checksum: UInt64 {
        var h = StateHasher()
        h.combine(timeMs)
        for f in figures { h.combine(f.name); h.combine(f.value) }
        if let r = raster {
            h.combine(r.neuronCount); h.combine(r.startMs); h.combine(r.endMs)
            let spikes = r.spikes
            h.combine(spikes.times)
            for n in spikes.neurons { h.combine(Int(n)) }
        }
        for t in traces { h.combine(t.startMs); h.combine(t.intervalMs); h.combine(t.values) }
        for hist in histograms { h.combine(hist.lowerEdge); h.combine(hist.binWidth); h.combine(hist.counts) }
        for s in series {
            h.combine(s.name)
            for p in s.points { h.combine(p.timeMs); h.combine(p.value) }
        }
        for d in distributions { for v in d.values { h.combine(v) } }
        for l in landscapes {
            h.combine(l.values)
            for t in l.trails { for p in t.points { h.combine(p.x); h.combine(p.y) } }
            if let c = l.cursor { h.combine(c.x); h.combine(c.y) }
        }
        return h.value
    }
}

extension Experiment {
    /// Default state checksum: the hash of everything the readout shows (membrane traces,
    /// spikes, histograms, figures…), which is where any divergence of the hidden state
    /// surfaces. Experiments may override with a hash of their full state.
    public func stateChecksum() -> UInt64 {
        var h = StateHasher()
        h.combine(readout().checksum)
        for p in parameters { h.combine(p.key); h.combine(p.value) }
        return h.value
    }
}
