/// The raster of several lanes' recent binary states stacked (lane l's unit k is row l·n + k),
/// as the noise-sources experiments show it (issue 13, the live-app frame target).
///
/// Entry i of a lane with `count` states is the state at `timeMs − (count − i)·spacingMs`; a
/// unit that is on there is a spike at that time. Spikes are listed oldest first, ties in lane
/// order and then unit order: what a stable sort by time of the lane-major list gives. When
/// every lane holds the same number of states and those times strictly increase (always, in
/// the experiments: all lanes append together), that order is written directly, one pass, no
/// sort; otherwise the stable sort itself runs. `StackedStateRasterTests` checks both agree.
public enum StackedStateRaster {
    /// Spike times (ms) and rows of `lanes` (each a lane's states, oldest first, unit k in bit
    /// n − 1 − k of the state).
    public static func spikes(_ lanes: [[Int]], unitCount n: Int, timeMs: Double,
                              spacingMs: Double) -> (times: [Double], neurons: [Int32]) {
        let count = lanes.first?.count ?? 0
        guard n > 0, n < Int.bitWidth, lanes.allSatisfy({ $0.count == count }) else {
            return bySorting(lanes, unitCount: n, timeMs: timeMs, spacingMs: spacingMs)
        }
        var stamps = [Double](repeating: 0, count: count)
        for i in 0..<count {
            stamps[i] = timeMs - Double(count - i) * spacingMs
            if i > 0 && !(stamps[i - 1] < stamps[i]) {
                return bySorting(lanes, unitCount: n, timeMs: timeMs, spacingMs: spacingMs)
            }
        }
        let mask = n == Int.bitWidth - 1 ? Int.max : (1 << n) - 1
        var total = 0
        for lane in lanes { for state in lane { total += (state & mask).nonzeroBitCount } }
        // Written straight into storage of the counted size (this runs every frame over
        // thousands of spikes).
        var neurons = [Int32](repeating: 0, count: total)
        let times = [Double](unsafeUninitializedCapacity: total) { timeOut, written in
            neurons.withUnsafeMutableBufferPointer { neuronOut in
                var j = 0
                for i in 0..<count {
                    let t = stamps[i]
                    for l in 0..<lanes.count {
                        var bits = lanes[l][i] & mask
                        // Highest bit first: bit n − 1 − k is unit k.
                        while bits != 0 {
                            let b = Int.bitWidth - 1 - bits.leadingZeroBitCount
                            bits &= ~(1 << b)
                            timeOut.initializeElement(at: j, to: t)
                            neuronOut[j] = Int32(l * n + (n - 1 - b))
                            j += 1
                        }
                    }
                }
                written = j
            }
        }
        return (times, neurons)
    }

    /// The lane-major list sorted by time (stable): the definition `spikes` follows.
    static func bySorting(_ lanes: [[Int]], unitCount n: Int, timeMs: Double,
                          spacingMs: Double) -> (times: [Double], neurons: [Int32]) {
        var times: [Double] = [], neurons: [Int32] = []
        for (l, lane) in lanes.enumerated() {
            let count = lane.count
            for (i, state) in lane.enumerated() {
                let t = timeMs - Double(count - i) * spacingMs
                for k in 0..<n where (state >> (n - 1 - k)) & 1 == 1 {
                    times.append(t); neurons.append(Int32(l * n + k))
                }
            }
        }
        let order = times.indices.sorted { times[$0] < times[$1] }
        return (order.map { times[$0] }, order.map { neurons[$0] })
    }
}
