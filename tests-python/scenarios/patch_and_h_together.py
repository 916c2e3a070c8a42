"""A Patch user's script mixing `p` and `from neuron import h`: sections made by either are
seen by the other, transform() gives the h-level object, p keeps Patch's celsius and NetCon
defaults while h's NetCon keeps NEURON's, and one run drives both."""

from neuron import h
from patch import p, transform

print("celsius", p.celsius, h.celsius)
soma = p.Section(name="soma")
soma.set_dimensions(20, 20)
soma.insert("hh")
dend = h.Section(name="dend")
dend.L, dend.diam = 150, 1.5
dend.insert("pas")
dend.connect(transform(soma))
print(type(transform(soma)).__name__, type(soma).__name__, transform(soma) == transform(soma), transform(soma).name())
print(sorted(s.name() for s in h.allsec()), sorted(s.name() for s in p.allsec()))
syn = p.ExpSyn(dend(0.8))
stim = p.NetStim()
stim.number, stim.start, stim.interval = 3, 2, 6
patch_nc = p.NetCon(stim, syn)
h_nc = h.NetCon(transform(stim), transform(syn))
print("p NetCon", patch_nc.threshold, patch_nc.delay, patch_nc.weight[0])
print("h NetCon", h_nc.threshold, h_nc.delay, h_nc.weight[0])
h_nc.weight[0] = 0.02
out = h.Vector()
detector = h.NetCon(transform(soma)(0.5)._ref_v, None, sec=transform(soma))
detector.record(out)
v = p.record(soma)
h.celsius = 16
p.run(30)
print("celsius after", p.celsius, h.celsius, h.t)
print(list(out), len(v), list(v)[-1], max(v))
