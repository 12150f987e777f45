import Testing
@testable import Scenarios
@testable import SpikeCore

/// The mixing readout memoizes each stream's autocorrelation time and keeps the sample images as
/// intensities (issue 13); what it reports must equal freshly computed statistics.
@Suite struct MixingReadoutMemoTests {
    /// The readout's figures and images after restarts (which clear the statistics) equal
    /// freshly computed ones.
    @Test func mixingReadoutMatchesFreshStatistics() throws {
        let setup = try shippedMixingSetup()
        var c = setup.config(streams: MixingStreamSpec.stpComparison(), seed: 5)
        c.calibration = .sbsReference
        let e = MixingExperiment(config: c)
        for round in 0..<40 {
            if round == 25 { try e.setParameter("start_image", to: 2) }
            e.advance(by: 23)
            let r = e.readout()
            for (i, s) in e.streams.enumerated() {
                let tau = r.figure("autocorr_time_\(s.spec.name)") ?? 0
                let fresh = s.autocorrelation.integratedTime ?? .nan
                #expect(tau == fresh || (tau.isNaN && fresh.isNaN), "round \(round) \(s.spec.name)")
                #expect(r.sampleStreams[i].images == s.recentImages.map { $0.map { $0 ? 1 : 0 } })
            }
        }
    }
}
