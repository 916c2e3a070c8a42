"""Patch's test_point_process as a differential run, grown into a two-cell network:
a NetStim (via stimulate) drives an ExpSyn on an hh cell, whose spikes reach an
Exp2Syn on a second hh cell through a NetCon with Patch's default threshold."""

from _traces import save, set_globals

from patch import p

set_globals(p, celsius=6.3, tstop=60.0)


def cell(name):
    soma = p.Section(name=name)
    soma.set_dimensions(18.8, 18.8)
    soma.Ra = 123.0
    soma.insert("hh")
    return soma


pre, post = cell("pre"), cell("post")
syn = pre.synapse(p.ExpSyn, attributes={"tau": 2})
stim = syn.stimulate(start=5, number=5, interval=10, delay=1, weight=0.04)
syn2 = p.Exp2Syn(post)
syn2.tau1 = 0.5
syn2.tau2 = 3.0
nc = p.NetCon(pre, syn2, weight=0.02, delay=2.5)
spikes = nc.record()
t = p.time
traces = {"pre": pre.record(), "post": post.record(), "syn_i": p.record(syn._ref_i), "syn2_g": p.record(syn2._ref_g)}
p.run(60.0, v_init=-65.0)
save(t=t, spikes=spikes, **traces)
