import Foundation
import Scenarios
import SpikeCore

/// Calibrations kept as small text files the user can read, edit and reuse (science.md 1.5:
/// calibrations cached per parameter set), in `$XDG_CACHE_HOME/spiketty/calibrations` or
/// `~/.cache/spiketty/calibrations`. One file per parameter set, named by a hash of its key;
/// the full key is inside the file and must match exactly for the file to be used.
public struct CalibrationFiles: CalibrationStore {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The standard folder for this user, or nil when there is no home folder.
    public static func standard() -> CalibrationFiles? {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return CalibrationFiles(directory: xdg + "/spiketty/calibrations") }
        if let home = env["HOME"], !home.isEmpty { return CalibrationFiles(directory: home + "/.cache/spiketty/calibrations") }
        return nil
    }

    /// The file for a key: `calibration-<16 hex digits of FNV-1a 64 of the key>.txt`.
    public func path(forKey key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return directory + "/calibration-" + String(repeating: "0", count: 16 - hex.count) + hex + ".txt"
    }

    public func load(key: String) -> String? {
        try? String(contentsOfFile: path(forKey: key), encoding: .utf8)
    }

    /// Writes the file atomically (a crash never leaves half a calibration); failures are
    /// ignored: the calibration is then simply measured again next time.
    public func save(key: String, text: String) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try AtomicFile.write(text, to: path(forKey: key))
        } catch {
            return
        }
    }
}
