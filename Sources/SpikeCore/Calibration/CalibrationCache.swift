import Synchronization

/// Calibrations computed in this process, keyed by `CalibrationSettings.key` (science.md 1.5:
/// "calibrations cached per parameter set"). The persistent half of the cache is the text
/// format of `ActivationCalibration` (the app reads and writes the files).
public final class CalibrationCache: Sendable {
    private let storage = Mutex<[String: ActivationCalibration]>([:])
    private let persistent = Mutex<(any CalibrationStore)?>(nil)

    /// Where calibrations outlive the process (the app plugs in a folder of text files);
    /// nil keeps them in memory only.
    public func setStore(_ store: (any CalibrationStore)?) {
        persistent.withLock { $0 = store }
    }

    public init() {}

    /// The process-wide cache.
    public static let shared = CalibrationCache()

    public func calibration(forKey key: String) -> ActivationCalibration? {
        storage.withLock { $0[key] }
    }

    /// Stores a calibration under its own key.
    public func store(_ calibration: ActivationCalibration) {
        storage.withLock { $0[calibration.key] = calibration }
    }

    /// The cached calibration for `settings`, computing (and caching) it if missing.
    /// Nil if the calibration fails (no usable range, or the fit does not converge).
    public func calibration(for settings: CalibrationSettings) -> ActivationCalibration? {
        if let c = calibration(forKey: settings.key) { return c }
        let backing = persistent.withLock { $0 }
        // A stored calibration is used only if it parses and was made for exactly these settings.
        if let text = backing?.load(key: settings.key), let c = try? ActivationCalibration(text: text),
           c.key == settings.key, c.converged {
            store(c)
            return c
        }
        guard let c = CalibrationSweep.run(settings), c.converged else { return nil }
        store(c)
        backing?.save(key: c.key, text: c.text)
        return c
    }

    /// The calibration an experiment uses: the one its configuration gives, else a cached
    /// (measured) one for `settings`, else the sbs reference (science.md 1.12), which is marked as
    /// not measured for the screen to say so.
    public func resolve(_ given: ActivationCalibration?, settings: CalibrationSettings)
        -> (calibration: ActivationCalibration, measured: Bool) {
        if let c = given ?? calibration(for: settings) { return (c, true) }
        return (.sbsReference, false)
    }

    public func removeAll() { storage.withLock { $0.removeAll() } }
}

/// Persistent storage of calibrations as text (the format of `ActivationCalibration.text`),
/// keyed by `CalibrationSettings.key`. The engine does no file I/O; the app provides this.
public protocol CalibrationStore: Sendable {
    /// The stored text for `key`, if any.
    func load(key: String) -> String?
    /// Stores `text` under `key` (failures are the store's to report or ignore).
    func save(key: String, text: String)
}
