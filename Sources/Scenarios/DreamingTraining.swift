import SpikeCore

/// `spiketty train dreaming`: trains the scenario's RBM on the training split of its digit set
/// with persistent contrastive divergence and writes it to the scenario's weights file after
/// every epoch, atomically (an interrupted run keeps the last finished epoch). The file text
/// depends only on the data and the `[training]` settings, so the shipped weights can be
/// checked by retraining.
public enum DreamingTraining {
    /// Comment lines of the weights file (deterministic: no dates, no timings).
    public static func comments(settings: RBMTrainingSettings, digitsName: String, trainingCount: Int,
                                heldOutPeriod: Int, report: RBMEpochReport) -> [String] {
        [
            "spiketty restricted Boltzmann machine, written by `spiketty train dreaming` (science.md 3.4)",
            "persistent contrastive divergence on \(trainingCount) binarised images of \(digitsName) (pixel > 8/16; every \(heldOutPeriod)th image held out)",
            "training: \(settings.summary)",
            "epoch \(report.epoch) of \(settings.epochs): reconstruction error \(report.reconstructionError), pseudo-log-likelihood \(report.pseudoLogLikelihood) nats",
        ]
    }

    /// Trains in memory and returns the final file text (what `train` writes), calling
    /// `progress` after every epoch with the report and the text of that epoch.
    public static func train(digits: DigitSet, digitsName: String, heldOutPeriod: Int, settings: RBMTrainingSettings,
                             progress: (RBMEpochReport, String) throws -> Void = { _, _ in }) rethrows -> String {
        let training = digits.split(heldOutPeriod: heldOutPeriod).training
        let trainer = PCDTrainer(settings: settings, training: training)
        var text = ""
        for _ in 0..<settings.epochs {
            let report = trainer.trainEpoch()
            text = trainer.machine.text(comments: comments(settings: settings, digitsName: digitsName, trainingCount: training.count,
                                                           heldOutPeriod: heldOutPeriod, report: report))
            try progress(report, text)
        }
        return text
    }

    /// Trains the scenario's machine and writes it to its weights file after every epoch.
    public static func train(_ s: Scenario, progress: (RBMEpochReport) -> Void) throws(DigitSeeds.LoadError) {
        guard s.kind == .dreaming else { throw DigitSeeds.LoadError(message: "\(s.file): kind \(s.kind.rawValue) has nothing to train") }
        let digits = try DigitSeeds.loadDigits(DreamingKind.digitsPath(s))
        let path = DreamingKind.weightsPath(s)
        let settings = DreamingKind.trainingSettings(s)
        let problems = settings.validate()
        guard problems.isEmpty else { throw DigitSeeds.LoadError(message: "\(s.file): [training] " + problems.joined(separator: "; ")) }
        do {
            _ = try train(digits: digits, digitsName: s.text("data", "digits"), heldOutPeriod: s.integer("data", "heldOutPeriod"),
                          settings: settings) { report, text in
                try DigitSeeds.writeAtomically(text, to: path)
                progress(report)
            }
        } catch let e as DigitSeeds.LoadError {
            throw e
        } catch {
            throw DigitSeeds.LoadError(message: "\(path): \(error)")
        }
    }
}
