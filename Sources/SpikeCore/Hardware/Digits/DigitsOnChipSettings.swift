/// Settings of the digits lane of `hardware-sampling` (science.md 4.2–4.3 with the dreaming
/// RBM of science.md 3.4): how many held-out images each lane classifies, how long each is
/// shown, and the in-the-loop training. Units: ms.
public struct DigitsOnChipSettings: Sendable, Equatable {
    /// Held-out images classified by every lane (the first ones of the held-out split).
    public var testImages = 100
    /// Image i is held out when i % heldOutPeriod == heldOutPeriod − 1 (as in dreaming).
    public var heldOutPeriod = 5
    /// Each presentation (a test trial, or one phase of a training image), ms, and its unmeasured start.
    public var presentationMs = 100.0
    public var settleMs = 30.0
    /// Clamping strength in bias units (E_l = v_p05 ± α·clampBias).
    public var clampBias = 20.0
    /// In-the-loop training: iterations, training images per iteration, η (per image, units of
    /// W per unit of moment difference) and momentum.
    public var iterations = 20
    public var batchSize = 20
    public var learningRate = 0.15
    public var momentum = 0.5
    /// Parameters the in-the-loop rule updates.
    public var update = Update.all
    /// Whether the chip's 174 neurons are calibrated one by one (the shared calibration shifted
    /// by each neuron's mismatch, science.md 4.3 step 3), as the profile says; false translates
    /// with the nominal neuron's calibration only, leaving every leak and threshold offset in
    /// the biases (the fixed-pattern noise in-the-loop training then has to absorb).
    public var perNeuronCalibration = true

    /// Which parameters in-the-loop training changes.
    public enum Update: String, Sendable, Equatable, CaseIterable {
        /// The label units' weights W_lj and biases a_l (the read-out of the chip's hidden layer).
        case labels
        /// Every weight and bias the conditional rule reaches (pixel and label weights, label
        /// and hidden biases).
        case all
    }

    public init() {}

    /// Biological time the in-the-loop lane needs to train and then classify the test images, ms.
    public var inTheLoopDurationMs: Double {
        Double(iterations * batchSize * 2 + testImages) * presentationMs
    }

    /// Human-readable problems (empty when usable).
    public func validate(stepMs: Double) -> [String] {
        var p: [String] = []
        if testImages < 1 { p.append("testImages must be >= 1") }
        if heldOutPeriod < 2 { p.append("heldOutPeriod must be >= 2") }
        if !(settleMs >= 0 && settleMs + 10 * stepMs <= presentationMs) { p.append("settle_ms must leave at least 10 steps of each presentation") }
        if !(clampBias > 0) { p.append("clampBias must be > 0") }
        if iterations < 0 { p.append("iterations must be >= 0") }
        if batchSize < 1 { p.append("batchSize must be >= 1") }
        if !(learningRate > 0 && learningRate <= 10) { p.append("learningRate must be in (0, 10]") }
        if !(momentum >= 0 && momentum < 1) { p.append("momentum must be in [0, 1)") }
        return p
    }
}
