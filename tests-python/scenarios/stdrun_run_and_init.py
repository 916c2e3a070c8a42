"""stdrun's own driving: h.tstop/h.v_init then h.run() with no argument, h.stdinit, h.init,
h.continuerun past tstop, and h.t/h.dt after each."""

from neuron import h

h.load_file("stdrun.hoc")
soma = h.Section(name="soma")
soma.L = soma.diam = 10
soma.insert("hh")
stim = h.IClamp(soma(0.5))
stim.delay, stim.dur, stim.amp = 1, 2, 0.2
v = h.Vector().record(soma(0.5)._ref_v)

h.tstop = 12
h.v_init = -60
h.run()
print("run", h.t, len(v), v[0], v[-1], v.max())
h.stdinit()
print("stdinit", h.t, soma(0.5).v, soma(0.5).hh.m)
h.v_init = -70
h.init()
print("init", h.t, soma(0.5).v, soma(0.5).hh.h)
h.continuerun(5)
print("continuerun", h.t, soma(0.5).v)
h.tstop = 6
h.run()
print("rerun", h.t, len(v), v[-1])
h.dt = 0.01
h.steps_per_ms = 100
h.run()
print("small dt", h.t, h.dt, len(v), v[-1])
