import Foundation
import SpikeCore

/// Reads and writes the digit data and trained machines kept in the project's `seeds/` folder
/// (SpikeCore parses text; files are this target's job). Errors name the file and the line.
public enum DigitSeeds {
    /// A problem with a seeds file, as one message naming the file.
    public struct LoadError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
        public init(message: String) { self.message = message }
    }

    /// The `seeds/` folder that belongs to a scenario file: beside its `scenarios/` folder.
    public static func seedsDirectory(forScenarioFile file: String) -> String {
        let scenarioDir = URL(fileURLWithPath: file).deletingLastPathComponent()
        return scenarioDir.deletingLastPathComponent().appendingPathComponent("seeds").path
    }

    /// `name` inside the scenario's seeds folder (absolute paths are used as given): the
    /// `seeds/` beside the scenario's folder, else the current directory's `seeds/` if the file
    /// exists there (a scenario given by a bare file name), else the first.
    public static func path(_ name: String, forScenarioFile file: String) -> String {
        if name.hasPrefix("/") { return name }
        let beside = seedsDirectory(forScenarioFile: file) + "/" + name
        let here = FileManager.default.currentDirectoryPath + "/seeds/" + name
        if !FileManager.default.fileExists(atPath: beside), FileManager.default.fileExists(atPath: here) { return here }
        return beside
    }

    static func read(_ path: String) throws(LoadError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LoadError(message: "\(path): cannot read the file (\(error.localizedDescription)); expected an existing, readable text file")
        }
    }

    /// The digit set in `path` (compact text form, seeds/README.md).
    public static func loadDigits(_ path: String) throws(LoadError) -> DigitSet {
        let text = try read(path)
        do {
            return try DigitSet(text: text)
        } catch {
            throw LoadError(message: "\(path):\(error.line): \(error.message)")
        }
    }

    /// The RBM in `path` (text form written by `spiketty train`).
    public static func loadMachine(_ path: String) throws(LoadError) -> RestrictedBoltzmannMachine {
        let text = try read(path)
        do {
            return try RestrictedBoltzmannMachine(text: text)
        } catch {
            throw LoadError(message: "\(path):\(error.line): \(error.message)")
        }
    }

    /// Writes `text` to `path` atomically: a temporary file in the same folder, then a rename,
    /// so an interrupted write never leaves half a file (the previous version stays intact).
    public static func writeAtomically(_ text: String, to path: String) throws(LoadError) {
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw LoadError(message: error.description)
        }
    }
}
