"""IClamp.amp driven by Vector.play; argv[2] = 1 plays continuously."""

import sys

from _traces import save, set_globals

from patch import p, transform

set_globals(p, celsius=6.3, tstop=12.0)
soma = p.Section(name="soma")
soma.set_dimensions(20.0, 20.0)
soma.Ra = 100.0
soma.insert("pas")
soma.g_pas = 0.001
soma.e_pas = -65.0
stim = p.IClamp(0.5, sec=soma)
stim.delay = 0.0
stim.dur = 1e9
stim.amp = 0.0
# Times between grid points (3.0125, 6.01) and a repeated time (8, 8).
tvec = p.Vector([0.0, 1.0, 3.0125, 6.01, 8.0, 8.0, 10.0])
amps = p.Vector([0.0, 0.05, 0.1, -0.02, 0.08, 0.03, 0.0])
amps.play(stim._ref_amp, transform(tvec), int(sys.argv[2]))
t = p.time
v = soma.record()
amp = p.record(stim._ref_amp)
i = p.record(stim._ref_i)
p.run(12.0, v_init=-65.0)
save(t=t, v=v, amp=amp, i=i)
