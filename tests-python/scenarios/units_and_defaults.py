"""neuron.units' scale factors and h.units() for built-in mechanism variables, with the
globals NEURON starts with."""

import neuron
from neuron import h, units

print(units.ms, units.s, units.sec, units.minute, units.hour, units.day, units.us)
print(units.mV, units.V, units.uV, units.µV, units.μV)
print(units.um, units.µm, units.μm, units.mm, units.cm, units.m, units.nm)
print(units.mM, units.uM, units.µM, units.M, units.nM)
print(2 * units.mV, 5 * units.ms, 100 * units.µm)
for name in ["gnabar_hh", "gkbar_hh", "el_hh", "g_pas", "e_pas", "ena", "ek", "ina", "v", "L", "diam", "Ra", "cm"]:
    print(name, h.units(name))
print("globals", h.celsius, h.dt, h.t, h.secondorder)
h.load_file("stdrun.hoc")
print("stdrun", h.tstop, h.v_init, h.steps_per_ms, h.celsius)
