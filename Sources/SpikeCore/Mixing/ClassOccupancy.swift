#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How often each class appears among a sampler's kept samples, compared with the class
/// frequencies of the training data (science.md 3.4: the class-occupancy error
/// D_KL(data ‖ samples), the "imbalanced data" test; tempering tends to over-represent rare
/// classes, science.md 3.2).
///
/// The sampled frequencies carry a Laplace prior (one pseudo-count per class, science.md 1.10
/// option b), so the divergence is finite from the first sample on; its bias is O(classes/n).
public struct ClassOccupancy: Sendable, Equatable {
    public private(set) var counts: [Int]

    public init(classCount: Int = 10) {
        counts = Array(repeating: 0, count: classCount)
    }

    public mutating func add(_ label: Int) { counts[label] += 1 }

    public var total: Int { counts.reduce(0, +) }

    /// Sampled class frequencies with one pseudo-count per class.
    public var smoothedFrequencies: [Double] {
        let n = Double(total + counts.count)
        return counts.map { (Double($0) + 1) / n }
    }

    /// Raw sampled class frequencies (0 before any sample).
    public var frequencies: [Double] {
        let n = Double(total)
        return counts.map { n > 0 ? Double($0) / n : 0 }
    }

    /// D_KL(data ‖ samples) = Σ_c p_c ln(p_c/q_c), nats, q with the Laplace prior.
    public func divergence(from data: [Double]) -> Double {
        precondition(data.count == counts.count, "expected \(counts.count) class frequencies")
        let q = smoothedFrequencies
        var d = 0.0
        for (p, qc) in zip(data, q) where p > 0 { d += p * log(p / qc) }
        return d
    }

    /// Class frequencies of labelled data (labels 0 ..< classCount).
    public static func frequencies(ofLabels labels: [Int], classCount: Int = 10) -> [Double] {
        var c = Array(repeating: 0.0, count: classCount)
        for l in labels { c[l] += 1 }
        let n = Double(labels.count)
        return c.map { n > 0 ? $0 / n : 0 }
    }
}
