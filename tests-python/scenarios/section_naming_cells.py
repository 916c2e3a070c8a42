"""h.Section(name=, cell=) naming: a cell object's str/repr becomes the prefix, sec.cell()
returns it, hname() and h.secname() agree, and anonymous sections are numbered."""

from neuron import h


class Pyramidal:
    count = 0

    def __init__(self):
        self.index = Pyramidal.count
        Pyramidal.count += 1
        self.soma = h.Section(name="soma", cell=self)
        self.axon = h.Section(name="axon", cell=self)
        self.axon.connect(self.soma)

    def __repr__(self):
        return f"Pyramidal[{self.index}]"


class Labelled:
    def __str__(self):
        return "labelled"


cells = [Pyramidal() for _ in range(3)]
for cell in cells:
    print(cell.soma.name(), cell.axon.hname(), cell.soma.cell() is cell, str(cell.axon))
anon = [h.Section() for _ in range(2)]
print([s.name().startswith("__nrnsec_") for s in anon], anon[0].cell())
label = Labelled()
other = h.Section(cell=label, name="dend")
print(other.name(), other.cell() is label)
named = h.Section("plain")
print(named.name(), repr(named), h.secname(sec=named), named(0.5), repr(named(0.25)))
cells[1].soma.push()
print(h.secname(), h.cas().name(), h.cas() == cells[1].soma)
h.pop_section()
print(sorted(s.name() for s in h.allsec() if s not in anon))
for s in anon:
    h.delete_section(sec=s)
h.topology()
