# The protocols of NmodlEventsDifferentialTest in real NEURON: argv library, protocol
# (and for "gap" the gap junction's mechanism name).
# Prints "label value" lines: traces recorded at every step, spike times from NetCon.record.
import sys
from neuron import h
h.nrn_load_dll(sys.argv[1])
kind = sys.argv[2]
h.celsius = 32; h.dt = 0.025
out = []          # (label, vector) printed as "label value" lines
keep = []

def soma(name):
    s = h.Section(name=name)
    s.L = 20; s.diam = 20; s.nseg = 1
    s.insert("pas")
    return s

def spikes(source, label):
    nc = h.NetCon(source, None)
    times = h.Vector()
    nc.record(times)
    keep.append(nc)
    out.append((label, times))

def netstim(start, interval, number):
    ns = h.NetStim(); ns.start = start; ns.interval = interval; ns.number = number; ns.noise = 0
    keep.append(ns)
    return ns

def connect(source, target, weight, delay):
    nc = h.NetCon(source, target); nc.weight[0] = weight; nc.delay = delay
    keep.append(nc)
    return nc

def trace(ref, label):
    vec = h.Vector().record(ref)
    out.append((label, vec))

if kind == "artificial":
    a = h.IntervalFire(); b = h.IntervalFire(); b.tau = 3; b.invl = 7
    connect(netstim(1, 3, 8), a, 0.4, 1)
    connect(a, b, 0.6, 2)
    connect(netstim(5, 11, 3), b, 0.3, 0.5)
    spikes(a, "spikes_a"); spikes(b, "spikes_b")
    tstop = 60
elif kind == "watch":
    s = soma("soma")
    gate = h.WatchGate(s(0.5))
    stim = h.IClamp(s(0.5)); stim.delay = 1; stim.dur = 40; stim.amp = 0.3
    connect(netstim(20, 5, 2), gate, 0.5, 1)
    spikes(gate, "spikes"); trace(s(0.5)._ref_v, "v"); trace(gate._ref_on, "on")
    tstop = 50
elif kind == "move":
    s = soma("soma")
    syn = h.MovingSyn(s(0.5))
    c1 = connect(netstim(1, 1.5, 5), syn, 0.002, 1)
    c2 = connect(netstim(8, 4, 3), syn, 0.003, 0.5)
    spikes(syn, "spikes"); trace(s(0.5)._ref_v, "v"); trace(syn._ref_total, "total")
    tstop = 30
elif kind == "order":
    s = soma("soma")
    syn = h.MovingSyn(s(0.5)); syn.delay = 10
    arrivals = h.Arrivals(s(0.5))
    connect(syn, arrivals, 1, 1)
    timer = h.ArtTimer(); timer.start = 10
    keep.append(timer)
    connect(timer, arrivals, 2, 1)
    trace(arrivals._ref_order, "order")
    tstop = 15
elif kind == "gap":
    a = soma("a"); b = soma("b")
    gap = getattr(h, sys.argv[3])
    ga = gap(a(0.5)); gb = gap(b(0.5))
    ga.g = 5000; gb.g = 5000
    h.setpointer(b(0.5)._ref_v, "vgap", ga)
    h.setpointer(a(0.5)._ref_v, "vgap", gb)
    stim = h.IClamp(a(0.5)); stim.delay = 1; stim.dur = 5; stim.amp = 0.2
    trace(a(0.5)._ref_v, "va"); trace(b(0.5)._ref_v, "vb"); trace(ga._ref_i, "ia")
    tstop = 10
h.finitialize(-65)
while h.t < tstop - h.dt / 2:
    h.fadvance()
for label, vec in out:
    for x in vec:
        print(label, repr(x))
