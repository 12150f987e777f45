/// xoshiro256** 1.0 (Blackman & Vigna 2018, prng.di.unimi.it/xoshiro256starstar.c):
/// the engine's one random number generator (DESIGN.md "Engine conventions").
///
/// Period 2^256 − 1; 64-bit outputs. Seed it with `init(seed:stream:)`, which derives
/// independent streams from one experiment seed, so that adding a noise source never
/// changes the draws of another one: each source asks for its own stream id.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Equatable {
    var s0: UInt64
    var s1: UInt64
    var s2: UInt64
    var s3: UInt64

    /// A generator with the given raw state (not all zero; an all-zero state is replaced
    /// by the splitmix64 expansion of 0).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
        if state == (0, 0, 0, 0) {
            self = Xoshiro256StarStar(seed: 0)
        }
    }

    /// The generator seeded as the reference recommends: the state is four consecutive
    /// outputs of splitmix64 started at `seed`.
    public init(seed: UInt64) {
        var sm = SplitMix64(state: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
        if s0 | s1 | s2 | s3 == 0 { s3 = 1 }
    }

    /// Stream `stream` of experiment seed `seed`: seed and stream id are hashed together
    /// through the splitmix64 finaliser and expanded by splitmix64. Different stream ids
    /// give unrelated states (the chance that two of them overlap within any run is nil
    /// for a period of 2^256).
    public init(seed: UInt64, stream: UInt64) {
        let key = SplitMix64.mix(seed ^ SplitMix64.mix(stream ^ 0x6A09_E667_F3BC_C909))
        self.init(seed: key)
    }

    /// Current state (for tests and snapshots).
    public var state: (UInt64, UInt64, UInt64, UInt64) { (s0, s1, s2, s3) }

    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.state == b.state
    }
}

/// Well-known stream ids, so that every noise source of the engine draws from its own stream.
public enum RandomStream {
    /// Excitatory Poisson background of neuron `neuron`.
    public static func backgroundExcitatory(_ neuron: Int) -> UInt64 { (1 << 32) | UInt64(neuron) }
    /// Inhibitory Poisson background of neuron `neuron`.
    public static func backgroundInhibitory(_ neuron: Int) -> UInt64 { (2 << 32) | UInt64(neuron) }
    /// Initial conditions (e.g. randomised membrane potentials).
    public static let initialState: UInt64 = 3 << 32
    /// Free for experiment-specific uses: `experiment(k)` with k < 2^32.
    public static func experiment(_ k: Int) -> UInt64 { (4 << 32) | UInt64(k) }
    /// Frozen fixed-pattern noise of an emulated chip (drawn from the *chip* seed, not the
    /// experiment seed): `chip(k)` for item k (a neuron, a synapse, spike loss) of the chip.
    public static func chip(_ k: Int) -> UInt64 { (0x48 << 32) | UInt64(k) }
    /// Random connectivity (`FixedInDegree`).
    public static let connectivity: UInt64 = 16 << 32
}
