#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The threads of one threaded `Network.advance` call: worker 0 is the calling thread, the
/// others are started for the call and joined before it returns (no pool outlives a call, so a
/// copied network never shares threads).
enum StepThreads {
    /// Runs `body(w)` for w = 0 ..< `count` concurrently, `body(0)` on the calling thread, and
    /// returns when all have returned.
    static func run(count: Int, _ body: (Int) -> Void) {
        guard count > 1 else { body(0); return }
        withoutActuallyEscaping(body) { escapable in
            let box = WorkerContext(body: escapable)
            var threads: [pthread_t] = []
            for w in 1..<count {
                let context = Unmanaged.passRetained(WorkerStart(context: box, worker: w)).toOpaque()
                var thread = pthread_t()
                let status = pthread_create(&thread, nil, { raw in
                    let start = Unmanaged<WorkerStart>.fromOpaque(raw!).takeRetainedValue()
                    start.context.body(start.worker)
                    return nil
                }, context)
                precondition(status == 0, "cannot start a step thread (pthread_create: \(status))")
                threads.append(thread)
            }
            escapable(0)
            for thread in threads { pthread_join(thread, nil) }
        }
    }

    /// The closure shared by the workers (it only reaches raw buffers each worker owns a part of).
    private final class WorkerContext: @unchecked Sendable {
        let body: (Int) -> Void
        init(body: @escaping (Int) -> Void) { self.body = body }
    }

    private final class WorkerStart: @unchecked Sendable {
        let context: WorkerContext
        let worker: Int
        init(context: WorkerContext, worker: Int) {
            self.context = context
            self.worker = worker
        }
    }
}

/// A reusable barrier for the step threads: spins briefly (a step of a large network takes tens
/// of microseconds, a sleep would cost more), then yields the core, so a descheduled partner on
/// a busy machine does not starve. Its atomics order the plain memory accesses around it
/// (what one thread wrote before `wait` is visible to every thread after it).
final class SpinBarrier: Sendable {
    private let parties: Int
    private let arrived = Atomic<Int>(0)
    private let generation = Atomic<Int>(0)

    init(parties: Int) { self.parties = parties }

    func wait() {
        let current = generation.load(ordering: .acquiring)
        if arrived.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue == parties {
            arrived.store(0, ordering: .relaxed)
            generation.wrappingAdd(1, ordering: .releasing)
            return
        }
        var spins = 0
        while generation.load(ordering: .acquiring) == current {
            spins += 1
            if spins > 4_000 { sched_yield() }
        }
    }
}
