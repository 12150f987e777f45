import Foundation
import SpikeCore
import Testing
@testable import Scenarios

/// `spiketty train dreaming`: the shipped weights are exactly what training writes, training
/// writes after every epoch without leaving partial files, and seed files with problems are
/// reported with file and line.
@Suite(.serialized) struct DreamingTrainingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func scenario(_ path: String) throws -> Scenario {
        try ScenarioParser.parse(try String(contentsOfFile: path, encoding: .utf8), file: path, name: "dreaming")
    }

    /// Retrains the shipped 74-100 RBM (40 epochs of PCD-10 on 1438 images: ≈ 20–45 s of CPU in release)
    /// and compares the text with seeds/dreaming-rbm.txt character for character.
    @Test("the shipped weights are exactly what `spiketty train dreaming` writes")
    func shippedWeightsReproduce() throws {
        let s = try Self.scenario(Self.root.appendingPathComponent("scenarios/dreaming.toml").path)
        let digits = try DigitSeeds.loadDigits(DreamingKind.digitsPath(s))
        let text = try DreamingTraining.train(digits: digits, digitsName: s.text("data", "digits"),
                                          heldOutPeriod: s.integer("data", "heldOutPeriod"),
                                          settings: DreamingKind.trainingSettings(s))
        let shipped = try String(contentsOfFile: DreamingKind.weightsPath(s), encoding: .utf8)
        #expect(text == shipped)
    }

    @Test("training a small machine writes the file after every epoch, atomically, and it loads")
    func smallTrainingWritesEachEpoch() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("spiketty-train-\(getpid())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("seeds"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("seeds/optdigits-8x8.txt"),
                                         to: dir.appendingPathComponent("seeds/optdigits-8x8.txt"))
        var text = try String(contentsOf: Self.root.appendingPathComponent("scenarios/dreaming.toml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "hidden = 100", with: "hidden = 8")
            .replacingOccurrences(of: "epochs = 40", with: "epochs = 2")
            .replacingOccurrences(of: "chains = 100", with: "chains = 10")
            .replacingOccurrences(of: "dreaming-rbm.txt", with: "small.txt")
        let file = dir.appendingPathComponent("scenarios/small.toml").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let s = try DreamingKind.$loadingForTraining.withValue(true) { try Self.scenario(file) }
        var epochsSeen: [Int] = []
        let weights = dir.appendingPathComponent("seeds/small.txt").path
        try DreamingTraining.train(s) { report in
            epochsSeen.append(report.epoch)
            let saved = try? RestrictedBoltzmannMachine(text: String(contentsOfFile: weights, encoding: .utf8))
            #expect(saved?.hiddenCount == 8)
            #expect((try? String(contentsOfFile: weights, encoding: .utf8))?.contains("# epoch \(report.epoch) of 2") == true)
        }
        #expect(epochsSeen == [1, 2])
        #expect(!FileManager.default.fileExists(atPath: weights + ".partial"))
        // Now the scenario validates without the training flag and builds a dreaming experiment.
        let built = try Self.scenario(file)
        #expect(DreamingKind.engineProblems(built).isEmpty)
    }

    @Test("a missing weights file and a broken digit file are reported with file and line")
    func loaderErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("spiketty-seeds-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.txt").path
        try "images 2 width 2 height 1 levels 16\n1 00\n2 0\n".write(toFile: bad, atomically: true, encoding: .utf8)
        do {
            _ = try DigitSeeds.loadDigits(bad)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "\(bad):3: expected 2 pixel characters, got 1")
        }
        do {
            _ = try DigitSeeds.loadMachine(dir.appendingPathComponent("none.txt").path)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("none.txt: cannot read the file"))
        }
    }
}
