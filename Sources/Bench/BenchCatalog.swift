import App
import Scenarios
import SpikeCore

/// The named workloads `spiketty bench` knows (issue 13's reference table plus calibration, the
/// digits network and frame rendering).
public enum BenchCatalog {
    public static let framesName = "frames"
    public static let names = ["sampling-5", "scale-1k", "scale-10k", "calibration", "digits", framesName]

    /// A network workload by name, its biological duration multiplied by `durationScale`, its
    /// step loop allowed `threads` threads. Throws when the digits network's trained machine
    /// cannot be found or read (the message names the file).
    public static func network(_ name: String, durationScale: Double = 1, threads: Int = 1) throws -> BenchWorkload? {
        switch name {
        case "sampling-5": return NetworkWorkloads.sampling5(durationMs: (100_500 * durationScale).rounded(), threads: threads)
        case "scale-1k": return NetworkWorkloads.scale(count: 1000, durationMs: (10_000 * durationScale).rounded(), threads: threads)
        case "scale-10k": return NetworkWorkloads.scale(count: 10_000, durationMs: (10_000 * durationScale).rounded(), threads: threads)
        case "calibration": return NetworkWorkloads.calibration(durationMs: (10_000 * durationScale).rounded(), threads: threads)
        case "digits": return NetworkWorkloads.digits(machine: try digitsMachine(), durationMs: (10_000 * durationScale).rounded(),
                                                      threads: threads)
        default: return nil
        }
    }

    /// The machine the dreaming scenario samples: its default trained weights
    /// (seeds/dreaming-rbm.txt, written by `spiketty train dreaming`), found beside the
    /// scenario the standard locator finds.
    static func digitsMachine() throws -> RestrictedBoltzmannMachine {
        do {
            let scenario = try ScenarioLocator.standard().resolve("dreaming")
            return try DigitSeeds.loadMachine(DigitSeeds.path("dreaming-rbm.txt", forScenarioFile: scenario))
        } catch {
            throw DigitSeeds.LoadError(message: "the digits workload samples the dreaming scenario's trained machine "
                + "(seeds/dreaming-rbm.txt beside scenarios/dreaming.toml; run in the checkout or set SPIKETTY_SCENARIOS): \(error)")
        }
    }
}
