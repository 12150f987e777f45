#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Multinomial logistic (softmax) regression on pixel values in [0, 1], used to label images
/// (dreamed samples, completions) with a class and a confidence (science.md 3.4, mixing metrics:
/// "a small softmax regression trained on the data").
///
///     p(c | x) = exp(w_cᵀx + β_c) / Σ_k exp(w_kᵀx + β_k)
///
/// Trained by full-batch gradient descent on the mean cross-entropy plus ½λ|w|², from zero
/// weights: deterministic, no random draws.
public struct SoftmaxClassifier: Sendable, Equatable {
    public let inputCount: Int
    public let classCount: Int
    /// Weights, classCount × inputCount row-major, and biases per class.
    public private(set) var weights: [Double]
    public private(set) var biases: [Double]

    /// The class probabilities p(c | x).
    public func probabilities(_ x: [Double]) -> [Double] {
        var logits = biases
        for c in 0..<classCount {
            let row = c * inputCount
            for i in 0..<inputCount where x[i] != 0 { logits[c] += weights[row + i] * x[i] }
        }
        let top = logits.max() ?? 0
        let e = logits.map { exp($0 - top) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    /// The most probable class and its probability (the confidence).
    public func classify(_ x: [Double]) -> (label: Int, confidence: Double) {
        let p = probabilities(x)
        var best = 0
        for c in 1..<classCount where p[c] > p[best] { best = c }
        return (best, p[best])
    }

    /// Fraction of `inputs` classified as `labels`.
    public func accuracy(_ inputs: [[Double]], labels: [Int]) -> Double {
        guard !inputs.isEmpty else { return 0 }
        let right = zip(inputs, labels).filter { classify($0.0).label == $0.1 }.count
        return Double(right) / Double(inputs.count)
    }

    /// Trains on `inputs` (values in [0, 1]) with `labels` 0 ..< classCount.
    /// - Parameters: iterations of full-batch gradient descent, step size, L2 strength λ.
    public init(inputs: [[Double]], labels: [Int], classCount: Int = DigitSet.classCount,
                iterations: Int = 300, stepSize: Double = 0.5, l2: Double = 1e-3) {
        precondition(!inputs.isEmpty && inputs.count == labels.count, "classifier needs labelled inputs")
        let n = inputs[0].count
        inputCount = n
        self.classCount = classCount
        weights = Array(repeating: 0, count: classCount * n)
        biases = Array(repeating: 0, count: classCount)
        let scale = 1 / Double(inputs.count)
        for _ in 0..<iterations {
            var gw = Array(repeating: 0.0, count: classCount * n)
            var gb = Array(repeating: 0.0, count: classCount)
            for (x, y) in zip(inputs, labels) {
                var p = probabilities(x)
                p[y] -= 1
                for c in 0..<classCount {
                    gb[c] += p[c]
                    let row = c * n
                    for i in 0..<n where x[i] != 0 { gw[row + i] += p[c] * x[i] }
                }
            }
            for k in weights.indices { weights[k] -= stepSize * (scale * gw[k] + l2 * weights[k]) }
            for c in 0..<classCount { biases[c] -= stepSize * scale * gb[c] }
        }
    }
}

extension SoftmaxClassifier {
    /// The digit classifier of the dreaming experiment: trained on the binarised images of
    /// `training` (the same form the RBM sees and samples).
    public static func digits(training: DigitSet) -> SoftmaxClassifier {
        SoftmaxClassifier(inputs: (0..<training.count).map { training.binary($0).map { $0 ? 1 : 0 } }, labels: training.labels)
    }

    /// Accuracy on the binarised images of `set`.
    public func accuracy(binarised set: DigitSet) -> Double {
        accuracy((0..<set.count).map { set.binary($0).map { $0 ? 1 : 0 } }, labels: set.labels)
    }
}
