import Foundation
@testable import SpikeCore

/// The shipped seed files, located from this file (tests may read files; SpikeCore never does).
enum DigitTestData {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("seeds/\(name)"), encoding: .utf8)
    }

    /// The optdigits 8x8 set (parsed once).
    static let optdigits: DigitSet = {
        guard let t = try? text("optdigits-8x8.txt"), let set = try? DigitSet(text: t) else {
            preconditionFailure("seeds/optdigits-8x8.txt missing or unreadable")
        }
        return set
    }()

    /// The shipped dreaming RBM.
    static func shippedMachine() throws -> RestrictedBoltzmannMachine {
        try RestrictedBoltzmannMachine(text: try text("dreaming-rbm.txt"))
    }
}
