/// Records the membrane potential of chosen neurons every `intervalSteps` steps into a bounded
/// ring of samples (the most recent `capacity` samples per neuron are kept).
public struct MembraneRecorder: Sendable {
    /// Neurons recorded, in trace order.
    public let neurons: [Int]
    public let intervalSteps: Int
    public let capacity: Int
    /// Samples, sample-major: [sample slot · neurons.count + i].
    var values: [Double]
    var head = 0
    public private(set) var count = 0
    /// Time index of the newest sample.
    public private(set) var lastStep: Int64 = 0

    public init(neurons: [Int], intervalSteps: Int, capacity: Int) {
        precondition(intervalSteps > 0 && capacity > 0)
        self.neurons = neurons
        self.intervalSteps = intervalSteps
        self.capacity = capacity
        values = Array(repeating: 0, count: capacity * neurons.count)
    }

    /// Samples `v` if time index `step` is a multiple of the interval.
    public mutating func record(step: Int64, v: [Double]) {
        v.withUnsafeBufferPointer { record(step: step, v: $0) }
    }

    /// Samples `v` if time index `step` is a multiple of the interval.
    public mutating func record(step: Int64, v: UnsafeBufferPointer<Double>) {
        guard step % Int64(intervalSteps) == 0 else { return }
        var slot = head + count
        if slot >= capacity { slot -= capacity }
        let base = slot * neurons.count
        for (i, k) in neurons.enumerated() { values[base + i] = v[k] }
        if count == capacity {
            head += 1
            if head == capacity { head = 0 }
        } else {
            count += 1
        }
        lastStep = step
    }

    /// Time index of the oldest stored sample.
    public var firstStep: Int64 { lastStep - Int64((count - 1) * intervalSteps) }

    /// Samples of the i-th recorded neuron, oldest first.
    public func samples(ofTrace i: Int) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(count)
        for s in 0..<count {
            var slot = head + s
            if slot >= capacity { slot -= capacity }
            out.append(values[slot * neurons.count + i])
        }
        return out
    }

    /// The most recent samples of trace i within the last `windowSteps` steps, as a `Trace`.
    public func trace(_ i: Int, label: String, stepMs: Double, windowSteps: Int64? = nil,
                      reference: Double? = nil) -> Trace {
        var values = samples(ofTrace: i)
        var first = firstStep
        if let window = windowSteps, count > 0 {
            let keep = min(values.count, Int(window / Int64(intervalSteps)) + 1)
            first += Int64((values.count - keep) * intervalSteps)
            values.removeFirst(values.count - keep)
        }
        return Trace(label: label, startMs: count > 0 ? Double(first) * stepMs : 0,
                     intervalMs: Double(intervalSteps) * stepMs, values: values, reference: reference)
    }

    public mutating func removeAll() {
        head = 0
        count = 0
    }
}
