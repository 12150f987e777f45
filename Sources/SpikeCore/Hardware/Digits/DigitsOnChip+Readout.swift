/// Figures, series and the weight histogram of the digits lane (docs/scenario-keys.md,
/// kind "hardware-sampling").
extension DigitsOnChip {
    /// Figure names, in display order.
    public static let figureNames = ["digits_accuracy_ideal", "digits_accuracy_open_loop", "digits_accuracy_in_the_loop",
                                     "digits_trials", "digits_trials_in_the_loop", "digits_test_images",
                                     "digits_training_iterations", "digits_training_accuracy_first",
                                     "digits_training_accuracy_last"]

    public func figures(chip: String) -> [Figure] {
        let s = settings
        return [
            Figure(name: "digits_accuracy_ideal", value: accuracyIdeal, label: "digits: label accuracy, ideal model"),
            Figure(name: "digits_accuracy_open_loop", value: accuracyOpenLoop, label: "digits: label accuracy, \(chip) open loop"),
            Figure(name: "digits_accuracy_in_the_loop", value: accuracyInTheLoop,
                   label: "digits: label accuracy, \(chip) trained in the loop (\(s.iterations) iterations)"),
            Figure(name: "digits_trials", value: Double(ideal.trials), label: "digits: test images classified (ideal, open loop)"),
            Figure(name: "digits_trials_in_the_loop", value: Double(trained?.trials ?? 0),
                   label: "digits: test images classified after training"),
            Figure(name: "digits_test_images", value: Double(testImages.count), label: "digits: held-out test images per lane"),
            Figure(name: "digits_training_iterations", value: Double(trainer.iterationsDone),
                   label: "digits: in-the-loop iterations done (\(s.batchSize) images each)"),
            Figure(name: "digits_training_accuracy_first", value: trainer.curve.first ?? .nan,
                   label: "digits: label accuracy on the training images of iteration 0 (open-loop chip)"),
            Figure(name: "digits_training_accuracy_last", value: trainer.curve.last ?? .nan,
                   label: "digits: label accuracy on the training images of the last iteration"),
        ]
    }

    /// Running accuracy over the test images of each lane (x = images classified) and the
    /// training curve (x = iteration, accuracy on that iteration's training images).
    public var series: [Series] {
        func running(_ t: LabelTrials?) -> [(timeMs: Double, value: Double)] {
            (t?.curve ?? []).enumerated().map { (Double($0.offset + 1), $0.element) }
        }
        return [Series(name: "digits_accuracy_ideal", points: running(ideal)),
                Series(name: "digits_accuracy_open_loop", points: running(openLoop)),
                Series(name: "digits_accuracy_in_the_loop", points: running(trained)),
                Series(name: "digits_training_curve", points: trainer.curve.enumerated().map { (Double($0.offset), $0.element) })]
    }

    /// The ideal W against the realised open-loop and in-the-loop weights (units of W), about 24 bins.
    static func weightHistogram(ideal: [Double], openLoop: [Double], inTheLoop: [Double]) -> Distribution {
        let sets = [ideal, openLoop, inTheLoop]
        return WeightHistogram.distribution(sets, width: WeightHistogram.niceWidth(sets.flatMap { $0 }, bins: 24),
                                            label: "digits RBM weights in units of W: ideal vs realised on the chip",
                                            seriesNames: ["ideal W", "open loop", "in the loop"])
    }
}
