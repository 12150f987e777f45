import Foundation

extension SpikettyApp {
    /// The frame as plain text: one line per row, trailing blanks removed (what `s` saves).
    public func snapshotText() -> String {
        render().lines.map { line in
            var l = line
            while l.last == " " { l.removeLast() }
            return l
        }.joined(separator: "\n") + "\n"
    }

    /// Writes `snapshotText()` to `spiketty-<scenario>-<frame>.txt` in `snapshotDirectory`
    /// (the current directory by default) and says where on the message line.
    func saveSnapshot() {
        let directory = snapshotDirectory ?? FileManager.default.currentDirectoryPath
        let path = directory + "/spiketty-\(scenario.name)-\(frameCount).txt"
        do {
            try snapshotText().write(toFile: path, atomically: true, encoding: .utf8)
            setMessage("snapshot saved: \(path)")
            record(.snapshot(path: path))
        } catch {
            setMessage("snapshot not saved: \(path): \(error.localizedDescription)")
        }
    }
}
