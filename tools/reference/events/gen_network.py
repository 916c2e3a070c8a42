"""A small mixed network on real NEURON, to check event ordering end to end.

Run with the reference environment (real NEURON 9.0.2), in a fresh process (default
Random123 streams are numbered by creation order in the process):
    .venv-ref/bin/python tools/reference/events/gen_network.py
Writes tests-java/src/test/resources/reference/events/network.json.

Three hh somas. Four noisy NetStims (noise 0.5, default streams 1..4) each drive an ExpSyn
on every soma through three NetCons of equal delay (NEURON then queues one entry per spike
and fans out: use_min_delay). Soma 0 excites somas 1 and 2 through Exp2Syns, soma 1
inhibits soma 2; soma 2's spikes switch on a fifth NetStim (start -1) that drives soma 0.
"""
import json
import pathlib

from neuron import h

h.load_file("stdrun.hoc")

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests-java/src/test/resources/reference/events/network.json"


def main():
    somas = []
    for k in range(3):
        soma = h.Section(name=f"soma{k}")
        soma.L = soma.diam = 18
        soma.insert("hh")
        somas.append(soma)
    drives = [h.ExpSyn(s(0.5)) for s in somas]
    for syn in drives:
        syn.tau = 1.5
    stims = []
    keep = []
    for j in range(4):
        ns = h.NetStim()
        ns.start = 1 + j
        ns.interval = 6
        ns.number = 12
        ns.noise = 0.5
        stims.append(ns)
        for k, syn in enumerate(drives):
            nc = h.NetCon(ns, syn)
            nc.delay = 2
            nc.weight[0] = 0.002 * (1 + j) + 0.001 * k
            keep.append(nc)
    excite = [h.Exp2Syn(somas[k](0.5)) for k in (1, 2)]
    for syn in excite:
        syn.tau1, syn.tau2 = 0.3, 3
    for syn in excite:
        nc = h.NetCon(somas[0](0.5)._ref_v, syn, sec=somas[0])
        nc.threshold = -10
        nc.delay = 1.5
        nc.weight[0] = 0.004
        keep.append(nc)
    inhibit = h.ExpSyn(somas[2](0.5))
    inhibit.tau, inhibit.e = 4, -80
    nc = h.NetCon(somas[1](0.5)._ref_v, inhibit, sec=somas[1])
    nc.threshold = -10
    nc.delay = 0.75
    nc.weight[0] = 0.003
    keep.append(nc)
    gated = h.NetStim()
    gated.start, gated.interval, gated.number = -1, 2.5, 3
    nc = h.NetCon(somas[2](0.5)._ref_v, gated, sec=somas[2])
    nc.threshold = -10
    nc.weight[0] = 1
    keep.append(nc)
    nc = h.NetCon(gated, drives[0])
    nc.delay = 0.5
    nc.weight[0] = 0.01
    keep.append(nc)

    spikes = {}
    for name, source, sec in [("stim0", stims[0], None), ("stim3", stims[3], None), ("gated", gated, None),
                              ("soma0", somas[0](0.5)._ref_v, somas[0]), ("soma1", somas[1](0.5)._ref_v, somas[1]),
                              ("soma2", somas[2](0.5)._ref_v, somas[2])]:
        rec = h.NetCon(source, None, sec=sec) if sec is not None else h.NetCon(source, None)
        vec = h.Vector()
        rec.record(vec)
        spikes[name] = vec
        keep.append(rec)
    traces = {"t": h.Vector().record(h._ref_t)}
    for k, soma in enumerate(somas):
        traces[f"v{k}"] = h.Vector().record(soma(0.5)._ref_v)
    h.dt = 0.025
    h.finitialize(-65)
    h.continuerun(80)
    result = {
        "neuron_version": h.nrnversion(),
        "traces": {name: list(vec) for name, vec in traces.items()},
        "spikes": {name: list(vec) for name, vec in spikes.items()},
    }
    OUT.write_text(json.dumps(result) + "\n")
    print("wrote", OUT, {name: len(vec) for name, vec in spikes.items()})


if __name__ == "__main__":
    main()
