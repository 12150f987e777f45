import SpikeCore

/// The definition of a network workload as JSON for the peer scripts in Benchmarks/peers/
/// (NEST, Brian2), so both sides simulate the same network: neuron parameters (PyNN/NEST units:
/// nF, ms, mV, nA; weights µS), per-neuron resting potentials, Poisson background per neuron,
/// and either a dense weight matrix or a fixed-in-degree rule with its parameters.
public struct PeerSpec: Codable, Sendable, Equatable {
    public struct Neuron: Codable, Sendable, Equatable {
        public var cm: Double, tau_m: Double, e_rev_E: Double, e_rev_I: Double, v_thresh: Double
        public var v_reset: Double, tau_syn_E: Double, tau_syn_I: Double, tau_refrac: Double, i_offset: Double
    }
    public struct Background: Codable, Sendable, Equatable {
        public var rate_exc_hz: Double, rate_inh_hz: Double, w_exc_uS: Double, w_inh_uS: Double
    }
    public struct Connections: Codable, Sendable, Equatable {
        /// "dense" or "fixed_indegree".
        public var kind: String
        /// "static" or "renewing" (tsodyks2 with U = 1, tau_rec = tau_syn, tau_fac = 0, x = 0, u = 1).
        public var synapse: String
        public var delay_ms: Double
        /// dense: signed weights [pre][post], µS.
        public var weights_uS: [[Double]]?
        /// fixed_indegree: in-degree, |w| in µS, fraction excitatory, seed.
        public var indegree: Int?
        public var weight_uS: Double?
        public var excitatory_fraction: Double?
        public var seed: UInt64?
    }

    public var name: String
    public var dt_ms: Double
    public var duration_ms: Double
    public var count: Int
    public var neuron: Neuron
    public var v_rest: [Double]
    public var background: Background
    public var connections: Connections

    public init(name: String, stepMs: Double, durationMs: Double, parameters p: LIFParameters, vRest: [Double],
                background b: PoissonBackground, connections: Connections) {
        self.name = name
        dt_ms = stepMs
        duration_ms = durationMs
        count = vRest.count
        neuron = Neuron(cm: p.cm, tau_m: p.tauM, e_rev_E: p.eRevE, e_rev_I: p.eRevI, v_thresh: p.vThresh,
                        v_reset: p.vReset, tau_syn_E: p.tauSynE, tau_syn_I: p.tauSynI, tau_refrac: p.tauRefrac,
                        i_offset: p.iOffset)
        v_rest = vRest
        background = Background(rate_exc_hz: b.excRateHz, rate_inh_hz: b.inhRateHz, w_exc_uS: b.excWeight, w_inh_uS: b.inhWeight)
        self.connections = connections
    }
}
