"""The ring of ball-and-stick cells of NEURON's network tutorial, built our own way: each cell is
drawn by define_shape, turned about z and moved onto a circle with pt3dchange; a NetStim starts
a spike that travels round the ring through ExpSyn synapses. Prints where the cells are, their
geometry, their spike times and the peak voltage, for test_neuron_module.py to compare."""

from neuron import h
from neuron.units import mV, ms, µm

h.load_file("stdrun.hoc")


class Neuron:
    """A ball-and-stick cell whose soma sits on a circle of radius 50 µm."""

    def __init__(self, index, count):
        self.index = index
        self.soma = h.Section(name="soma", cell=self)
        self.dend = h.Section(name="dend", cell=self)
        self.dend.connect(self.soma)
        self.soma.L = self.soma.diam = 12.6157 * µm
        self.dend.L, self.dend.diam = 200 * µm, 1 * µm
        for sec in self.soma.wholetree():
            sec.Ra, sec.cm = 100, 1
        self.soma.insert("hh")
        for seg in self.soma:
            seg.hh.gnabar, seg.hh.gkbar, seg.hh.gl, seg.hh.el = 0.12, 0.036, 0.0003, -54.3 * mV
        self.dend.insert("pas")
        for seg in self.dend:
            seg.pas.g, seg.pas.e = 0.001, -65 * mV
        self.synapse = h.ExpSyn(self.dend(0.5))
        self.synapse.tau = 2 * ms
        h.define_shape()
        angle = 2 * h.PI * index / count
        self.move(lambda x, y, z: (x * h.cos(angle) - y * h.sin(angle), x * h.sin(angle) + y * h.cos(angle), z))
        self.move(lambda x, y, z: (x + 50 * h.cos(angle), y + 50 * h.sin(angle), z))
        self.spikes = h.Vector()
        self.detector = h.NetCon(self.soma(0.5)._ref_v, None, sec=self.soma)
        self.detector.record(self.spikes)
        self.v = h.Vector().record(self.soma(0.5)._ref_v)

    def __repr__(self):
        return f"Neuron[{self.index}]"

    def move(self, transform):
        for sec in self.soma.wholetree():
            for i in range(sec.n3d()):
                x, y, z = transform(sec.x3d(i), sec.y3d(i), sec.z3d(i))
                sec.pt3dchange(i, x, y, z, sec.diam3d(i))


cells = [Neuron(i, 5) for i in range(5)]
links = []
for source, target in zip(cells, cells[1:] + cells[:1]):
    link = h.NetCon(source.soma(0.5)._ref_v, target.synapse, sec=source.soma)
    link.weight[0], link.delay = 0.01, 5
    links.append(link)
stim = h.NetStim()
stim.number, stim.start = 1, 9
kick = h.NetCon(stim, cells[0].synapse)
kick.delay, kick.weight[0] = 1, 0.04

for cell in cells:
    for sec in (cell.soma, cell.dend):
        print(sec, [(sec.x3d(i), sec.y3d(i), sec.z3d(i), sec.arc3d(i)) for i in range(sec.n3d())])
        print(sec, "L", sec.L, "area", sec(0.5).area(), "ri", sec(0.5).ri(), "diam", sec(0.5).diam)
t = h.Vector().record(h._ref_t)
h.finitialize(-65 * mV)
h.continuerun(100 * ms)
for cell in cells:
    print(cell, list(cell.spikes), max(cell.v))
print("samples", len(t))
