"""A two-compartment cell built the way NEURON's ball-and-stick tutorial builds it — sections owned by
a cell object (named after it), mechanism objects, per-segment mechanism parameters, an IClamp at the
dendrite's end, Vector.record of v and t, finitialize + continuerun, a spike detector NetCon without
target recording into a Vector, then stdrun's run() to h.tstop."""

from neuron import h
from neuron.units import mV, ms, µm

h.load_file("stdrun.hoc")


class TwoCompartmentCell:
    def __init__(self, gid):
        self.gid = gid
        self.soma = h.Section(name="soma", cell=self)
        self.dend = h.Section(name="dend", cell=self)
        self.dend.connect(self.soma)
        self.all = self.soma.wholetree()
        self.soma.L = self.soma.diam = 12.6157 * µm
        self.dend.L, self.dend.diam = 200 * µm, 1 * µm
        for sec in self.all:
            sec.Ra, sec.cm = 100, 1
        self.soma.insert(h.hh)
        h.pas.insert(self.dend)
        for seg in self.soma:
            seg.hh.gnabar, seg.hh.gkbar, seg.hh.gl, seg.hh.el = 0.12, 0.036, 0.0003, -54.3 * mV
        for seg in self.dend:
            seg.pas.g, seg.pas.e = 0.001, -65 * mV

    def __repr__(self):
        return f"TwoCompartmentCell[{self.gid}]"


cell = TwoCompartmentCell(3)
print(cell.soma, cell.dend.name(), [s.name() for s in cell.all], h.pas, cell.dend.has_membrane("pas"))
h.topology()
stim = h.IClamp(cell.dend(1))
print(stim.get_segment())
stim.delay, stim.dur, stim.amp = 5, 1, 0.1
soma_v = h.Vector().record(cell.soma(0.5)._ref_v)
t = h.Vector().record(h._ref_t)
h.finitialize(-65 * mV)
h.continuerun(25 * ms)
print(len(t), repr(max(soma_v)), repr(soma_v[100]), repr(t[-1]))
detector = h.NetCon(cell.soma(0.5)._ref_v, None, sec=cell.soma)
spikes = h.Vector()
detector.record(spikes)
stim.amp = 0.4
h.tstop = 40 * ms
h.run()
print([repr(x) for x in spikes], repr(h.t))
