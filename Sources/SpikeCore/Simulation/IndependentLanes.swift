#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Work on independent lanes spread over threads (issue 13): the noise-source screens run one
/// sampling ensemble per noise source, each with its own generators and statistics, and nothing
/// passes between them. Each lane's computation is the one a single thread does, so the result is
/// the same bit for bit for every thread count (determinism); only the wall time changes.
///
/// Threads take the next lane not yet started (a shared counter), so a slow lane (private noise
/// draws K inputs per update) doesn't hold up a thread that has others waiting.
public enum IndependentLanes {
    /// Threads the experiments use by default: the cores online (at least 1).
    public static var defaultThreads: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Calls `body(index, &lanes[index])` once for every lane, on up to `threads` threads
    /// (the calling thread among them); returns when all calls have returned.
    public static func forEach<Lane>(_ lanes: inout [Lane], threads: Int, _ body: (Int, inout Lane) -> Void) {
        let workers = min(max(1, threads), lanes.count)
        guard workers > 1 else {
            for i in lanes.indices { body(i, &lanes[i]) }
            return
        }
        let next = Atomic<Int>(0)
        lanes.withUnsafeMutableBufferPointer { buffer in
            StepThreads.run(count: workers) { _ in
                while true {
                    let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard i < buffer.count else { return }
                    body(i, &buffer[i])   // each index is taken by exactly one thread
                }
            }
        }
    }

    /// `(0..<count).map(make)`, with the calls spread over up to `threads` threads.
    public static func map<Lane>(count: Int, threads: Int, _ make: (Int) -> Lane) -> [Lane] {
        var made = [Lane?](repeating: nil, count: count)
        forEach(&made, threads: threads) { i, slot in slot = make(i) }
        return made.map { $0! }
    }
}
