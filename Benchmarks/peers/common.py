"""Shared helpers for the peer benchmark scripts: read the workload spec that
`spiketty bench --compare` writes, build the fixed-in-degree connectivity, print the result."""
import json
import sys


def load_spec():
    if len(sys.argv) < 2:
        sys.exit("usage: SCRIPT SPEC.json [--threads N]")
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    threads = 1
    if "--threads" in sys.argv:
        threads = int(sys.argv[sys.argv.index("--threads") + 1])
    return spec, threads


def unavailable(what):
    print(f"{what} is not installed (pip install nest-simulator brian2 'numpy<2.4')", file=sys.stderr)
    sys.exit(3)


def fixed_indegree(spec):
    """(pre, post, signed weight) arrays: every neuron gets `indegree` distinct presynaptic
    neurons other than itself, each synapse excitatory with probability `excitatory_fraction`.
    Same rule as spiketty's FixedInDegree (a different random graph: same statistics)."""
    import numpy as np
    c = spec["connections"]
    n, k = spec["count"], c["indegree"]
    rng = np.random.default_rng(c["seed"])
    pre = np.empty(n * k, dtype=np.int64)
    for post in range(n):
        choice = rng.choice(n - 1, size=k, replace=False)
        choice[choice >= post] += 1
        pre[post * k:(post + 1) * k] = choice
    post = np.repeat(np.arange(n), k)
    sign = np.where(rng.random(n * k) < c["excitatory_fraction"], 1.0, -1.0)
    return pre, post, sign * c["weight_uS"]


def report(simulator, version, seconds, spikes):
    print(json.dumps({"simulator": simulator, "version": version, "simulate_s": seconds, "spikes": int(spikes)}))
