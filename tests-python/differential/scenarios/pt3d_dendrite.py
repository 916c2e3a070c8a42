"""A dendrite from five 3-D points, nseg 7: per-segment area and ri, and its voltage."""

from _traces import save, set_globals

from patch import p

set_globals(p, celsius=6.3, tstop=15.0)
dend = p.Section(name="dend")
dend.add_3d(
    [[0.0, 0.0, 0.0], [12.3, 4.1, -1.7], [30.7, 9.9, 2.2], [31.1, 10.0, 2.2], [75.25, 20.3, -6.6]],
    [3.1, 2.45, 2.45, 1.3, 0.7],
)
dend.nseg = 7
dend.Ra = 180.0
dend.cm = 1.0
dend.insert("pas")
dend.g_pas = 0.0005
dend.e_pas = -65.0
stim = dend.iclamp(0.05, x=0.0, delay=1.0, duration=5.0)
t = p.time
traces = {f"v{x}": dend.record(x) for x in (0.0, 0.3, 0.5, 1.0)}
geometry = {
    "area": [seg.area() for seg in dend],
    "ri": [seg.ri() for seg in dend],
    "diam": [seg.diam for seg in dend],
    "L": [dend.L],
    "arc3d": [dend.arc3d(i) for i in range(dend.n3d())],
}
p.run(15.0, v_init=-65.0)
save(t=t, **traces, **geometry)
