import Foundation
import Scenarios

/// Finds scenario files on disk and loads them (file I/O is the app's job, not the parser's).
///
/// A name (`high-conductance-state`) is looked up in, in order: `$SPIKETTY_SCENARIOS`, the
/// current directory's `scenarios/`, and the `scenarios/` folder of the checkout the binary
/// was built in (found by walking up from the executable). A path (anything with a `/` or
/// ending in `.toml`) is used as given.
public struct ScenarioLocator: Sendable {
    public var searchDirectories: [String]

    public init(searchDirectories: [String]) {
        self.searchDirectories = searchDirectories
    }

    /// The default search list for this process.
    public static func standard() -> ScenarioLocator {
        var dirs: [String] = []
        if let env = ProcessInfo.processInfo.environment["SPIKETTY_SCENARIOS"], !env.isEmpty { dirs.append(env) }
        dirs.append(FileManager.default.currentDirectoryPath + "/scenarios")
        if let root = ResourceRoot.checkoutRoot() { dirs.append(root + "/scenarios") }
        var seen = Set<String>()
        return ScenarioLocator(searchDirectories: dirs.filter { seen.insert(($0 as NSString).standardizingPath).inserted })
    }

    /// The name of the scenario the app opens when none is given.
    public static let defaultScenario = "high-conductance-state"

    /// Every scenario file found, by name (first directory wins), sorted by name.
    public func available() -> [(name: String, path: String)] {
        var found: [String: String] = [:]
        for dir in searchDirectories {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for entry in entries where entry.hasSuffix(".toml") {
                let name = String(entry.dropLast(5))
                if found[name] == nil { found[name] = dir + "/" + entry }
            }
        }
        return found.sorted { $0.key < $1.key }.map { (name: $0.key, path: $0.value) }
    }

    /// Resolves a name or path to a file path, or explains what was searched.
    public func resolve(_ nameOrPath: String) throws(LoadError) -> String {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            guard FileManager.default.isReadableFile(atPath: nameOrPath) else {
                throw LoadError(message: "\(nameOrPath): no such scenario file")
            }
            return nameOrPath
        }
        if let hit = available().first(where: { $0.name == nameOrPath }) { return hit.path }
        let names = available().map(\.name)
        var message = "no scenario named '\(nameOrPath)' in " + searchDirectories.joined(separator: ", ")
        if !names.isEmpty { message += "; available: " + names.joined(separator: ", ") }
        throw LoadError(message: message)
    }

    /// Reads and validates a scenario by name or path.
    public func load(_ nameOrPath: String) throws(LoadError) -> Scenario {
        let path = try resolve(nameOrPath)
        return try ScenarioLocator.load(path: path)
    }

    /// Reads and validates the scenario file at `path`.
    public static func load(path: String) throws(LoadError) -> Scenario {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LoadError(message: "\(path): cannot read the file (\(error.localizedDescription))")
        }
        let base = (path as NSString).lastPathComponent
        let name = base.hasSuffix(".toml") ? String(base.dropLast(5)) : base
        do {
            return try ScenarioParser.parse(text, file: path, name: name)
        } catch {
            throw LoadError(message: error.description)
        }
    }
}

/// A scenario or theme could not be found, read or validated; `message` says which and why.
public struct LoadError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// Where the checkout the binary was built from lives (for its `scenarios/` and `themes/`).
public enum ResourceRoot {
    /// Walks up from the running executable to the first directory holding `Package.swift`
    /// and `scenarios/`; nil when the binary was copied elsewhere.
    public static func checkoutRoot() -> String? {
        guard let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        var dir = (exe as NSString).deletingLastPathComponent
        while dir != "/" && !dir.isEmpty {
            if FileManager.default.fileExists(atPath: dir + "/Package.swift"),
               FileManager.default.fileExists(atPath: dir + "/scenarios") {
                return dir
            }
            dir = (dir as NSString).deletingLastPathComponent
        }
        return nil
    }
}
