/// Loss of spike events in the routing of an emulated chip (science.md 4.1: "Spike loss can
/// occur in off-wafer (bandwidth-limited) and, rarely, on-wafer routing" on BrainScaleS-1).
/// Each recurrent spike event is dropped, for all its targets at once, with `probability`;
/// the draws come from the chip's own stream (`RandomStream.chip`), so a run is reproducible.
public struct SpikeLoss: Sendable {
    /// Probability that one spike event is lost, 0...1.
    public let probability: Double
    var rng: Xoshiro256StarStar

    public init(probability: Double, seed: UInt64) {
        precondition(probability >= 0 && probability <= 1, "spike-loss probability must be in 0...1")
        self.probability = probability
        rng = Xoshiro256StarStar(seed: seed, stream: RandomStream.chip(0x5_0000_0))
    }

    /// Whether the next spike event is lost.
    mutating func drops() -> Bool { rng.nextUniform() < probability }
}
