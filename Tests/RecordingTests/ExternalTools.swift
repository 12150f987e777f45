import Foundation

/// Running programs from tests (the built spiketty binary, asciinema, python3 with NEST).
enum ExternalTools {
    /// The first executable called `name` on $PATH (or the path in `override`, an environment variable).
    static func find(_ name: String, override: String? = nil) -> String? {
        let env = ProcessInfo.processInfo.environment
        if let override, let path = env[override], FileManager.default.isExecutableFile(atPath: path) { return path }
        for dir in (env["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs a program to completion (killed after `timeout` s): exit status and standard output.
    @discardableResult
    static func run(_ path: String, _ arguments: [String], timeout: Double = 120) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("spiketty-tool-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).out").path
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try output.close()
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (process.terminationStatus, text)
    }

    /// python3 (or $SPIKETTY_PYTHON) when it can `import nest`.
    static let pythonWithNEST: String? = {
        guard let python = find("python3", override: "SPIKETTY_PYTHON"),
              let result = try? run(python, ["-c", "import nest"], timeout: 60), result.status == 0 else { return nil }
        return python
    }()

    static let asciinema: String? = find("asciinema", override: "SPIKETTY_ASCIINEMA")

    /// The spiketty binary of this build configuration.
    static var spiketty: String? {
        #if DEBUG
        let config = "debug"
        #else
        let config = "release"
        #endif
        let path = repositoryRoot.appendingPathComponent(".build/\(config)/spiketty").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}
