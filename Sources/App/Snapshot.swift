import Foundation
import Scenarios

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
            try AtomicFile.write(snapshotText(), to: path)
            setMessage("snapshot saved: \(path)")
            record(.snapshot(path: path))
        } catch {
            setMessage("snapshot not saved: \(error.reason): \(path)")
        }
    }
}
