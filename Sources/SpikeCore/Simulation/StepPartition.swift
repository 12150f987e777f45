/// The step loop of `Network.advance` on several threads (issue 13), computing exactly what
/// one thread computes.
///
/// The neurons are split into contiguous parts, one per worker. Per step:
/// 1. each worker draws its neurons' background (every neuron has its own generator streams,
///    `RandomStream.backgroundExcitatory/Inhibitory(k)`, so the draws do not depend on the split)
///    and runs the conductance pass on its part, noting the part's largest conductance;
/// 2. barrier; every worker takes the largest over the parts (the maximum of a set is the same
///    however it is grouped), so all use the membrane formula the whole population would, and runs
///    the membrane and threshold passes on its part, writing its spikes at its first neuron's index;
/// 3. barrier; worker 0 (the calling thread) moves the parts' spike lists together in part order,
///    which is neuron order, the order of the one-thread loop, then records, delivers and observes
///    serially, so synaptic increments are added in the same order;
/// 4. barrier: nobody touches the state while the observer reads it.
struct StepPartition {
    /// Fewest neurons per part: below this the three barriers per step cost more than they save.
    static let minimumNeurons = 400
    /// Doubles between two workers' slots in the shared scratch (a cache line each).
    private static let padding = 8

    let workers: Int
    /// Part w is bounds[w] ..< bounds[w + 1].
    let bounds: [Int]
    let barrier: SpinBarrier
    /// Largest conductance (µS) and spike count of each part in the current step.
    private let maxConductance: UnsafeMutablePointer<Double>
    private let spikeCounts: UnsafeMutablePointer<Int>

    init(neurons: Int, workers: Int) {
        self.workers = workers
        bounds = (0...workers).map { $0 * neurons / workers }
        barrier = SpinBarrier(parties: workers)
        maxConductance = .allocate(capacity: workers * Self.padding)
        maxConductance.initialize(repeating: 0, count: workers * Self.padding)
        spikeCounts = .allocate(capacity: workers * Self.padding)
        spikeCounts.initialize(repeating: 0, count: workers * Self.padding)
    }

    func deallocate() {
        maxConductance.deallocate()
        spikeCounts.deallocate()
    }

    /// Worker `worker`'s share of `steps` steps starting at time index `firstStep` (the ring slot
    /// and the background block advance as in the one-thread loop); worker 0 calls
    /// `finish(step, spikeCount)` after each step with the merged spikes at the start of `spiked`.
    func advance(worker w: Int, steps: Int, firstStep: Int64, slots: Int, blockRows: Int, kernel: StepKernel,
                 ring: DelayRing.Pointers, incE: UnsafeMutablePointer<Double>, incI: UnsafeMutablePointer<Double>,
                 spiked: UnsafeMutablePointer<Int32>, finish: (Int64, Int) -> Void) {
        let part = bounds[w]..<bounds[w + 1]
        let n = kernel.n
        var slot = Int(firstStep % Int64(slots))
        var row = blockRows
        for done in 0..<steps {
            if row == blockRows {
                kernel.drawBackground(neurons: part, rows: min(blockRows, steps - done), incE: incE, incI: incI)
                row = 0
            }
            let offset = slot * n
            slot += 1
            if slot == slots { slot = 0 }
            maxConductance[w * Self.padding] = kernel.conductancePass(
                neurons: part, arrivingE: ring.excitatory! + offset, arrivingI: ring.inhibitory! + offset,
                incE: incE + row * n, incI: incI + row * n)
            row += 1
            barrier.wait()
            var largest = 0.0
            for p in 0..<workers {
                let g = maxConductance[p * Self.padding]
                largest = g > largest ? g : largest
            }
            kernel.membranePass(neurons: part, maxConductance: largest)
            spikeCounts[w * Self.padding] = kernel.thresholdPass(neurons: part, spiked: spiked + part.lowerBound)
            barrier.wait()
            if w == 0 {
                var total = spikeCounts[0]
                for p in 1..<workers {
                    let count = spikeCounts[p * Self.padding], source = spiked + bounds[p]
                    if total != bounds[p] {
                        for i in 0..<count { spiked[total + i] = source[i] }
                    }
                    total += count
                }
                finish(firstStep + Int64(done), total)
            }
            barrier.wait()
        }
    }
}
