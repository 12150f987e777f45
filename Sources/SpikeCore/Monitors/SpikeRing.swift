/// The most recent spikes, bounded: a ring buffer of (time index, neuron) pairs that drops the
/// oldest spike when full. Times are integer step indices (time = index·dt, no float drift);
/// entries are in emission order, which is non-decreasing in time.
public struct SpikeRing: Sendable {
    public let capacity: Int
    var steps: [Int64]
    var neurons: [Int32]
    /// Physical index of the oldest entry.
    var head = 0
    /// Number of stored spikes (≤ capacity).
    public private(set) var count = 0
    /// Spikes ever recorded (including dropped ones).
    public private(set) var totalRecorded: Int64 = 0

    public init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
        steps = Array(repeating: 0, count: capacity)
        neurons = Array(repeating: 0, count: capacity)
    }

    /// Records a spike of `neuron` at time index `step`.
    public mutating func append(step: Int64, neuron: Int32) {
        var tail = head + count
        if tail >= capacity { tail -= capacity }
        steps[tail] = step
        neurons[tail] = neuron
        if count == capacity {
            head += 1
            if head == capacity { head = 0 }
        } else {
            count += 1
        }
        totalRecorded += 1
    }

    /// The i-th stored spike, oldest first (0 ..< count).
    public subscript(i: Int) -> (step: Int64, neuron: Int32) {
        precondition(i >= 0 && i < count)
        var p = head + i
        if p >= capacity { p -= capacity }
        return (steps[p], neurons[p])
    }

    /// Logical index of the first stored spike with time index ≥ `step` (binary search).
    func firstIndex(atOrAfter step: Int64) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].step < step { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Stored spikes with time index in [fromStep, toStep), oldest first.
    public func spikes(fromStep: Int64, toStep: Int64) -> (steps: [Int64], neurons: [Int32]) {
        var outSteps: [Int64] = []
        var outNeurons: [Int32] = []
        var i = firstIndex(atOrAfter: fromStep)
        while i < count {
            let s = self[i]
            if s.step >= toStep { break }
            outSteps.append(s.step)
            outNeurons.append(s.neuron)
            i += 1
        }
        return (outSteps, outNeurons)
    }

    /// All stored spikes, oldest first.
    public var all: (steps: [Int64], neurons: [Int32]) {
        spikes(fromStep: .min, toStep: .max)
    }

    /// Forgets all spikes (capacity kept).
    public mutating func removeAll() {
        head = 0
        count = 0
    }
}
