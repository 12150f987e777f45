import Testing
@testable import SpikeCore

/// The autocorrelation time is computed only up to Sokal's window and memoized between samples
/// (issue 13: the mixing readout asks for it every frame); both must give the value of the
/// full correlation function.
@Suite struct ImageAutocorrelationMemoTests {
    /// τ_int from the whole C(Δ) as before issue 13's change.
    static func referenceTime(_ a: ImageAutocorrelation) -> Double? {
        let c = a.correlation
        guard c.count > 1 else { return nil }
        var tau = 1.0
        for m in 1..<c.count {
            tau += 2 * c[m]
            if Double(m) >= 5 * tau { break }
        }
        return max(tau, 0)
    }

    @Test func memoizedIntegratedTimeEqualsTheComputedOne() {
        var rng = Xoshiro256StarStar(seed: 11, stream: 4)
        for flip in [0.02, 0.3] {
            var a = ImageAutocorrelation(pixelCount: 16, maxLag: 40)
            var image = Array(repeating: false, count: 16)   // no variance at first: nil
            for step in 0..<300 {
                if step > 3 { for i in 0..<16 where rng.nextUniform() < flip { image[i].toggle() } }
                a.add(image)
                let reference = Self.referenceTime(a)
                #expect(a.integratedTime == reference, "step \(step)")
                #expect(a.memoizedIntegratedTime() == reference, "step \(step)")
                #expect(a.memoizedIntegratedTime() == reference, "step \(step), memo")
            }
            #expect(a.integratedTime != nil)
        }
    }
}
