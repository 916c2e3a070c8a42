"""A 4 mm hh axon, nseg 101, Ra 100, 18.5 °C; argv[2] secondorder, argv[3] usetable_hh."""

import sys

from _traces import save, set_globals

from patch import p

set_globals(p, celsius=18.5, secondorder=int(sys.argv[2]), usetable_hh=int(sys.argv[3]), tstop=10.0)
axon = p.Section(name="axon")
axon.nseg = 101
axon.L = 4000.0
axon.diam = 2.0
axon.Ra = 100.0
axon.insert("hh")
stim = axon.iclamp(0.5, x=0.005, delay=1.0, duration=1.0)
t = p.time
traces = {f"v{x}": axon.record(x) for x in (0.0, 0.005, 0.25, 0.5, 0.75, 0.995, 1.0)}
for var in ("m_hh", "h_hh", "n_hh", "ina", "ik", "il_hh"):
    traces[var] = p.record(getattr(axon(0.5), "_ref_" + var))
p.run(10.0, v_init=-65.0)
save(t=t, **traces)
