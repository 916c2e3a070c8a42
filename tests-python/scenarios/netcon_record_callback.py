"""NetCon with positional threshold/delay/weight, NEURON's defaults (10 mV, 1 ms, 0), and
NetCon.record(callable) called at each spike with h.t at the threshold crossing."""

from neuron import h

h.load_file("stdrun.hoc")
soma = h.Section(name="soma")
soma.L = soma.diam = 20
soma.insert("hh")
clamp = h.IClamp(soma(0.5))
clamp.delay, clamp.dur, clamp.amp = 2, 30, 0.3

plain = h.NetCon(soma(0.5)._ref_v, None, sec=soma)
print("defaults", plain.threshold, plain.delay, plain.weight[0])

syn_sec = h.Section(name="target")
syn_sec.insert("pas")
syn = h.ExpSyn(syn_sec(0.5))
positional = h.NetCon(soma(0.5)._ref_v, syn, -20, 2.5, 0.01, sec=soma)
print("positional", positional.threshold, positional.delay, positional.weight[0])
# preloc/postloc push the section they name: each is paired with pop_section, as NEURON asks.
source_x = positional.preloc()
source_name = h.cas().name()
h.pop_section()
target_x = positional.postloc()
target_name = h.cas().name()
h.pop_section()
print("valid", positional.valid(), positional.active(), source_x, source_name, target_x, target_name)

seen = []


def on_spike():
    seen.append(h.t)


plain.record(on_spike)
vec = h.Vector()
positional.record(vec)
h.finitialize(-65)
h.continuerun(40)
print("callback", seen)
print("vector", list(vec))
print("target v", syn_sec(0.5).v, syn.g)
