import Scenarios
import SpikeCore

/// A runnable PyNEST script for the network of a sampling scenario (kind `lif-sampling`), so a
/// network that outgrows one machine runs on NEST (which runs distributed over MPI).
///
/// What it contains is the network *after* calibration and translation (science.md 1.5–1.8;
/// [Petrovici2016]; sbs): one `iaf_cond_exp` per unit with E_l,k = v_p05 + α b_k, synapses with
/// the translated conductances w_{j→k} (µS × 1000 = nS; negative = inhibitory receptor),
/// renewing synapses as `tsodyks2_synapse` with U = u = 1, τ_rec = τ_syn of the receptor and
/// τ_fac = 0 (science.md 1.8: each spike resets the conductance to w), static ones as
/// `static_synapse`, Poisson background as one excitatory and one inhibitory
/// `poisson_generator` (independent trains per target), a `spike_recorder` (optionally NEST's
/// ASCII backend), and the analysis: the time-weighted joint state z_k(t) = 1 for τ_ref after
/// each spike, its distribution over the 2^N states and D_KL(p* ‖ p) to the exact target.
public enum NESTScriptExport {
    public struct Unsupported: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The script for `experiment` (must be a `LIFSamplingExperiment`; its current machine,
    /// biases, background and synapse type are exported), seeded with `seed`.
    public static func script(scenario: Scenario, experiment: any Experiment, seed: UInt64) throws(Unsupported) -> String {
        guard let e = experiment as? LIFSamplingExperiment else {
            throw Unsupported(description: "the NEST export covers sampling scenarios (kind lif-sampling); "
                              + "\(scenario.name) is kind \(scenario.kind.rawValue)")
        }
        let p = e.config.neuron, bg = e.background, m = e.machine, n = m.unitCount
        let t = e.translation
        let restingPotentials = t.restingPotentials(m)
        let weightsNS = t.synapticWeights(m).map { row in row.map { $0 * 1000 } }   // [pre][post], µS → nS
        func py(_ d: Double) -> String { SessionLogFormat.exact(d) }
        func list(_ v: [Double]) -> String { "[" + v.map(py).joined(separator: ", ") + "]" }
        func matrix(_ rows: [[Double]]) -> String { "[\n" + rows.map { "    " + list($0) }.joined(separator: ",\n") + ",\n]" }
        let nestSeed = Int(seed % 2_147_483_646) + 1
        return """
        #!/usr/bin/env python3
        \"\"\"LIF sampling network exported by spiketty (scenario \(scenario.name), seed \(seed)).

        A Boltzmann machine with \(n) units sampled by conductance-based LIF neurons under Poisson
        background (Buesing et al. 2011; Petrovici et al. 2016; the translation of sbs).
        Parameters are spiketty's after calibration and translation:
          activation calibration v_p05 = \(py(e.calibration.vP05)) mV, alpha = \(py(e.calibration.alpha)) mV\(e.calibrationMeasured ? "" : " (reference values: the calibration had failed)"),
          measured with spiketty's integrator at dt = \(py(e.stepMs)) ms.
        Units: NEST's (ms, mV, pF, nS, pA). Run:  python3 this.py [--duration-ms 10000] [--ascii PREFIX]
        Needs NEST 3 (pip install nest-simulator) and numpy. Prints D_KL(p* || p) of the sampled
        joint state to the exact Boltzmann distribution, as spiketty's dkl_target_sampled.
        For MPI: mpirun -np K python3 this.py (each rank records its own neurons; the analysis
        then needs the ASCII files of all ranks, see --ascii).
        \"\"\"
        import argparse
        import itertools
        import math

        import numpy as np
        import nest

        W = \(matrix(m.weightRows))  # Boltzmann weights W[k][j]
        B = \(list(m.biases))  # biases b_k
        E_L = \(list(restingPotentials))  # mV, E_l,k = v_p05 + alpha b_k
        WEIGHTS_NS = \(matrix(weightsNS))  # nS, [pre][post]; < 0: inhibitory receptor
        NEURON = {
            "C_m": \(py(p.cm * 1000)),  # pF
            "g_L": \(py(p.gLeak * 1000)),  # nS (C_m / tau_m)
            "E_ex": \(py(p.eRevE)),
            "E_in": \(py(p.eRevI)),
            "V_th": \(py(p.vThresh)),
            "V_reset": \(py(p.vReset)),
            "tau_syn_ex": \(py(p.tauSynE)),
            "tau_syn_in": \(py(p.tauSynI)),
            "t_ref": \(py(p.tauRefrac)),
            "I_e": \(py(p.iOffset * 1000)),  # pA
        }
        RENEWING = \(e.renewingSynapses ? "True" : "False")  # tsodyks2_synapse with U = 1, tau_rec = tau_syn
        DELAY_MS = \(py(max(e.config.delayMs, e.stepMs)))
        NOISE = {"rate_exc_hz": \(py(bg.excRateHz)), "rate_inh_hz": \(py(bg.inhRateHz)),
                 "weight_exc_ns": \(py(bg.excWeight * 1000)), "weight_inh_ns": \(py(bg.inhWeight * 1000))}
        DT_MS = \(py(e.stepMs))
        BURN_IN_MS = \(py(e.config.burnInMs))
        SEED = \(nestSeed)


        def build(threads):
            nest.ResetKernel()
            if hasattr(nest, "VerbosityLevel"):
                nest.verbosity = nest.VerbosityLevel.WARNING
            else:
                nest.set_verbosity("M_WARNING")
            nest.SetKernelStatus({"resolution": DT_MS, "rng_seed": SEED, "local_num_threads": threads})
            n = len(B)
            neurons = nest.Create("iaf_cond_exp", n, params=NEURON)
            for k in range(n):
                neurons[k].set({"E_L": E_L[k], "V_m": E_L[k]})
            exc = nest.Create("poisson_generator", params={"rate": NOISE["rate_exc_hz"]})
            inh = nest.Create("poisson_generator", params={"rate": NOISE["rate_inh_hz"]})
            # A poisson_generator sends an independent train to each target.
            nest.Connect(exc, neurons, syn_spec={"weight": NOISE["weight_exc_ns"], "delay": DELAY_MS})
            nest.Connect(inh, neurons, syn_spec={"weight": -NOISE["weight_inh_ns"], "delay": DELAY_MS})
            for j in range(n):
                for k in range(n):
                    w = WEIGHTS_NS[j][k]
                    if j == k or w == 0.0:
                        continue
                    if RENEWING:
                        tau = NEURON["tau_syn_ex"] if w > 0 else NEURON["tau_syn_in"]
                        syn = {"synapse_model": "tsodyks2_synapse", "U": 1.0, "u": 1.0, "x": 1.0,
                               "tau_rec": tau, "tau_fac": 0.0, "weight": w, "delay": DELAY_MS}
                    else:
                        syn = {"synapse_model": "static_synapse", "weight": w, "delay": DELAY_MS}
                    nest.Connect(neurons[j], neurons[k], syn_spec=syn)
            return neurons


        def target_distribution():
            n = len(B)
            w, b = np.array(W), np.array(B)
            states = np.array(list(itertools.product([0, 1], repeat=n)), dtype=float)  # z_0 most significant
            log_p = 0.5 * np.einsum("si,ij,sj->s", states, w, states) + states @ b
            p = np.exp(log_p - log_p.max())
            return p / p.sum()


        def sampled_distribution(senders, times, node_ids, start_ms, stop_ms):
            \"\"\"Time-weighted joint state: z_k = 1 during (t_spike, t_spike + t_ref].\"\"\"
            n = len(B)
            steps = int(round((stop_ms - start_ms) / DT_MS))
            ref_steps = int(round(NEURON["t_ref"] / DT_MS))
            index = np.zeros(steps, dtype=np.int64)
            for k, node in enumerate(node_ids):
                on = np.zeros(steps + ref_steps + 1, dtype=np.int64)
                spike_steps = np.rint((times[senders == node] - start_ms) / DT_MS).astype(np.int64)
                spike_steps = spike_steps[(spike_steps >= -ref_steps) & (spike_steps < steps)]
                np.add.at(on, np.clip(spike_steps, 0, None), 1)
                np.add.at(on, spike_steps + ref_steps, -1)
                z = (np.cumsum(on)[:steps] > 0).astype(np.int64)
                index |= z << (n - 1 - k)
            counts = np.bincount(index, minlength=2 ** n).astype(float)
            return counts / counts.sum()


        def dkl(p, q):
            mask = p > 0
            if np.any(q[mask] == 0):
                return math.inf
            return float(np.sum(p[mask] * np.log(p[mask] / q[mask])))


        def main():
            ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
            ap.add_argument("--duration-ms", type=float, default=10000.0, help="sampled time after the burn-in")
            ap.add_argument("--threads", type=int, default=1)
            ap.add_argument("--ascii", metavar="PREFIX", help="also write spikes with NEST's ASCII backend")
            args = ap.parse_args()
            neurons = build(args.threads)
            rec_params = {"record_to": "ascii", "label": args.ascii} if args.ascii else {}
            recorder = nest.Create("spike_recorder", params=rec_params)
            memory = nest.Create("spike_recorder")
            nest.Connect(neurons, recorder)
            nest.Connect(neurons, memory)
            nest.Simulate(BURN_IN_MS + args.duration_ms)
            events = memory.get("events")
            senders, times = np.array(events["senders"]), np.array(events["times"])
            p = target_distribution()
            q = sampled_distribution(senders, times, list(neurons.tolist()), BURN_IN_MS, BURN_IN_MS + args.duration_ms)
            rates = [float(np.sum((senders == node) & (times > BURN_IN_MS))) / args.duration_ms * 1000 for node in neurons.tolist()]
            print("sampled_ms = %g" % args.duration_ms)
            print("rates_hz = " + " ".join("%.2f" % r for r in rates))
            print("dkl_target_sampled = %.6g" % dkl(p, q))
            print("dkl_sampled_target = %.6g" % dkl(q, p))


        if __name__ == "__main__":
            main()

        """
    }
}
