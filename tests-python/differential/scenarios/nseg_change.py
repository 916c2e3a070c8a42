"""Range values set at nseg 3 survive nseg 3 -> 5 by position; a dendrite goes 1 -> 9."""

from _traces import save, set_globals

from patch import p

set_globals(p, celsius=6.3, tstop=20.0)
soma = p.Section(name="soma")
soma.nseg = 3
soma.set_dimensions(30.0, 15.0)
soma.Ra = 100.0
soma.insert("hh")
for x, gnabar in ((1 / 6, 0.10), (0.5, 0.14), (5 / 6, 0.08)):
    soma(x).hh.gnabar = gnabar
soma.nseg = 5
dend = p.Section(name="dend")
dend.set_dimensions(200.0, 2.0)
dend.Ra = 100.0
dend.insert("pas")
dend.g_pas = 0.0003
dend.e_pas = -60.0
dend.connect(soma)
dend.set_segments(9)
stim = soma.iclamp(0.2, delay=1.0, duration=10.0)
t = p.time
traces = {}
for x in (0.1, 0.5, 0.9):
    traces[f"v{x}"] = soma.record(x)
    traces[f"gnabar{x}"] = p.record(soma(x)._ref_gnabar_hh)
traces["dend_mid"] = dend.record()
traces["dend_end"] = dend.record(1.0)
p.run(20.0, v_init=-65.0)
save(t=t, gnabar_after=[seg.gnabar_hh for seg in soma], **traces)
