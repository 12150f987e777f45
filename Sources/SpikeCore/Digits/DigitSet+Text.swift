/// The compact text form of a digit set (seeds/optdigits-8x8.txt, written by
/// Scripts/convert-optdigits.py):
///
///     # comments
///     images 1797 width 8 height 8 levels 16
///     0 005d910000dfaf50…      (label, a space, one character 0-9 a-z per pixel, row-major)
extension DigitSet {
    /// What is wrong with a digit-set text, with the line it is on (1-based).
    public struct TextError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Parses the text form; every image line is checked against the header.
    public init(text: String) throws(TextError) {
        var header: (count: Int, width: Int, height: Int, levels: Int)?
        var pixels: [UInt8] = []
        var labels: [Int] = []
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmedOfSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ")
            guard let h = header else {
                let expected = "a header 'images N width W height H levels L'"
                guard parts.count == 8, parts[0] == "images", parts[2] == "width", parts[4] == "height", parts[6] == "levels",
                      let n = Int(parts[1]), let w = Int(parts[3]), let hh = Int(parts[5]), let l = Int(parts[7]),
                      n > 0, w > 0, hh > 0, (1...35).contains(l)
                else { throw TextError(line: lineNumber, message: "expected \(expected), got \"\(line)\"") }
                header = (n, w, hh, l)
                continue
            }
            guard parts.count == 2, let label = Int(parts[0]), (0...9).contains(label) else {
                throw TextError(line: lineNumber, message: "expected 'label pixels' with a label 0-9, got \"\(line.prefix(40))\"")
            }
            let chars = Array(parts[1].utf8)
            guard chars.count == h.width * h.height else {
                throw TextError(line: lineNumber, message: "expected \(h.width * h.height) pixel characters, got \(chars.count)")
            }
            for c in chars {
                let v: Int
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): v = Int(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "z"): v = Int(c - UInt8(ascii: "a")) + 10
                default: v = -1
                }
                guard (0...h.levels).contains(v) else {
                    throw TextError(line: lineNumber, message: "expected pixel characters 0-9 a-z up to the level \(h.levels), got '\(Character(Unicode.Scalar(c)))'")
                }
                pixels.append(UInt8(v))
            }
            labels.append(label)
        }
        guard let h = header else { throw TextError(line: lineNumber, message: "expected a header 'images N width W height H levels L'") }
        guard labels.count == h.count else {
            throw TextError(line: lineNumber, message: "header promises \(h.count) images, found \(labels.count)")
        }
        self.init(width: h.width, height: h.height, levels: h.levels, pixels: pixels, labels: labels)
    }
}
