import App
import ArgumentParser
import Canvas
import Scenarios
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writes a line to standard error with write(2) (Swift 6 rejects the C global `stderr`;
/// never called while curses owns the screen).
func printError(_ message: String) {
    var line = message
    if !line.hasSuffix("\n") { line += "\n" }
    _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
}

/// Loads a scenario by name or path, or prints why not and exits with status 2 — before
/// anything touches the screen.
func loadScenarioOrExit(_ nameOrPath: String) throws -> Scenario {
    do {
        return try ScenarioLocator.standard().load(nameOrPath)
    } catch {
        printError("spiketty: " + error.description)
        throw ExitCode(2)
    }
}

/// The colour depth forced on the terminal by `--color`, or nil to use what it reports.
/// Precedence (terminal.md 3.3): --color > NO_COLOR > what the terminal reports.
func forcedColorDepth(_ color: RunCommand.ColorOption) -> ColorDepth? {
    let noColor = getenv("NO_COLOR").map { String(cString: $0) }
    return switch color {
    case .auto: ColorDepth.resolve(flag: .auto, noColorEnv: noColor, terminalColors: 256) == .none ? ColorDepth.none : nil
    case .always: nil
    case .never: ColorDepth.none
    case .c16: .ansi16
    case .c256: .palette256
    }
}
