"""p.continuerun for durations that are no multiple of dt: nrn-patch runs them with
ParallelContext.psolve, whose step count differs from stdrun's continuerun."""

from _traces import save, set_globals

from patch import p

set_globals(p, celsius=6.3, tstop=20.0)
soma = p.Section(name="soma")
soma.insert("hh")
stim = soma.iclamp(0.5, delay=1.0, duration=5.0)
t = p.time
v = soma.record()
p.finitialize(-65.0)
p.continuerun(10.02)
p.continuerun(0.05)
p.continuerun(2.0)
save(t=t, v=v)
