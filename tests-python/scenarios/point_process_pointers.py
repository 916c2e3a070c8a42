"""Pointers into point-process variables: Vector.play into IClamp's `_ref_amp`, into one
element of VClamp's amp[3] array (`_ref_amp[1]`), and recording `_ref_i` of each."""

from neuron import h

h.load_file("stdrun.hoc")
soma = h.Section(name="soma")
soma.L = soma.diam = 15
soma.insert("hh")
dend = h.Section(name="dend")
dend.L, dend.diam = 100, 2
dend.insert("pas")

clamp = h.IClamp(soma(0.5))
clamp.delay, clamp.dur = 1, 1e9
steps = h.Vector([0, 0.05, 0.3, 0.1, 0.0])
times = h.Vector([0, 2, 4, 6, 8])
steps.play(clamp._ref_amp, times, 1)

vc = h.VClamp(dend(0.5))
vc.dur[0], vc.dur[1], vc.dur[2] = 2, 3, 4
vc.amp[0], vc.amp[2] = -70, -65
levels = h.Vector([-70, -40, -20, -55])
level_times = h.Vector([0, 2.5, 3.5, 4.5])
levels.play(vc._ref_amp[1], level_times, 1)

i_clamp = h.Vector().record(clamp._ref_i)
i_vc = h.Vector().record(vc._ref_i)
v = h.Vector().record(soma(0.5)._ref_v)
v_dend = h.Vector().record(dend(0.5)._ref_v)
h.finitialize(-65)
h.continuerun(10)
print(clamp.amp, vc.amp[0], vc.amp[1], vc.amp[2])
for i in range(0, len(v), 20):
    print(i, i_clamp[i], i_vc[i], v[i], v_dend[i])
