"""An hh soma firing a train; argv[2] is usetable_hh. Runs in two continuerun halves."""

import sys

from _traces import save, set_globals

from patch import p

set_globals(p, celsius=6.3, usetable_hh=int(sys.argv[2]), tstop=50.0)
soma = p.Section(name="soma")
soma.L = 18.8
soma.diam = 18.8
soma.Ra = 123.0
soma.insert("hh")
stim = p.IClamp(0.5, sec=soma)
stim.delay = 2.0
stim.dur = 40.0
stim.amp = 0.1
t = p.time
seg = soma(0.5)
traces = {"v": p.record(seg)}
for var in ("m_hh", "h_hh", "n_hh", "ina", "ik", "il_hh"):
    traces[var] = p.record(getattr(seg, "_ref_" + var))
traces["i_stim"] = p.record(stim._ref_i)
p.finitialize(-65.0)
p.continuerun(25.0)
p.continuerun(25.0)
save(t=t, **traces)
