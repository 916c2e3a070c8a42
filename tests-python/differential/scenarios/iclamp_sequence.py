"""Section.iclamp with a sequence amplitude: one value played per step from the delay."""

import math

from _traces import save, set_globals

from patch import p

set_globals(p, celsius=6.3, tstop=15.0)
soma = p.Section(name="soma")
soma.set_dimensions(20.0, 20.0)
soma.insert("pas")
soma.e_pas = -65.0
amplitude = [0.1 * math.sin(i / 20.0) for i in range(300)]
clamp = soma.iclamp(amplitude, delay=2.0)
t = p.time
traces = {"v": soma.record(), "amp": p.record(clamp._ref_amp)}
p.run(15.0, v_init=-65.0)
save(t=t, **traces)
