/// Synaptic weights of a sparsely connected population in compressed sparse rows by
/// presynaptic neuron (the layout NEST and Brian2 use for delivery): the targets of one spike
/// are contiguous, and only existing synapses are visited. Split by receptor like
/// `DenseWeights` (science.md 1.2): w > 0 → excitatory, w < 0 → inhibitory with |w|, each in its
/// own row list so delivery adds no zeros.
public struct SparseWeights: Sendable, Equatable {
    public let preCount: Int
    public let postCount: Int
    /// Row starts into `excitatoryTargets`/`excitatoryWeights` (preCount + 1 entries).
    public private(set) var excitatoryRowStart: [Int]
    public private(set) var excitatoryTargets: [Int32]
    /// |w|, µS.
    public private(set) var excitatoryWeights: [Double]
    public private(set) var inhibitoryRowStart: [Int]
    public private(set) var inhibitoryTargets: [Int32]
    /// |w|, µS.
    public private(set) var inhibitoryWeights: [Double]
    /// The one |w| (µS) every excitatory synapse has, when they all have the same (nil otherwise, or
    /// when there are none): delivery then reads only the targets, a third of the bytes per synapse
    /// (NEST's homogeneous-weight synapses; `FixedInDegree` builds such projections).
    public private(set) var uniformExcitatoryWeight: Double?
    /// The same for the inhibitory synapses.
    public private(set) var uniformInhibitoryWeight: Double?

    /// Builds the rows from a list of synapses (pre, post, signed weight in µS). Synapses of one
    /// presynaptic neuron keep the order they have in `synapses`; zero weights are dropped.
    public init(preCount: Int, postCount: Int, synapses: [(pre: Int, post: Int, weight: Double)]) {
        self.preCount = preCount
        self.postCount = postCount
        var eCount = Array(repeating: 0, count: preCount + 1)
        var iCount = Array(repeating: 0, count: preCount + 1)
        for s in synapses {
            precondition((0..<preCount).contains(s.pre) && (0..<postCount).contains(s.post), "synapse out of range")
            if s.weight > 0 { eCount[s.pre + 1] += 1 } else if s.weight < 0 { iCount[s.pre + 1] += 1 }
        }
        for j in 0..<preCount {
            eCount[j + 1] += eCount[j]
            iCount[j + 1] += iCount[j]
        }
        excitatoryRowStart = eCount
        inhibitoryRowStart = iCount
        excitatoryTargets = Array(repeating: 0, count: eCount[preCount])
        excitatoryWeights = Array(repeating: 0, count: eCount[preCount])
        inhibitoryTargets = Array(repeating: 0, count: iCount[preCount])
        inhibitoryWeights = Array(repeating: 0, count: iCount[preCount])
        var eNext = eCount, iNext = iCount
        for s in synapses {
            if s.weight > 0 {
                excitatoryTargets[eNext[s.pre]] = Int32(s.post)
                excitatoryWeights[eNext[s.pre]] = s.weight
                eNext[s.pre] += 1
            } else if s.weight < 0 {
                inhibitoryTargets[iNext[s.pre]] = Int32(s.post)
                inhibitoryWeights[iNext[s.pre]] = -s.weight
                iNext[s.pre] += 1
            }
        }
        uniformExcitatoryWeight = Self.uniformValue(excitatoryWeights)
        uniformInhibitoryWeight = Self.uniformValue(inhibitoryWeights)
    }

    /// The value all entries share (bitwise equal), nil if they differ or there are none.
    private static func uniformValue(_ values: [Double]) -> Double? {
        guard let first = values.first, values.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    /// Number of (non-zero) synapses.
    public var synapseCount: Int { excitatoryTargets.count + inhibitoryTargets.count }

    /// Signed sum of the weights pre → post, µS (multapses add up).
    public func weight(pre: Int, post: Int) -> Double {
        var w = 0.0
        for i in excitatoryRowStart[pre]..<excitatoryRowStart[pre + 1] where Int(excitatoryTargets[i]) == post {
            w += excitatoryWeights[i]
        }
        for i in inhibitoryRowStart[pre]..<inhibitoryRowStart[pre + 1] where Int(inhibitoryTargets[i]) == post {
            w -= inhibitoryWeights[i]
        }
        return w
    }
}
