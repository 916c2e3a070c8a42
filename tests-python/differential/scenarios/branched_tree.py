"""hh soma, pas dendrites at 0, 0.5 and 1, a tapered grandchild with current into its tip."""

import sys

from _traces import save, set_globals

from patch import p

set_globals(p, celsius=6.3, usetable_hh=int(sys.argv[2]), tstop=30.0)


def section(name, L, diam, Ra, nseg):
    s = p.Section(name=name)
    s.nseg = nseg
    s.set_dimensions(L, diam)
    s.Ra = Ra
    return s


soma = section("soma", 20.0, 20.0, 100.0, 3).insert("hh")
dendrites = {}
for name, parent_x, length in (("dend0", 0.0, 120.0), ("dend05", 0.5, 150.0), ("dend1", 1.0, 180.0)):
    dend = section(name, length, 1.5, 150.0, 9).insert("pas")
    dend.g_pas = 0.0002
    dend.e_pas = -65.0
    dend.connect(soma, parent_x, 0)
    dendrites[name] = dend
tip = section("tip", 100.0, 1.0, 150.0, 11).insert("pas")
tip.g_pas = 0.0002
tip.e_pas = -65.0
tip.connect(dendrites["dend05"](1.0))
for seg in tip:
    seg.diam = 2.0 - 1.5 * seg.x
stim = tip.iclamp(0.3, x=1.0, delay=2.0, duration=20.0)
t = p.time
traces = {
    "soma_v": soma.record(),
    "soma_m": p.record(soma(0.5)._ref_m_hh),
    "soma_ina": p.record(soma(0.5)._ref_ina),
    "dend0_end": dendrites["dend0"].record(1.0),
    "tip_mid": tip.record(0.5),
    "tip_end": tip.record(1.0),
}
for name, dend in dendrites.items():
    traces[name] = dend.record()
p.run(30.0, v_init=-65.0)
save(t=t, **traces)
