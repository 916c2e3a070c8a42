"""Ring network tutorial (ball-and-stick part 3): N cells, each soma's spike drives the next
cell's ExpSyn through a NetCon watching `soma(0.5)._ref_v` with `sec=`; one NetStim starts it;
spikes recorded with NetCon.record into Vectors."""

from neuron import h
from neuron.units import ms, mV

h.load_file("stdrun.hoc")


class Neuron:
    def __init__(self, gid):
        self.gid = gid
        self.soma = h.Section(name="soma", cell=self)
        self.dend = h.Section(name="dend", cell=self)
        self.dend.connect(self.soma(1))
        self.soma.L = self.soma.diam = 12.6157
        self.dend.L = 200
        self.dend.diam = 1
        self.dend.nseg = 5
        for sec in (self.soma, self.dend):
            sec.Ra = 100
            sec.cm = 1
        self.soma.insert("hh")
        self.dend.insert("pas")
        self.dend.g_pas = 0.001
        self.dend.e_pas = -65
        self.syn = h.ExpSyn(self.dend(0.5))
        self.syn.tau = 2 * ms
        self.spike_times = h.Vector()
        self.detector = h.NetCon(self.soma(0.5)._ref_v, None, sec=self.soma)
        self.detector.record(self.spike_times)

    def __repr__(self):
        return f"Neuron[{self.gid}]"


cells = [Neuron(i) for i in range(5)]
links = []
for i, cell in enumerate(cells):
    nxt = cells[(i + 1) % len(cells)]
    nc = h.NetCon(cell.soma(0.5)._ref_v, nxt.syn, sec=cell.soma)
    nc.weight[0] = 0.05
    nc.delay = 5 * ms
    links.append(nc)
    print(nc.threshold, nc.delay, nc.weight[0])

kick = h.NetStim()
kick.number = 1
kick.start = 9
kick_nc = h.NetCon(kick, cells[0].syn)
kick_nc.delay = 1 * ms
kick_nc.weight[0] = 0.05

h.finitialize(-65 * mV)
h.continuerun(100 * ms)
for cell in cells:
    print(cell, cell.soma.name(), list(cell.spike_times))
