import Synchronization

/// Identities for the histories of `Landscape` trails (issue 13): a producer gives each trail
/// a generation and takes a fresh one whenever it replaces the trail's points rather than
/// appending to them, so a drawing cache that saw the trail before can tell an extension from
/// count and generation alone instead of comparing thousands of points every frame.
///
/// Values are unique in the process (a relaxed atomic counter; never 0), so trails of two
/// experiments, or of one experiment before and after a restart, never share one. They are
/// not part of the simulation's state: they depend on what else the process made and are left
/// out of the checksums (`ExperimentChecksum`).
public enum TrailGeneration {
    private static let counter = Atomic<UInt64>(0)

    /// A generation no earlier call in this process returned.
    public static func next() -> UInt64 {
        counter.add(1, ordering: .relaxed).newValue
    }
}
