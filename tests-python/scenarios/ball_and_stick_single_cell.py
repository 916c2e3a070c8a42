"""Ball-and-stick tutorial, parts 1-2: a cell class naming its sections after itself, hh
soma, passive dendrite, a current pulse at the dendrite's end, h.continuerun."""

from neuron import h
from neuron.units import ms, mV, µm

h.load_file("stdrun.hoc")


class Cell:
    def __init__(self, gid):
        self._gid = gid
        self.soma = h.Section(name="soma", cell=self)
        self.dend = h.Section(name="dend", cell=self)
        self.dend.connect(self.soma)
        self.all = self.soma.wholetree()
        self.soma.L = self.soma.diam = 12.6157 * µm
        self.dend.L = 200 * µm
        self.dend.diam = 1 * µm
        for sec in self.all:
            sec.Ra = 100
            sec.cm = 1
        self.soma.insert(h.hh)
        for seg in self.soma:
            seg.hh.gnabar = 0.12
            seg.hh.gkbar = 0.036
            seg.hh.gl = 0.0003
            seg.hh.el = -54.3 * mV
        self.dend.insert(h.pas)
        for seg in self.dend:
            seg.pas.g = 0.001
            seg.pas.e = -65 * mV

    def __repr__(self):
        return f"Cell[{self._gid}]"


cell = Cell(0)
for sec in cell.all:
    print(sec.name(), sec.nseg, sec.L, sec.diam)
h.topology()

stim = h.IClamp(cell.dend(1))
stim.delay = 5
stim.dur = 1
stim.amp = 0.1

t = h.Vector().record(h._ref_t)
v_soma = h.Vector().record(cell.soma(0.5)._ref_v)
v_dend = h.Vector().record(cell.dend(0.5)._ref_v)

h.finitialize(-65 * mV)
h.continuerun(25 * ms)
print("samples", len(t))
for i in range(0, len(t), 40):
    print(t[i], v_soma[i], v_dend[i])
print("peak", v_soma.max(), v_soma.max_ind())
