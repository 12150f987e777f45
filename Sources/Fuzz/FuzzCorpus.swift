import Foundation

/// The shipped files the fuzzer starts from: every scenario, every theme and the recorded
/// session logs under Tests/FuzzTests/Corpus, read from a checkout.
public enum FuzzCorpus {
    /// Folder of the checked-in recorded session logs, relative to the checkout.
    public static let logFolder = "Tests/FuzzTests/Corpus"

    public static func load(root: String) throws -> [FuzzSeedFile] {
        func files(_ folder: String, suffix: String, target: FuzzTarget) throws -> [FuzzSeedFile] {
            let dir = root + "/" + folder
            return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(suffix) }.sorted().map {
                FuzzSeedFile(target: target, path: "\(folder)/\($0)",
                             text: try String(contentsOfFile: dir + "/" + $0, encoding: .utf8))
            }
        }
        return try files("scenarios", suffix: ".toml", target: .scenario) + files("themes", suffix: ".theme", target: .theme)
            + files(logFolder, suffix: ".stlog", target: .sessionLog)
    }
}
