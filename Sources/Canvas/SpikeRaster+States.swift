/// Spikes given as sampled binary states (issue 13): the noise-sources screens show several
/// lanes of samplers by their states, a bit per unit per sample, and a frame would otherwise
/// list thousands of spikes only for the raster to bin them into dots again.
extension SpikeRaster {
    /// Lanes of binary states stacked into raster rows: lane l's unit k is neuron l·n + k, entry
    /// i of a lane with `count` states lies at `(timeEnd − (count − i)·spacing) / timeDivisor`
    /// (the raster's time unit), unit k in bit n − 1 − k. A unit that is on there is a spike at
    /// that time: exactly the spikes listed oldest first by the engine's `StackedStateRaster`.
    /// (The engine's `StackedStates` holds the same fields; Canvas does not depend on SpikeCore,
    /// so the app hands them over, TimeZoom.swift.)
    public struct States: Sendable {
        /// Each lane's states, oldest first.
        public var lanes: [[Int]]
        /// Units per lane, n (1 ≤ n < Int.bitWidth).
        public var unitCount: Int
        /// The time one spacing after each lane's newest state, and the spacing, in the units
        /// the raster divides by `timeDivisor`.
        public var timeEnd: Double
        public var spacing: Double

        public init(lanes: [[Int]], unitCount: Int, timeEnd: Double, spacing: Double) {
            precondition(unitCount > 0 && unitCount < Int.bitWidth, "states need 1 ≤ n < \(Int.bitWidth) units")
            self.lanes = lanes
            self.unitCount = unitCount
            self.timeEnd = timeEnd
            self.spacing = spacing
        }

        /// Calls `body(neuron)` for each unit of lane `lane` that is on in `state`, highest bit
        /// (unit 0) first.
        @inline(__always)
        func forEachOnUnit(_ state: Int, lane: Int, _ body: (Int) -> Void) {
            let n = unitCount
            var bits = state & ((1 << n) - 1)
            while bits != 0 {
                let b = Int.bitWidth - 1 - bits.leadingZeroBitCount
                bits &= ~(1 << b)
                body(lane * n + (n - 1 - b))
            }
        }

        /// Entry i's time in the raster's unit, for a lane of `count` states.
        @inline(__always)
        func time(_ i: Int, count: Int, divisor: Double) -> Double {
            (timeEnd - Double(count - i) * spacing) / divisor
        }
    }

    /// Calls `body(t, n)` for every spike (time in the raster's unit, neuron), listed or from
    /// the states; the order differs between the two, which drawing (setting dots) ignores.
    func forEachSpike(_ body: (Double, Int) -> Void) {
        guard let states else {
            for (raw, n) in zip(spikeTimes, spikeNeurons) { body(raw / timeDivisor, Int(n)) }
            return
        }
        for (l, lane) in states.lanes.enumerated() {
            for (i, state) in lane.enumerated() {
                let t = states.time(i, count: lane.count, divisor: timeDivisor)
                states.forEachOnUnit(state, lane: l) { body(t, $0) }
            }
        }
    }

    /// The dots of `states` set on `canvas` (what `drawSpikes` sets for their spikes): each
    /// entry's dot column is found once per lane length, and the states of a lane that fall in
    /// one dot column are OR-ed before their units become dots.
    func setStateDots(_ states: States, on canvas: inout BrailleCanvas) {
        let n = states.unitCount, mask = (1 << n) - 1, dotWidth = canvas.dotWidth, dotHeight = canvas.dotHeight
        let rows = (0..<min(neuronCount, states.lanes.count * n)).map { dotRow($0, dotHeight: dotHeight) }
        var columns: [Int] = [], columnsCount = -1
        canvas.withDotWriter { dots in
            for (l, lane) in states.lanes.enumerated() {
                let count = lane.count
                if count != columnsCount {
                    columns = (0..<count).map { dotColumn(states.time($0, count: count, divisor: timeDivisor), dotWidth: dotWidth) ?? -1 }
                    columnsCount = count
                }
                var i = 0
                while i < count {
                    let column = columns[i]
                    var bits = 0
                    repeat { bits |= lane[i] & mask; i += 1 } while i < count && columns[i] == column
                    guard column >= 0 else { continue }
                    states.forEachOnUnit(bits, lane: l) { neuron in
                        if neuron < neuronCount { dots.set(dotX: column, dotY: rows[neuron]) }
                    }
                }
            }
        }
    }
}
