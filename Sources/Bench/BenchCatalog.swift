/// The named workloads `spiketty bench` knows (issue 13's reference table plus calibration and
/// frame rendering).
public enum BenchCatalog {
    public static let framesName = "frames"
    public static let names = ["sampling-5", "scale-1k", "scale-10k", "calibration", framesName]

    /// A network workload by name, its biological duration multiplied by `durationScale`, its
    /// step loop allowed `threads` threads.
    public static func network(_ name: String, durationScale: Double = 1, threads: Int = 1) -> BenchWorkload? {
        switch name {
        case "sampling-5": return NetworkWorkloads.sampling5(durationMs: (100_500 * durationScale).rounded(), threads: threads)
        case "scale-1k": return NetworkWorkloads.scale(count: 1000, durationMs: (10_000 * durationScale).rounded(), threads: threads)
        case "scale-10k": return NetworkWorkloads.scale(count: 10_000, durationMs: (10_000 * durationScale).rounded(), threads: threads)
        case "calibration": return NetworkWorkloads.calibration(durationMs: (10_000 * durationScale).rounded(), threads: threads)
        default: return nil
        }
    }
}
