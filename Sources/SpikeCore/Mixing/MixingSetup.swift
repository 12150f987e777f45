/// What the mixing scenarios sample from, built from the digit seeds (science.md 3.4): the
/// trained RBM as a bipartite Boltzmann machine, a softmax classifier trained on the binarised
/// training images (samples are binary), one start image per class (the first held-out image of
/// each class), and the class frequencies of the training data.
public struct MixingSetup: Sendable {
    public let rbm: RestrictedBoltzmannMachine
    public let classifier: SoftmaxClassifier
    public let classifierAccuracy: Double
    public let startImages: [[Bool]]
    public let dataClassFrequencies: [Double]
    public let width: Int
    public let height: Int

    /// - Parameters:
    ///   - training: the images the machine was trained on (their class frequencies are the target).
    ///   - heldOut: images for the start digits and the classifier's held-out accuracy.
    public init(rbm: RestrictedBoltzmannMachine, training: DigitSet, heldOut: DigitSet) {
        precondition(rbm.pixelCount == training.pixelCount, "the machine's pixels must match the digit images")
        self.rbm = rbm
        width = training.width
        height = training.height
        let inputs = (0..<training.count).map { training.binary($0).map { $0 ? 1.0 : 0.0 } }
        classifier = SoftmaxClassifier(inputs: inputs, labels: training.labels)
        let test = (0..<heldOut.count).map { heldOut.binary($0).map { $0 ? 1.0 : 0.0 } }
        classifierAccuracy = classifier.accuracy(test, labels: heldOut.labels)
        startImages = (0..<DigitSet.classCount).map { c in
            guard let i = heldOut.labels.firstIndex(of: c) else { return heldOut.binary(0) }
            return heldOut.binary(i)
        }
        dataClassFrequencies = ClassOccupancy.frequencies(ofLabels: training.labels, classCount: DigitSet.classCount)
    }

    /// The machine over (pixels, labels, hidden) as a general Boltzmann machine.
    public var machine: BoltzmannMachine { rbm.boltzmannMachine }

    /// A config with these parts and the given streams (other settings at their defaults).
    public func config(streams: [MixingStreamSpec], seed: UInt64) -> MixingConfig {
        let c = classifier
        return MixingConfig(machine: machine, visibleCount: rbm.visibleCount, imageWidth: width, imageHeight: height,
                            classify: { c.classify($0).label }, classCount: DigitSet.classCount,
                            dataClassFrequencies: dataClassFrequencies, startImages: startImages, streams: streams, seed: seed)
    }
}
