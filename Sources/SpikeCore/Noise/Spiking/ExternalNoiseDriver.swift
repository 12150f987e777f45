/// A population of spike sources together with its synapses onto the samplers: the noise of a
/// `SpikingSamplingEnsemble` whose background is explicit spiking sources rather than per-neuron
/// Poisson generators (science.md 2.1, 2.2): private Poisson sources, a shared Poisson pool, or
/// a deterministic background network of LIF neurons.
public struct ExternalNoiseDriver: Sendable {
    /// The Poisson sources (private or pooled), if that is the source.
    public private(set) var pool: PoissonSourcePool?
    /// The background network, if that is the source.
    public private(set) var network: LIFBackgroundNetwork?
    /// Continuous (OU) conductance noise, if that is the source.
    public private(set) var continuous: OrnsteinUhlenbeckConductance?
    public private(set) var projection: ExternalNoiseProjection

    public init(pool: PoissonSourcePool, projection: ExternalNoiseProjection) {
        precondition(pool.size == projection.sourceCount)
        self.pool = pool
        self.projection = projection
    }

    public init(network: LIFBackgroundNetwork, projection: ExternalNoiseProjection) {
        precondition(network.config.size == projection.sourceCount)
        self.network = network
        self.projection = projection
    }

    /// Continuous noise: `projection` has no sources (it carries the monitor).
    public init(continuous: OrnsteinUhlenbeckConductance, projection: ExternalNoiseProjection) {
        precondition(continuous.targetCount == projection.targetCount)
        self.continuous = continuous
        self.projection = projection
    }

    /// Advances the sources one step and hands this step's arriving conductances to `schedule`
    /// (mutating the optionals in place: no copy of the sources' state per step).
    public mutating func step(_ schedule: (Double, Bool, Int) -> Void) {
        if pool != nil {
            pool!.step()
            projection.enqueue(pool!.lastSpikes)
        } else if continuous != nil {
            let (e, i) = continuous!.step()
            projection.addArrivals(excitatory: e, inhibitory: i)
        } else {
            network!.step()
            projection.enqueue(network!.lastSpikes)
        }
        projection.deliver(schedule)
    }

    /// Spike probability per step of every source since the last statistics reset (measured).
    public var measuredSpikeProbabilities: [Double] {
        let steps = Double(projection.countedSteps)
        return projection.sourceSpikes.map { steps > 0 ? Double($0) / steps : .nan }
    }

    /// The chip's factors of the targets' noise synapses (`ExternalNoiseProjection.setTargetFactors`).
    public mutating func setTargetFactors(_ factors: [(excitatory: Double, inhibitory: Double)]) {
        projection.setTargetFactors(factors)
    }

    public mutating func resetStatistics() {
        projection.resetStatistics()
        network?.resetCounts()
    }
}
