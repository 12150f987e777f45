import SpikeCore

/// The network workloads of issue 13's reference table, defined once here and handed to the
/// peer scripts as `PeerSpec`s so NEST and Brian2 simulate the same networks. All use the sbs
/// neuron (science.md 1.3), 1 excitatory + 1 inhibitory Poisson source of 3 kHz and 1 nS per
/// neuron, synaptic delay 0.1 ms. `threads` is the step loop's thread limit
/// (`Network.setThreads`; networks below two parts' worth of neurons stay on one thread).
public enum NetworkWorkloads {
    /// Reference calibration of the sbs sampler (science.md 1.12: α = 0.791 mV, v_p05 = −50.62 mV,
    /// measured by sbs at dt = 0.01 ms). Used only to define the benchmark network's resting
    /// potentials and weights, so that every simulator gets the same numbers.
    static let referenceTranslation = LIFSamplingTranslation(
        neuron: .sbsDefault, background: .sbsDefault, vP05: -50.62, alpha: 0.791)

    /// sampling-5: the canonical 5-unit Boltzmann machine (science.md 1.12) as LIF samplers with
    /// renewing synapses, dt = 0.1 ms, 100.5 s of biological time (100 s + 500 ms burn-in).
    public static func sampling5(durationMs: Double = 100_500, seed: UInt64 = 1, threads: Int = 1) -> BenchWorkload {
        boltzmannSamplers(name: "sampling-5", summary: "5 LIF samplers, renewing synapses, 2 x 3 kHz Poisson each",
                          machine: .canonical, durationMs: durationMs, seed: seed, threads: threads)
    }

    /// digits: the dreaming scenario's trained restricted Boltzmann machine (science.md 3.4: 64
    /// pixels + 10 labels visible, 100 hidden, trained on UCI optdigits; `machine`) sampled free
    /// by 174 LIF samplers with renewing synapses, dt = 0.1 ms, 10 s of biological time.
    public static func digits(machine: RestrictedBoltzmannMachine, durationMs: Double = 10_000, seed: UInt64 = 1,
                              threads: Int = 1) -> BenchWorkload {
        let full = machine.boltzmannMachine
        return boltzmannSamplers(name: "digits", summary: "\(full.unitCount) LIF samplers of the trained digits RBM, renewing synapses",
                                 machine: full, durationMs: durationMs, seed: seed, threads: threads)
    }

    /// A Boltzmann machine as LIF samplers (science.md 1.6–1.8) through the reference
    /// calibration: E_l from the biases, dense renewing synapses (delay 0.1 ms) from the weights.
    static func boltzmannSamplers(name: String, summary: String, machine: BoltzmannMachine, durationMs: Double,
                                  seed: UInt64, threads: Int) -> BenchWorkload {
        let translation = referenceTranslation
        let vRest = translation.restingPotentials(machine)
        let weights = translation.synapticWeights(machine)
        let stepMs = 0.1
        let spec = PeerSpec(name: name, stepMs: stepMs, durationMs: durationMs, parameters: .sbsDefault,
                            vRest: vRest, background: .sbsDefault,
                            connections: .init(kind: "dense", synapse: "renewing", delay_ms: 0.1, weights_uS: weights))
        return BenchWorkload(name: name, summary: summary,
                             neurons: vRest.count, biologicalMs: durationMs, stepMs: stepMs, peerSpec: spec) {
            var network = Network(parameters: .sbsDefault, count: vRest.count, stepMs: stepMs, seed: seed,
                                  background: .sbsDefault)
            for (k, v) in vRest.enumerated() { network.setRestingPotential(v, neuron: k) }
            network.addProjection(weights: DenseWeights(signed: weights), model: .renewing(tauSyn: LIFParameters.sbsDefault.tauSynE),
                                  delayMs: 0.1)
            network.setThreads(threads)
            let steps = Int((durationMs / stepMs).rounded())
            return { [network] in
                var net = network
                var spikes = 0
                net.advance(steps: steps) { spikes += $0.spiked.count }
                return spikes
            }
        }
    }

    /// scale-N: N LIF neurons (E_l = −50 mV), each receiving `inDegree` static synapses of
    /// ±2 nS (sign drawn with probability 1/2) from distinct other neurons, dt = 0.1 ms.
    public static func scale(count: Int, inDegree: Int = 100, durationMs: Double = 10_000, seed: UInt64 = 1,
                             threads: Int = 1) -> BenchWorkload {
        let stepMs = 0.1, weight = 0.002, fraction = 0.5
        let name = count >= 1000 && count % 1000 == 0 ? "scale-\(count / 1000)k" : "scale-\(count)"
        let vRest = Array(repeating: LIFParameters.sbsDefault.vRest, count: count)
        let spec = PeerSpec(name: name, stepMs: stepMs, durationMs: durationMs, parameters: .sbsDefault, vRest: vRest,
                            background: .sbsDefault,
                            connections: .init(kind: "fixed_indegree", synapse: "static", delay_ms: 0.1, indegree: inDegree,
                                               weight_uS: weight, excitatory_fraction: fraction, seed: seed))
        return BenchWorkload(name: name, summary: "\(count) LIF neurons, fixed in-degree \(inDegree), static synapses",
                             neurons: count, biologicalMs: durationMs, stepMs: stepMs, peerSpec: spec) {
            var network = Network(parameters: .sbsDefault, count: count, stepMs: stepMs, seed: seed, background: .sbsDefault)
            let weights = FixedInDegree.weights(count: count, inDegree: inDegree, weight: weight,
                                                excitatoryFraction: fraction, seed: seed)
            network.addProjection(sparse: weights, model: .static, delayMs: 0.1)
            network.setThreads(threads)
            let steps = Int((durationMs / stepMs).rounded())
            return { [network] in
                var net = network
                var spikes = 0
                net.advance(steps: steps) { spikes += $0.spiked.count }
                return spikes
            }
        }
    }

    /// calibration: the fine stage of an activation-function calibration (science.md 1.5, sbs
    /// tests): 150 unconnected neurons with E_l spread over −56 … −44 mV, dt = 0.01 ms, 1e4 ms.
    public static func calibration(points: Int = 150, durationMs: Double = 10_000, seed: UInt64 = 1,
                                   threads: Int = 1) -> BenchWorkload {
        let stepMs = 0.01
        return BenchWorkload(name: "calibration", summary: "\(points) unconnected samplers, dt = 0.01 ms",
                             neurons: points, biologicalMs: durationMs, stepMs: stepMs) {
            var network = Network(parameters: .sbsDefault, count: points, stepMs: stepMs, seed: seed, background: .sbsDefault)
            for k in 0..<points {
                network.setRestingPotential(-56 + 12 * Double(k) / Double(max(points - 1, 1)), neuron: k)
            }
            network.setThreads(threads)
            let steps = Int((durationMs / stepMs).rounded())
            return { [network] in
                var net = network
                var spikes = 0
                net.advance(steps: steps) { spikes += $0.spiked.count }
                return spikes
            }
        }
    }
}
