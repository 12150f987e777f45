import Canvas
import Recording
import Scenarios

/// A reader the fuzzer feeds: what kind of file it reads and how a rejection must look.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `ScenarioParser.parse` (scenarios/*.toml).
    case scenario
    /// `Theme.load` (themes/*.theme, btop syntax: bad lines are warnings).
    case theme
    /// `SessionLogReader.read` and then the scenario text embedded in the log's header.
    case sessionLog
}

/// What one fuzz case did.
public enum FuzzOutcome: Sendable, Equatable {
    /// The reader took the text (for themes: possibly with warnings, each well formed).
    case accepted
    /// The reader refused the text with well-formed messages.
    case rejected
    /// A message that does not name the file, a line in the text, or what was expected.
    case malformed(String)
}

/// A file of the corpus: its path as shown to users and its text.
public struct FuzzSeedFile: Sendable {
    public var target: FuzzTarget
    public var path: String
    public var text: String

    public init(target: FuzzTarget, path: String, text: String) {
        self.target = target
        self.path = path
        self.text = text
    }
}

/// Runs one reader on one text and checks the shape of every message it gives:
/// `file:line: …expected…` for scenarios, `file: line N: …` for theme warnings and logs.
public enum FuzzOracle {
    /// Words that show a message says what was expected (the schema's expectation, a
    /// suggestion, or the list of known keys).
    static let expectationWords = ["expected", "did you mean", "known keys", "needs at least"]

    public static func run(_ target: FuzzTarget, path: String, text: String) -> FuzzOutcome {
        let lineCount = lines(text)
        switch target {
        case .scenario:
            return scenario(text, file: path, lineCount: lineCount)
        case .theme:
            do {
                let (_, warnings) = try Theme.load(text: text, fileName: path)
                for w in warnings {
                    if let problem = shape(w.description, file: path, line: w.line, lineCount: lineCount,
                                           prefix: "\(path): line \(w.line): ", words: expectationWords + ["missing"]) {
                        return .malformed(problem)
                    }
                }
                return .accepted
            } catch {
                // No theme line at all: a whole-file problem, so no line to name.
                let m = error.description
                return m.hasPrefix("\(path): ") && m.contains("expected") ? .rejected : .malformed(m)
            }
        case .sessionLog:
            do {
                let log = try SessionLogReader.read(text)
                // Replay parses the embedded scenario next; its messages name the log and the scenario.
                let embedded = scenario(log.header.scenarioText, file: "\(path) (scenario \(log.header.scenarioFile))",
                                        lineCount: lines(log.header.scenarioText))
                return embedded == .accepted ? .accepted : embedded == .rejected ? .rejected : embedded
            } catch {
                // The command line prints "path: " + description (RecordingSupport.readLog).
                let m = "\(path): \(error.description)"
                if error.line == 0 {
                    return m.contains("empty file") ? .rejected : .malformed("no line: " + m)
                }
                if let problem = shape(m, file: path, line: error.line, lineCount: lineCount,
                                       prefix: "\(path): line \(error.line): ",
                                       words: expectationWords + ["unknown", "has no", "never go back", "does not match", "newer", "ends inside"]) {
                    return .malformed(problem)
                }
                return .rejected
            }
        }
    }

    /// Lines as the readers count them: newline bytes + 1 ("\r\n" is one Character, so
    /// splitting the String on "\n" would miss those lines).
    static func lines(_ text: String) -> Int { text.utf8.reduce(1) { $1 == 10 ? $0 + 1 : $0 } }

    static func scenario(_ text: String, file: String, lineCount: Int) -> FuzzOutcome {
        do {
            _ = try ScenarioParser.parse(text, file: file, name: "fuzz")
            return .accepted
        } catch {
            if error.errors.isEmpty { return .malformed("a rejection with no message") }
            for e in error.errors {
                guard e.file == file else { return .malformed("names file \(e.file): \(e)") }
                guard let line = e.line else { return .malformed("no line: \(e)") }
                if let problem = shape(e.description, file: file, line: line, lineCount: lineCount,
                                       prefix: "\(file):\(line): ", words: expectationWords) {
                    return .malformed(problem)
                }
            }
            return .rejected
        }
    }

    /// Nil when `message` starts with `prefix`, names a line of the text and says what was expected.
    static func shape(_ message: String, file: String, line: Int, lineCount: Int, prefix: String,
                      words: [String]) -> String? {
        guard (1...max(1, lineCount)).contains(line) else { return "line \(line) outside 1...\(lineCount): \(message)" }
        guard message.hasPrefix(prefix) else { return "does not start with '\(prefix)': \(message)" }
        let lower = message.lowercased()
        guard words.contains(where: { lower.contains($0) }) else { return "says nothing expected: \(message)" }
        return nil
    }
}
