/// Why a session log cannot be read; the message names the line and what was expected.
public struct SessionLogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line number (0 when the problem is not on one line, e.g. an empty file).
    public var line: Int
    public var message: String
    /// Set when the log comes from a newer format version than this build reads.
    public var newerVersion: Int?

    public init(line: Int, message: String, newerVersion: Int? = nil) {
        self.line = line
        self.message = message
        self.newerVersion = newerVersion
    }

    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}
