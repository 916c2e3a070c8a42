"""NEURON's built-in IntFire1, IntFire2 and IntFire4 driven by NetStims (their spike times
and states), and an OClamp on a cable with fastpas and a PointProcessMark (traces)."""

from _traces import save, set_globals

from patch import p

try:  # Patch wraps no IntFire: with real NEURON they are connected by NEURON's own NetCon
    from neuron import h

    def netcon(source, target, weight, delay):
        source = source.__neuron__() if hasattr(source, "__neuron__") else source
        return h.NetCon(source, target, 10, delay, weight)

    def spike_times(cell):
        times = h.Vector()
        recorder = h.NetCon(cell, None)
        recorder.record(times)
        return times, recorder

except ImportError:  # jpatch without a neuron module: Patch's NetCon takes artificial cells

    def netcon(source, target, weight, delay):
        return p.NetCon(source, target, weight=weight, delay=delay, threshold=10)

    def spike_times(cell):
        recorder = p.NetCon(cell, None)
        return recorder.record(), recorder


set_globals(p, celsius=6.3, tstop=60.0)
drive = p.NetStim()
drive.start, drive.interval, drive.number = 1, 1.7, 40
inhibit = p.NetStim()
inhibit.start, inhibit.interval, inhibit.number = 4.02, 6.5, 8
if1 = p.IntFire1()
if1.tau, if1.refrac = 6, 3
if2 = p.IntFire2()
if2.taus, if2.taum, if2.ib = 15, 5, 0.8
if4 = p.IntFire4()
if4.taum = 30
cells = (if1, if2, if4)
connections = []
for k, cell in enumerate(cells):
    connections.append(netcon(drive, cell, weight=0.3 + 0.05 * k, delay=0.5))
    connections.append(netcon(inhibit, cell, weight=-0.4, delay=0.7))
spikes = [spike_times(cell) for cell in cells]

cable = p.Section(name="cable")
cable.L, cable.diam, cable.nseg = 200, 2, 3
cable.insert("fastpas")
cable(0.9).fastpas.g = 0.001
cable(0.9).fastpas.e = -75
clamp = p.OClamp(cable(0.1))
clamp.on, clamp.off, clamp.vc, clamp.rs, clamp.switched_on = 5, 30, -40, 2, 1
mark = p.PointProcessMark(cable(0.5))
t = p.time
v_near = cable.record(0.1)
v_far = cable.record(0.9)
i = p.Vector()
i.record(clamp._ref_i)
m = p.Vector()
m.record(if2._ref_m)
p.run(60.0, v_init=-65.0)
save(t=t, if1=spikes[0][0], if2=spikes[1][0], if4=spikes[2][0], v_near=v_near, v_far=v_far, i=i, if2_m=m)
