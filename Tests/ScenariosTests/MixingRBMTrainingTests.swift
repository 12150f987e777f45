import Foundation
import SpikeCore
import Testing
@testable import Scenarios

/// seeds/mixing-rbm.txt, the sticky digit RBM of the mixing scenarios (science.md 3.4 step 2), is
/// exactly what `spiketty train dreaming` writes with the `[training]` table of
/// scenarios/stp-mixing.toml (η 0.05, weight decay 1e-4, 40 epochs PCD-1, 100 hidden, labels,
/// seed 1), and scenarios/oscillations.toml documents the same settings.
@Suite struct MixingRBMTrainingTests {
    static func scenario(_ name: String) throws -> Scenario {
        let path = DreamingTrainingTests.root.appendingPathComponent("scenarios/\(name).toml").path
        return try ScenarioParser.parse(try String(contentsOfFile: path, encoding: .utf8), file: path, name: name)
    }

    /// Retrains the 74-100 RBM (40 epochs of PCD on 1438 images, as in
    /// `DreamingTrainingTests.shippedWeightsReproduce`) with `DreamingTraining.train`, the code
    /// path of `spiketty train dreaming`, and compares the text with the shipped file character
    /// for character (weights, biases and the comment lines with the settings and final
    /// reconstruction error / pseudo-log-likelihood).
    @Test("seeds/mixing-rbm.txt is exactly what `spiketty train dreaming` writes with stp-mixing's [training]")
    func shippedMixingWeightsReproduce() throws {
        let s = try Self.scenario("stp-mixing")
        #expect(s.kind == .stpMixing)
        let settings = DreamingKind.trainingSettings(s)
        #expect(settings.validate().isEmpty)
        let digits = try DigitSeeds.loadDigits(MixingSections.digitsPath(s))
        let text = try DreamingTraining.train(digits: digits, digitsName: s.text("data", "digits"),
                                          heldOutPeriod: s.integer("data", "heldOutPeriod"), settings: settings)
        let shipped = try String(contentsOfFile: MixingSections.weightsPath(s), encoding: .utf8)
        #expect(MixingSections.weightsPath(s).hasSuffix("seeds/mixing-rbm.txt"))
        #expect(text == shipped)
    }

    /// Both mixing scenarios sample the same machine and describe it with the same settings.
    @Test func oscillationsNamesTheSameMachineAndSettings() throws {
        let stp = try Self.scenario("stp-mixing"), osc = try Self.scenario("oscillations")
        #expect(MixingSections.weightsPath(stp) == MixingSections.weightsPath(osc))
        #expect(DreamingKind.trainingSettings(stp).summary == DreamingKind.trainingSettings(osc).summary)
        #expect(stp.integer("data", "heldOutPeriod") == osc.integer("data", "heldOutPeriod"))
    }
}
