"""An hh soma under Section.vclamp: -70 mV, a 10 ms step to -10 mV, back to -70 mV."""

from _traces import save, set_globals

from patch import p

set_globals(p, celsius=6.3, tstop=20.0)
soma = p.Section(name="soma")
soma.set_dimensions(18.8, 18.8)
soma.Ra = 123.0
soma.insert("hh")
clamp = soma.vclamp(-10, before=2, duration=10, after=8)
t = p.time
traces = {"v": soma.record(), "i": p.record(clamp), "ina": p.record(soma(0.5)._ref_ina)}
p.run(20.0, v_init=-65.0)
save(t=t, voltage=clamp.voltage, **traces)
