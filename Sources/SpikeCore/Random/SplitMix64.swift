/// SplitMix64 (Steele, Lea & Flood 2014; reference C by S. Vigna, prng.di.unimi.it/splitmix64.c).
///
/// Used only to turn a user seed (and a stream id) into the 256-bit state of
/// `Xoshiro256StarStar`, as Vigna recommends. Not used for simulation draws.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(state: UInt64) {
        self.state = state
    }

    /// Next 64-bit output; advances the state by the golden-ratio increment.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 finaliser (a bijective 64-bit hash): the output function without the increment.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
