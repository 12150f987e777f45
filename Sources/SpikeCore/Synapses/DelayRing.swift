/// Pending conductance increments, indexed by the step at which they arrive (science.md 1.9
/// step 3; DESIGN.md "spikes delivered through a ring buffer indexed by delay").
///
/// Slot `s mod slotCount` holds, per neuron, the excitatory and inhibitory conductance (µS)
/// that arrives at the beginning of step s. A spike emitted at the end of step n (time
/// index n + 1) through a synapse of delay D steps is written to slot n + 1 + D and added at
/// the beginning of step n + 1 + D: exactly D·dt after the spike time. With slotCount ≥ D + 1
/// the slot written never collides with one still pending.
public struct DelayRing: Sendable {
    public let neuronCount: Int
    /// Number of slots (≥ maximal delay in steps + 1).
    public private(set) var slotCount: Int
    var excitatory: [Double]
    var inhibitory: [Double]

    public init(neuronCount: Int, maxDelaySteps: Int) {
        self.neuronCount = neuronCount
        slotCount = max(1, maxDelaySteps + 1)
        excitatory = Array(repeating: 0, count: slotCount * neuronCount)
        inhibitory = Array(repeating: 0, count: slotCount * neuronCount)
    }

    func slot(forStep step: Int64) -> Int { Int(step % Int64(slotCount)) }

    /// Makes room for delays up to `delaySteps`, keeping pending increments at their arrival
    /// steps. `currentStep` is the next step to begin.
    public mutating func grow(toMaxDelaySteps delaySteps: Int, currentStep: Int64) {
        let newCount = delaySteps + 1
        guard newCount > slotCount else { return }
        var newE = Array(repeating: 0.0, count: newCount * neuronCount)
        var newI = newE
        for offset in 0..<slotCount {
            let arrival = currentStep + Int64(offset)
            let old = slot(forStep: arrival) * neuronCount
            let new = Int(arrival % Int64(newCount)) * neuronCount
            for k in 0..<neuronCount {
                newE[new + k] = excitatory[old + k]
                newI[new + k] = inhibitory[old + k]
            }
        }
        excitatory = newE
        inhibitory = newI
        slotCount = newCount
    }

    /// Adds an increment arriving at the beginning of step `arrivalStep` (µS; `excitatory`
    /// picks the receptor).
    public mutating func add(_ amount: Double, excitatory isExcitatory: Bool, neuron: Int, arrivalStep: Int64) {
        let index = slot(forStep: arrivalStep) * neuronCount + neuron
        if isExcitatory { excitatory[index] += amount } else { inhibitory[index] += amount }
    }

    /// Pending increment for a neuron at an arrival step (tests, inspection).
    public func pending(excitatory isExcitatory: Bool, neuron: Int, arrivalStep: Int64) -> Double {
        let index = slot(forStep: arrivalStep) * neuronCount + neuron
        return isExcitatory ? excitatory[index] : inhibitory[index]
    }

    /// Calls `body` with the slot of `step` (excitatory, inhibitory), which it must consume
    /// and zero.
    mutating func withSlot<R>(forStep step: Int64,
                              _ body: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> R) -> R {
        let start = slot(forStep: step) * neuronCount
        let n = neuronCount
        return excitatory.withUnsafeMutableBufferPointer { e in
            inhibitory.withUnsafeMutableBufferPointer { i in
                body(UnsafeMutableBufferPointer(rebasing: e[start..<start + n]),
                     UnsafeMutableBufferPointer(rebasing: i[start..<start + n]))
            }
        }
    }

    /// The ring's buffers as raw pointers, for delivery inside `Network.advance` (valid only
    /// while the network holds them).
    struct Pointers {
        let excitatory: UnsafeMutablePointer<Double>?
        let inhibitory: UnsafeMutablePointer<Double>?
        let neuronCount: Int
        let slotCount: Int

        /// Start of the (excitatory, inhibitory) slot of arrival step `step`.
        @inline(__always)
        func slot(forStep step: Int64) -> (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)? {
            guard let excitatory, let inhibitory else { return nil }
            let offset = Int(step % Int64(slotCount)) * neuronCount
            return (excitatory + offset, inhibitory + offset)
        }
    }
}
