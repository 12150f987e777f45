/// Label inference with a spiking digit RBM, the measure of a digits network on a chip
/// (science.md 2.4 clamping, 3.4; [Kungl2019] report classification accuracy of the label
/// units, since a D_KL over 2^174 states cannot be measured): each test image's pixels are
/// clamped (E_l = v_p05 ± α·clampBias), label and hidden units run free; after `settleSteps`
/// the time every label unit spends in z = 1 is counted until `presentationSteps`, and the
/// most active label unit is the network's answer (no label spike at all counts as wrong).
/// The images are presented once each, in order, then the trials stop.
public struct LabelTrials: Sendable {
    public private(set) var network: RBMSamplingNetwork
    /// The test images, presented in this order.
    public let images: DigitSet
    public let presentationSteps: Int
    public let settleSteps: Int
    public private(set) var trials = 0
    public private(set) var correct = 0
    /// Running accuracy after every trial (index = trials − 1).
    public private(set) var curve: [Double] = []
    /// Answers per trial (nil: no label unit spiked).
    public private(set) var answers: [Int?] = []
    private var phaseStep = 0

    public init(network: RBMSamplingNetwork, images: DigitSet, presentationSteps: Int, settleSteps: Int) {
        precondition(network.machine.labelCount == DigitSet.classCount, "label inference needs 10 label units")
        precondition(settleSteps >= 0 && settleSteps < presentationSteps, "settle must leave part of the presentation")
        self.network = network
        self.images = images
        self.presentationSteps = presentationSteps
        self.settleSteps = settleSteps
        if !isFinished { present() }
    }

    public var isFinished: Bool { trials >= images.count }
    /// Fraction of trials answered correctly (NaN before the first).
    public var accuracy: Double { trials > 0 ? Double(correct) / Double(trials) : .nan }

    /// Simulates up to `steps` steps; returns the steps not used (all images done).
    @discardableResult
    public mutating func advance(steps: Int) -> Int {
        var left = steps
        while left > 0 && !isFinished {
            network.step()
            left -= 1
            phaseStep += 1
            if phaseStep == settleSteps { network.resetWindow() }
            if phaseStep >= presentationSteps { finishTrial() }
        }
        return left
    }

    private mutating func present() {
        let image = images.binary(trials)
        for i in 0..<network.machine.pixelCount { network.clamp(i, to: image[i]) }
        for l in 0..<DigitSet.classCount { network.clamp(network.machine.pixelCount + l, to: nil) }
        network.resetWindow()
        phaseStep = 0
    }

    private mutating func finishTrial() {
        let answer = Self.mostActiveLabel(network)
        answers.append(answer)
        if answer == images.labels[trials] { correct += 1 }
        trials += 1
        curve.append(accuracy)
        if !isFinished { present() }
    }

    /// The label unit with the most time in z = 1 in the current window (nil if none spiked).
    static func mostActiveLabel(_ network: RBMSamplingNetwork) -> Int? {
        let first = network.machine.pixelCount
        var best: Int? = nil, top: Int32 = 0
        for l in 0..<DigitSet.classCount where network.onSteps[first + l] > top {
            top = network.onSteps[first + l]
            best = l
        }
        return best
    }
}
