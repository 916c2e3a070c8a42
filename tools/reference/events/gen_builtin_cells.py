"""Reference data for NEURON's built-in IntFire1/2/4, OClamp, fastpas and PointProcessMark.

Run with the reference environment (real NEURON 9.0.2):
    .venv-ref/bin/python tools/reference/events/gen_builtin_cells.py
Writes builtin_cells.json into tests-java/src/test/resources/reference/events/. Spike times
come from NetCon.record; the integrate-and-fire cells' FUNCTIONs (M, I, E) are sampled after
finitialize and after every fadvance, as a user's loop would call them.
"""
import json
import pathlib

from neuron import h

h.load_file("stdrun.hoc")

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests-java/src/test/resources/reference/events/builtin_cells.json"
DT = 0.025


def stepped(tstop, samplers):
    """finitialize(-65), then fadvance while t < tstop - dt/2; each sampler read at every step."""
    h.dt = DT
    h.celsius = 6.3
    rows = {name: [] for name in samplers}

    def sample():
        for name, read in samplers.items():
            rows[name].append(read())

    h.finitialize(-65)
    sample()
    while h.t < tstop - DT / 2:
        h.fadvance()
        sample()
    return rows


def stim(start, interval, number):
    s = h.NetStim()
    s.start = start
    s.interval = interval
    s.number = number
    return s


def recorded(cell):
    times = h.Vector()
    nc = h.NetCon(cell, None)
    nc.record(times)
    return times, nc


def intfire1():
    """Two IntFire1: one driven hard enough to fire and go refractory, one with inhibition too."""
    a = h.IntFire1()
    b = h.IntFire1()
    b.tau = 4
    b.refrac = 2.5
    drive = stim(1, 1.5, 40)
    inhibit = stim(3.3, 7, 6)
    keep = [h.NetCon(drive, a, 0, 0.5, 0.45), h.NetCon(drive, b, 0, 0.25, 0.6), h.NetCon(inhibit, b, 0, 0.1, -0.7)]
    ta, na = recorded(a)
    tb, nb = recorded(b)
    rows = stepped(60, {"t": lambda: h.t, "a_M": a.M, "b_M": b.M, "a_m": lambda: a.m, "b_m": lambda: b.m})
    return {"a_times": list(ta), "b_times": list(tb), **rows}


def intfire2():
    """IntFire2 on each branch of firetime: spontaneous (ib > 1), excited, inhibited below 1."""
    cells = []
    for taus, taum, ib in ((20, 10, 1.2), (15, 5, 0.5), (10, 12, 1.6)):
        c = h.IntFire2()
        c.taus, c.taum, c.ib = taus, taum, ib
        cells.append(c)
    drive = stim(2, 3.1, 25)
    inhibit = stim(5.05, 9, 8)
    keep = [h.NetCon(drive, cells[0], 0, 0.5, 0.3), h.NetCon(drive, cells[1], 0, 0.25, 0.8),
            h.NetCon(inhibit, cells[1], 0, 0.4, -0.6), h.NetCon(inhibit, cells[2], 0, 0.2, -1.5),
            h.NetCon(drive, cells[2], 0, 1.0, 0.2)]
    recs = [recorded(c) for c in cells]
    samplers = {"t": lambda: h.t}
    for k, c in enumerate(cells):
        samplers[f"c{k}_M"] = c.M
        samplers[f"c{k}_I"] = c.I
        samplers[f"c{k}_m"] = lambda c=c: c.m
        samplers[f"c{k}_i"] = lambda c=c: c.i
    rows = stepped(80, samplers)
    out = {f"c{k}_times": list(r[0]) for k, r in enumerate(recs)}
    out.update({f"c{k}_taus": c.taus for k, c in enumerate(cells)})
    return {**out, **rows}


def intfire4():
    """IntFire4 with NEURON's defaults and with time constants fixprecondition must adjust."""
    cells = []
    for taue, taui1, taui2, taum in ((5, 10, 20, 50), (3, 8, 6, 4), (2, 5, 10, 10.001)):
        c = h.IntFire4()
        c.taue, c.taui1, c.taui2, c.taum = taue, taui1, taui2, taum
        cells.append(c)
    drive = stim(1, 1.7, 50)
    inhibit = stim(4.02, 6.5, 10)
    keep = []
    for k, c in enumerate(cells):
        keep.append(h.NetCon(drive, c, 0, 0.3 + 0.1 * k, 0.35))
        keep.append(h.NetCon(inhibit, c, 0, 0.7, -0.5))
    recs = [recorded(c) for c in cells]
    samplers = {"t": lambda: h.t}
    for k, c in enumerate(cells):
        samplers[f"c{k}_M"] = c.M
        samplers[f"c{k}_E"] = c.E
        samplers[f"c{k}_I"] = c.I
    rows = stepped(90, samplers)
    out = {f"c{k}_times": list(r[0]) for k, r in enumerate(recs)}
    for k, c in enumerate(cells):
        for name in ("taue", "taui1", "taui2", "taum", "ae", "ai1", "ai2", "nself", "nexcite", "ninhibit", "m",
                     "e", "i1", "i2"):
            out[f"c{k}_{name}"] = getattr(c, name)
    return {**out, **rows}


def oclamp():
    """An OClamp on an hh soma, switched on from 2 to 8.5 ms; a second one never switched on."""
    soma = h.Section(name="soma")
    soma.L = soma.diam = 20
    soma.insert("hh")
    clamp = h.OClamp(soma(0.5))
    clamp.on, clamp.off, clamp.vc, clamp.rs, clamp.switched_on = 2, 8.5, -20, 0.5, 1
    idle = h.OClamp(soma(0.5))
    idle.on, idle.off, idle.vc = 0, 100, 30
    rows = stepped(15, {"t": lambda: h.t, "v": lambda: soma(0.5).v, "i": lambda: clamp.i, "idle_i": lambda: idle.i})
    soma = None
    return rows


def fastpas():
    """A 5-segment cable with fastpas (defaults on one half, set on the other) and a marked IClamp site."""
    cable = h.Section(name="cable")
    cable.L, cable.diam, cable.nseg = 300, 2, 5
    cable.insert("fastpas")
    defaults = [cable(0.1).fastpas.g, cable(0.1).fastpas.e]
    for seg in cable:
        if seg.x > 0.5:
            seg.fastpas.g, seg.fastpas.e = 0.002, -80
    clamp = h.IClamp(cable(0.1))
    clamp.delay, clamp.dur, clamp.amp = 1, 3, 0.2
    mark = h.PointProcessMark(cable(0.1))
    rows = stepped(10, {"t": lambda: h.t, "v1": lambda: cable(0.1).v, "v5": lambda: cable(0.9).v,
                        "v3": lambda: cable(0.5).v})
    return {"defaults": defaults, **rows}


def main():
    scenarios = {"intfire1": intfire1, "intfire2": intfire2, "intfire4": intfire4, "oclamp": oclamp,
                 "fastpas": fastpas}
    data = {}
    for name, scenario in scenarios.items():
        data[name] = scenario()
    OUT.write_text(json.dumps(data))
    print(f"wrote {OUT}")


main()
