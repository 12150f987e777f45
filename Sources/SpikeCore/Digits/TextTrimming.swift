extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns (for the
    /// line-based text formats of digit sets and machines).
    var trimmedOfSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s = s.dropLast() }
        return String(s)
    }
}
