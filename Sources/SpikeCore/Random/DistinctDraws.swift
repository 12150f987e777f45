extension Xoshiro256StarStar {
    /// Draws `k` distinct indices uniformly from 0..<n, never `excluded`, by rejecting repeats
    /// (one `next() % n` per draw), and hands each accepted index to `accept` in the order drawn.
    /// The wiring rule of NEST/PyNN fixed in-degree connectors without multapses (and without
    /// autapses when the post neuron is `excluded`). `chosen` is scratch space, cleared first.
    public mutating func distinctIndices(_ k: Int, below n: Int, excluding excluded: Int? = nil,
                                         scratch chosen: inout Set<Int>, _ accept: (Int) -> Void) {
        let available = n - (excluded.map { (0..<n).contains($0) ? 1 : 0 } ?? 0)
        precondition(k >= 0 && k <= available, "cannot draw \(k) distinct indices from \(available)")
        chosen.removeAll(keepingCapacity: true)
        while chosen.count < k {
            let i = Int(next() % UInt64(n))
            if i != excluded, chosen.insert(i).inserted { accept(i) }
        }
    }
}
