"""A passive single compartment with an IClamp step."""

from _traces import save, set_globals

from patch import p

set_globals(p, celsius=6.3, tstop=20.0)
soma = p.Section(name="soma")
soma.set_dimensions(20.0, 20.0)
soma.Ra = 100.0
soma.insert("pas")
soma.g_pas = 0.001
soma.e_pas = -70.0
stim = soma.iclamp(0.05, delay=1.0, duration=5.0)
t = p.time
v = soma.record()
i_pas = p.record(soma(0.5)._ref_i_pas)
i_stim = p.record(stim._ref_i)
p.run(20.0, v_init=-70.0)
save(t=t, v=v, i_pas=i_pas, i_stim=i_stim)
