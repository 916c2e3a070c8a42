"""A tapered dendrite connected by its x = 1 end: its x = 0 end is distal. argv[2] usetable_hh."""

import sys

from _traces import save, set_globals

from patch import p

set_globals(p, celsius=6.3, usetable_hh=int(sys.argv[2]), tstop=20.0)
soma = p.Section(name="soma")
soma.set_dimensions(20.0, 20.0)
soma.Ra = 100.0
soma.insert("hh")
dend = p.Section(name="dend")
dend.nseg = 7
dend.set_dimensions(300.0, 2.0)
dend.Ra = 120.0
dend.insert("pas")
dend.g_pas = 0.0002
dend.e_pas = -65.0
for seg in dend:
    seg.diam = 0.8 + 2.0 * seg.x
dend.connect(soma, 1.0, 1)
stim = dend.iclamp(0.4, x=0.0, delay=1.0, duration=10.0)
t = p.time
traces = {"soma": soma.record(), **{f"dend{x}": dend.record(x) for x in (0.0, 0.3, 0.7, 1.0)}}
p.run(20.0, v_init=-65.0)
save(t=t, **traces)
