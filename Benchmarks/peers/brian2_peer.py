"""Runs a spiketty benchmark workload in Brian2 C++ standalone mode (conductance LIF with
exponential synapses, Poisson background, static or 'renewing' Tsodyks-Markram synapses) and
times the simulation only (the run's reported duration, not the compile).
Usage: python3 brian2_peer.py SPEC.json [--threads N]"""
import os
import tempfile

from common import fixed_indegree, load_spec, report, unavailable

spec, threads = load_spec()
try:
    import brian2 as b2
    import numpy as np
except ImportError:
    unavailable("Brian2")

directory = tempfile.mkdtemp(prefix="spiketty-brian2-")
b2.set_device("cpp_standalone", directory=directory, build_on_run=False)
if threads > 1:
    b2.prefs.devices.cpp_standalone.openmp_threads = threads
b2.defaultclock.dt = spec["dt_ms"] * b2.ms
p, n, bg = spec["neuron"], spec["count"], spec["background"]
ns = {"Cm": p["cm"] * b2.nF, "gl": p["cm"] / p["tau_m"] * b2.uS, "Ee": p["e_rev_E"] * b2.mV, "Ei": p["e_rev_I"] * b2.mV,
      "tau_e": p["tau_syn_E"] * b2.ms, "tau_i": p["tau_syn_I"] * b2.ms, "Ioff": p["i_offset"] * b2.nA}
eqs = """
dv/dt = (gl*(El - v) + ge*(Ee - v) + gi*(Ei - v) + Ioff)/Cm : volt (unless refractory)
dge/dt = -ge/tau_e : siemens
dgi/dt = -gi/tau_i : siemens
El : volt
"""
G = b2.NeuronGroup(n, eqs, threshold="v >= %r*mV" % p["v_thresh"], reset="v = %r*mV" % p["v_reset"],
                   refractory=p["tau_refrac"] * b2.ms, method="exponential_euler", namespace=ns)
G.El = np.array(spec["v_rest"]) * b2.mV
G.v = np.array(spec["v_rest"]) * b2.mV
PE = b2.PoissonInput(G, "ge", 1, bg["rate_exc_hz"] * b2.Hz, weight=bg["w_exc_uS"] * b2.uS)
PI = b2.PoissonInput(G, "gi", 1, bg["rate_inh_hz"] * b2.Hz, weight=bg["w_inh_uS"] * b2.uS)
c = spec["connections"]
if c["kind"] == "dense":
    W = np.array(c["weights_uS"])
    pre, post = np.nonzero(W)
    signed = W[pre, post]
else:
    pre, post, signed = fixed_indegree(spec)
if c["synapse"] == "renewing":
    # tsodyks2 with U = u = 1, tau_fac = 0: x <- 1 + (x - x*u - 1)*exp(-dt/tau_rec) = 1 - exp(-dt/tau_rec), amplitude w*x.
    model = "w : siemens\nx : 1\nt_last : second"
    on_pre_e = "x = 1 - exp(-(t - t_last)/tau_e)\nge_post += w*x\nt_last = t"
    on_pre_i = "x = 1 - exp(-(t - t_last)/tau_e)\ngi_post += w*x\nt_last = t"
else:
    model, on_pre_e, on_pre_i = "w : siemens", "ge_post += w", "gi_post += w"
exc_mask, inh_mask = signed > 0, signed < 0
SE = b2.Synapses(G, G, model, on_pre=on_pre_e, namespace=ns, delay=c["delay_ms"] * b2.ms)
SI = b2.Synapses(G, G, model, on_pre=on_pre_i, namespace=ns, delay=c["delay_ms"] * b2.ms)
for S, mask in ((SE, exc_mask), (SI, inh_mask)):
    if mask.any():
        S.connect(i=pre[mask], j=post[mask])
        S.w = np.abs(signed[mask]) * b2.uS
        if c["synapse"] == "renewing":
            S.x = 0.0
            S.t_last = -1e9 * b2.second
monitor = b2.SpikeMonitor(G)
b2.run(spec["duration_ms"] * b2.ms, profile=False)
b2.device.build(directory=directory, compile=True, run=True, debug=False)
# The standalone binary measures its own run loop.
seconds = b2.device._last_run_time
report("Brian2 C++ standalone", b2.__version__, seconds, monitor.num_spikes)
