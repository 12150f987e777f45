import Foundation
import Testing

/// `spiketty --help`, every subcommand's help, and the shell completions the argument parser
/// generates (issue 11): run against the built binary.
@Suite struct CommandLineTests {
    static let subcommands = ["run", "list", "check", "bench", "train", "replay", "export", "talk"]

    /// Runs the spiketty binary with `arguments`; (exit status, standard output + error).
    static func spiketty(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxHarness.spikettyBinary())
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static var shippedScenarios: [String] {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func topLevelHelpListsEverySubcommandAndWhereTheDocsAre() throws {
        let (status, help) = try Self.spiketty(["--help"])
        #expect(status == 0)
        for name in Self.subcommands {
            #expect(help.contains(try Regex("\\n  \(name)( \\(default\\))? +[A-Z]")), "--help does not describe \(name):\n\(help)")
        }
        #expect(help.contains("--generate-completion-script"))
        #expect(help.contains("docs/scenario-keys.md"))
    }

    /// Every argument and option of every subcommand has a description.
    @Test(arguments: subcommands) func everyOptionOfASubcommandIsDescribed(_ name: String) throws {
        let (status, help) = try Self.spiketty([name, "--help"])
        #expect(status == 0)
        #expect(help.hasPrefix("OVERVIEW: "), "\(name) --help has no overview")
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var inList = false
        for (i, line) in lines.enumerated() {
            if line == "ARGUMENTS:" || line == "OPTIONS:" { inList = true; continue }
            if line.isEmpty { inList = false; continue }
            guard inList, line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
            // "  --seed <seed>           Seed for ..." or the name alone with the text on the next line.
            let describedHere = line.dropFirst(2).contains("  ")
            let describedNext = i + 1 < lines.count && lines[i + 1].hasPrefix("        ") && !lines[i + 1].trimmingCharacters(in: .whitespaces).isEmpty
            #expect(describedHere || describedNext, "\(name): no description for \(line.trimmingCharacters(in: .whitespaces))")
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"]) func completionScriptsCoverEverySubcommand(_ shell: String) throws {
        let (status, script) = try Self.spiketty(["--generate-completion-script", shell])
        #expect(status == 0)
        for name in Self.subcommands { #expect(script.contains(name), "\(shell) script lacks \(name)") }
        #expect(script.contains("---completion run -- positional@0"), "\(shell): scenario names are not completed")
        #expect(script.contains("bss1"))
    }

    /// What the shells call when they complete `spiketty run <TAB>` and `--theme <TAB>`.
    @Test func scenarioAndThemeNamesComplete() throws {
        let all = try Self.spiketty(["---completion", "run", "--", "positional@0", "2", "0", "spiketty", "run", ""])
        #expect(all.status == 0)
        let names = all.output.split(separator: "\n").map(String.init)
        #expect(names == Self.shippedScenarios, "\(names)")
        let prefixed = try Self.spiketty(["---completion", "run", "--", "positional@0", "2", "3", "spiketty", "run", "lif"])
        #expect(prefixed.output.split(separator: "\n") == ["lif-sampling"])
        let themes = try Self.spiketty(["---completion", "run", "--", "--theme", "3", "0", "spiketty", "run", "--theme", ""])
        #expect(themes.output.split(separator: "\n").contains("default"))
    }

    /// `--fps` outside 1…120 is refused before anything runs, naming the option and the range.
    @Test(arguments: [["run", "--fps", "0"], ["run", "--fps", "500"], ["talk", "--fps", "121"]])
    func frameRateOutsideItsRangeIsRefused(_ arguments: [String]) throws {
        let (status, output) = try Self.spiketty(arguments)
        #expect(status == 64, "\(arguments): \(status)")
        #expect(output.contains("--fps: expected a whole number of frames per second from 1 to 120, got \(arguments[2])"), "\(output)")
    }
}
