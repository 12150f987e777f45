import Synchronization

/// Calibrations computed in this process, keyed by `CalibrationSettings.key` (science.md 1.5:
/// "calibrations cached per parameter set"). The persistent half of the cache is the text
/// format of `ActivationCalibration` (the app reads and writes the files).
public final class CalibrationCache: Sendable {
    private let storage = Mutex<[String: ActivationCalibration]>([:])

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
        guard let c = CalibrationSweep.run(settings), c.converged else { return nil }
        store(c)
        return c
    }

    public func removeAll() { storage.withLock { $0.removeAll() } }
}
