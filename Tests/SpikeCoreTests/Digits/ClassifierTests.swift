import Testing
@testable import SpikeCore

@Suite("Softmax classifier on real digits")
struct ClassifierTests {
    /// Held-out accuracy on the 359 held-out optdigits: measured 0.916; its binomial SE is
    /// sqrt(0.92 · 0.08 / 359) ≈ 0.014, so 0.87 is more than 3 SE below (a broken trainer or a
    /// shuffled split lands far lower: chance is 0.1).
    @Test("held-out accuracy above 0.87, confidence a probability, deterministic")
    func heldOutAccuracy() {
        let (training, heldOut) = DigitTestData.optdigits.split()
        let c = SoftmaxClassifier.digits(training: training)
        let accuracy = c.accuracy(binarised: heldOut)
        #expect(accuracy > 0.87)
        #expect(c.accuracy(binarised: training) >= accuracy - 0.02)
        let (label, confidence) = c.classify(heldOut.binary(0).map { $0 ? 1 : 0 })
        #expect((0...9).contains(label) && confidence > 0.1 && confidence <= 1)
        #expect(abs(c.probabilities(heldOut.greyLevels(3)).reduce(0, +) - 1) < 1e-12)
        #expect(SoftmaxClassifier.digits(training: training) == c)
    }
}
