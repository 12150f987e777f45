import Foundation
import Testing
@testable import SpikeCore

/// Temporary calibration probe (prints numbers); removed before hand-off.
@Suite struct NaturalGradientProbe {
    @Test func probe() {
        let k = PSPKernel.kreutzer2022
        print("cEps", k.squaredIntegral, "q", TeacherStudentSetup.figure3F(seed: 1).q)
        for (m, v) in [(0.0, 10.0), (-15.0, 10.0), (15.0, 410.0), (0.0, 4.0), (-3.0, 129.0)] {
            let c = NaturalGradientCoefficients(mean: m, variance: v, q: 78)
            print("m", m, "v", v, "gamma0", c.gamma0, "g", c.g1, c.g2, c.g3, c.g4)
        }
        let t0 = Date()
        var tr = TeacherStudentTrainer(setup: .figure3DE, learners: [("euclidean", .euclidean, nil), ("natural", .natural, nil), ("approximate", .approximate, nil)], seed: 1, evaluationSeconds: 10)
        for _ in 0..<60 {
            tr.advance(steps: 20000)
            print(tr.timeSeconds, tr.tracks.map { "\($0.name) \($0.path.last!) rmse \($0.rmse.last!.value) cross \(String(describing: $0.crossingSecond))" })
        }
        print("N=2 600 s took", Date().timeIntervalSince(t0))
        let flow = ExpectedLearningFlow(setup: .figure3DE, seed: 1)
        for rule in [LearningRule.euclidean, .natural] {
            var w = TeacherStudentSetup.figure3DE.initialWeights
            var crossed = false
            for s in 0..<2000 {
                let prev = w
                w = flow.heunStep(rule, somaticWeights: w, attenuations: [1, 1], learningRate: rule.figure3DELearningRate, seconds: 1)
                if !crossed && prev[0] < 0 && w[0] >= 0 { crossed = true; print(rule, "crossing at t", s, "w2*N", 2 * w[1]) }
                if s % 100 == 0 { print(rule, s, w.map { $0 * 2 }, flow.costPerSecond(somaticWeights: w)) }
            }
        }
    }
}
