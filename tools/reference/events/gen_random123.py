"""Reference draws of NEURON's Random123 (Philox4x32-10) streams, from real NEURON.

Run with the reference environment (real NEURON 9.0.2):
    .venv-ref/bin/python tools/reference/events/gen_random123.py
Writes tests-java/src/test/resources/reference/events/random123.json.
Doubles are written with float.hex() so the Java test compares bit for bit.
"""
import json
import pathlib

from neuron import h

h.load_file("stdrun.hoc")

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests-java/src/test/resources/reference/events/random123.json"


def uniform_draws(ids, n, sequence=None, globalindex=0):
    """The first n draws of r.uniform(0, 1) (= nrnran123_dblpick) from stream ids."""
    r = h.Random()
    r.Random123(*ids)
    # set after the stream exists: its first block keeps the old key (0)
    r.Random123_globalindex(globalindex)
    if sequence is not None:
        r.seq(sequence)
    draws = [r.uniform(0, 1)] + [r.repick() for _ in range(n - 1)]
    r.Random123_globalindex(0)
    return draws


def negexp_draws(ids, n):
    r = h.Random()
    r.Random123(*ids)
    return [r.negexp(1)] + [r.repick() for _ in range(n - 1)]


def netstim_spikes(noise_ids, globalindex=0, seed_after_init=None):
    """The model of NEURON's test/api/netcon.cpp: NetStim (noise 1) -> ExpSyn on an hh soma."""
    soma = h.Section(name="soma")
    soma.insert("hh")
    ns = h.NetStim()
    ns.start = 5
    ns.noise = 1
    ns.interval = 5
    ns.number = 10
    if noise_ids is not None:
        ns.noiseFromRandom123(*noise_ids)
    syn = h.ExpSyn(soma(0.5))
    syn.tau = 3
    syn.e = 0
    nc = h.NetCon(ns, syn)
    nc.weight[0] = 0.5
    nc.delay = 0
    spikes = h.Vector()
    nc.record(spikes)
    h.Random().Random123_globalindex(globalindex)
    h.finitialize(-65)
    if seed_after_init is not None:
        # INITIAL's seed(0) would undo an earlier seed: this one moves the stream mid-run
        ns.seed(seed_after_init)
    h.continuerun(100.5)
    h.Random().Random123_globalindex(0)
    return list(spikes)


def main():
    cases = {
        "uniform_1_2_3": {"ids": [1, 2, 3], "draws": uniform_draws((1, 2, 3), 20)},
        "uniform_0_0_0": {"ids": [0, 0, 0], "draws": uniform_draws((0, 0, 0), 8)},
        "uniform_big_ids": {"ids": [4294967295, 123456789, 7], "draws": uniform_draws((4294967295, 123456789, 7), 8)},
        # seq(s) sets counter word 0 to floor(s/4) and the pick index to s mod 4
        "uniform_1_2_3_seq_4098": {"ids": [1, 2, 3], "sequence": 4098, "draws": uniform_draws((1, 2, 3), 8, sequence=4098)},
        "uniform_1_2_3_globalindex_7": {"ids": [1, 2, 3], "globalindex": 7,
                                        "draws": uniform_draws((1, 2, 3), 8, globalindex=7)},
        "negexp_5_6_7": {"ids": [5, 6, 7], "draws": negexp_draws((5, 6, 7), 8)},
    }
    for case in cases.values():
        case["draws"] = [float(x).hex() for x in case["draws"]]
    result = {
        "neuron_version": h.nrnversion(),
        "random": cases,
        # NetStim spike (event) times: test/api/netcon.cpp's model, streams (1, 2, 3)
        "netstim_noise_1_2_3": [float(x).hex() for x in netstim_spikes((1, 2, 3))],
        # the same with ns.seed(4098.0) (position 4*1024 + 2) right after finitialize
        "netstim_noise_1_2_3_seed_4098": [float(x).hex() for x in netstim_spikes((1, 2, 3), seed_after_init=4098.0)],
        # the same with Random123_globalindex(5) set before finitialize
        "netstim_noise_1_2_3_globalindex_5": [float(x).hex() for x in netstim_spikes((1, 2, 3), globalindex=5)],
    }
    OUT.write_text(json.dumps(result, indent=1) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
