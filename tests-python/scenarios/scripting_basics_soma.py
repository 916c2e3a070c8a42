"""Scripting-basics tutorial: one soma built by `h.Section("soma")`, its properties read
back (psection's dict, area), hh inserted by name, a clamp, a recorded run."""

from neuron import h

h.load_file("stdrun.hoc")
soma = h.Section("soma")
print(soma.name(), soma.hname(), soma.nseg, soma.L, soma.diam, soma.Ra, soma.cm)
soma.L = 20
soma.diam = 20
soma.insert("hh")
info = soma.psection()
print(sorted(info))
print(sorted(info["density_mechs"]), info["density_mechs"]["hh"]["gnabar"])
print(sorted(info["ions"]), info["ions"]["na"]["ena"], info["ions"]["k"]["ek"])
print(info["morphology"]["L"], info["morphology"]["diam"], info["Ra"], info["cm"])
print("area", soma(0.5).area(), "ri", soma(0.5).ri())
mechs = [m.name() for m in soma(0.5)]
print(mechs)

iclamp = h.IClamp(soma(0.5))
iclamp.delay = 2
iclamp.dur = 0.1
iclamp.amp = 0.9
print(sorted(x for x in dir(iclamp) if not x.startswith("__"))[:12])
print(iclamp.get_segment(), iclamp.get_segment().x)

v = h.Vector().record(soma(0.5)._ref_v)
t = h.Vector().record(h._ref_t)
m = h.Vector().record(soma(0.5).hh._ref_m)
h.finitialize(-65)
h.continuerun(40)
print(len(v), v.max(), t[v.max_ind()], m.max())
print(list(v)[::100])
