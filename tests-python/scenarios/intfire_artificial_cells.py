"""IntFire1, IntFire2 and IntFire4 driven by NetStims through NetCons with positional
threshold/delay/weight; their spikes recorded from NetCon(cell, None); state read back."""

from neuron import h

h.load_file("stdrun.hoc")
drive = h.NetStim()
drive.interval, drive.number, drive.start, drive.noise = 3, 20, 1, 0
inhib = h.NetStim()
inhib.interval, inhib.number, inhib.start, inhib.noise = 7, 5, 4, 0

if1 = h.IntFire1()
if1.tau, if1.refrac = 8, 2
if2 = h.IntFire2()
if2.taum, if2.taus, if2.ib = 10, 20, 0.3
if4 = h.IntFire4()
if4.taue, if4.taui1, if4.taui2, if4.taum = 3, 5, 10, 30

links = [
    h.NetCon(drive, if1, 0, 0.5, 0.4),
    h.NetCon(drive, if2, 0, 1.0, 0.2),
    h.NetCon(drive, if4, 0, 0.25, 0.6),
    h.NetCon(inhib, if4, 0, 0.5, -0.3),
    h.NetCon(inhib, if2, 0, 0.5, -0.1),
]
spikes = {}
monitors = []
for name, cell in [("if1", if1), ("if2", if2), ("if4", if4), ("drive", drive)]:
    vec = h.Vector()
    nc = h.NetCon(cell, None)
    nc.record(vec)
    monitors.append(nc)
    spikes[name] = vec
print([(nc.threshold, nc.delay, nc.weight[0]) for nc in links])
h.finitialize(-65)
h.continuerun(60)
for name, vec in spikes.items():
    print(name, list(vec))
print(if1.m, if1.M(), if2.m, if2.i, if2.M(), if4.e, if4.i1, if4.i2, if4.m, if4.M())
