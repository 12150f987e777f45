"""Runs a spiketty benchmark workload in NEST (iaf_cond_exp, poisson_generator, static or
tsodyks2 'renewing' synapses) and times the Simulate call only.
Usage: python3 nest_peer.py SPEC.json [--threads N]"""
import time

from common import fixed_indegree, load_spec, report, unavailable

spec, threads = load_spec()
try:
    import nest
except ImportError:
    unavailable("NEST")

try:
    nest.verbosity = nest.VerbosityLevel.ERROR
except AttributeError:
    nest.set_verbosity("M_ERROR")
nest.ResetKernel()
nest.SetKernelStatus({"resolution": spec["dt_ms"], "local_num_threads": threads, "rng_seed": 1})
p, n = spec["neuron"], spec["count"]
# PyNN/sbs units -> NEST units: nF -> pF, uS -> nS, nA -> pA.
neurons = nest.Create("iaf_cond_exp", n, params={
    "C_m": p["cm"] * 1000, "g_L": p["cm"] / p["tau_m"] * 1000, "E_ex": p["e_rev_E"], "E_in": p["e_rev_I"],
    "V_th": p["v_thresh"], "V_reset": p["v_reset"], "tau_syn_ex": p["tau_syn_E"], "tau_syn_in": p["tau_syn_I"],
    "t_ref": p["tau_refrac"], "I_e": p["i_offset"] * 1000})
neurons.E_L = spec["v_rest"]
neurons.V_m = spec["v_rest"]
b = spec["background"]
# One excitatory and one inhibitory Poisson source per neuron (private, as in sbs).
exc = nest.Create("poisson_generator", n, params={"rate": b["rate_exc_hz"]})
inh = nest.Create("poisson_generator", n, params={"rate": b["rate_inh_hz"]})
nest.Connect(exc, neurons, "one_to_one", {"weight": b["w_exc_uS"] * 1000, "delay": spec["dt_ms"]})
nest.Connect(inh, neurons, "one_to_one", {"weight": -b["w_inh_uS"] * 1000, "delay": spec["dt_ms"]})
c = spec["connections"]
if c["synapse"] == "renewing":
    nest.CopyModel("tsodyks2_synapse", "renewing", {"U": 1.0, "u": 1.0, "x": 0.0, "tau_rec": p["tau_syn_E"], "tau_fac": 0.0})
    model = "renewing"
else:
    model = "static_synapse"
if c["kind"] == "dense":
    for j, row in enumerate(c["weights_uS"]):
        for k, w in enumerate(row):
            if w != 0:
                nest.Connect(neurons[j], neurons[k], "one_to_one",
                             {"synapse_model": model, "weight": w * 1000, "delay": c["delay_ms"]})
else:
    import numpy as np
    pre, post, w = fixed_indegree(spec)
    # Connect by arrays: node ids are 1-based.
    nest.Connect(pre + neurons[0].global_id, post + neurons[0].global_id, "one_to_one",
                 {"synapse_model": model, "weight": w * 1000, "delay": np.full(len(w), c["delay_ms"])})
recorder = nest.Create("spike_recorder")
nest.Connect(neurons, recorder)
start = time.perf_counter()
nest.Simulate(spec["duration_ms"])
seconds = time.perf_counter() - start
report("NEST", nest.__version__, seconds, recorder.n_events)
