/// Readout of one sampler's image stream (science.md 3.4 step 5): its most recent samples as
/// grey-level images with their classes, and the running mixing counters. Plain numbers for
/// the screens and the headless report.
public struct SampleStream: Sendable, Equatable {
    /// Stream name as in the figure suffixes (`gibbs`, `renewing`, `depressing`, `tempering`).
    public var name: String
    /// Human label for the screen.
    public var label: String
    public var imageWidth: Int
    public var imageHeight: Int
    /// Recent samples, oldest first: pixel values in [0, 1], row-major.
    public var images: [[Double]]
    /// Class of each recent sample (nil: not kept, e.g. tempering above β = 1 or outside the
    /// oscillation's readout window).
    public var classes: [Int?]
    /// Whether each recent kept sample switched class from the previous kept one.
    public var switched: [Bool]
    /// Switches, kept samples and budget slots so far.
    public var switches: Int
    public var keptSamples: Int
    public var slots: Int
    /// Class-occupancy D_KL(data ‖ samples), nats.
    public var occupancyDivergence: Double
    /// Sampled class frequencies (raw).
    public var occupancy: [Double]

    public init(name: String, label: String, imageWidth: Int, imageHeight: Int, images: [[Double]], classes: [Int?],
                switched: [Bool], switches: Int, keptSamples: Int, slots: Int, occupancyDivergence: Double,
                occupancy: [Double]) {
        self.name = name
        self.label = label
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.images = images
        self.classes = classes
        self.switched = switched
        self.switches = switches
        self.keptSamples = keptSamples
        self.slots = slots
        self.occupancyDivergence = occupancyDivergence
        self.occupancy = occupancy
    }
}
