"""h.ismembrane on sections with and without hh, mechanism and range-variable iteration over
a segment (NEURON's own test of iterators), ion variables reached through `seg.na_ion`."""

from neuron import h

sections = [h.Section(name=f"s{i}") for i in range(3)]
clamps = [h.IClamp(sec(0.5)) for sec in sections]
for i, sec in enumerate(sections):
    sec.nseg = 3
    if i != 1:
        sec.insert("pas")
    sec.insert("hh")
bare = h.Section(name="bare")
print("empty segment", len(list(bare(0.5))))
for sec in list(h.allsec()):
    print(sec.name(), [h.ismembrane(m, sec=sec) for m in ("hh", "pas", "na_ion", "k_ion", "ca_ion")])
for sec in sections:
    for seg in sec:
        for mech in seg:
            print(sec.name(), seg.x, mech.name(), mech.is_ion(), [(var.name(), len(var), var[0]) for var in mech])
sections[0](0.5).na_ion.ena = 40.0
print(sections[0](0.5).na_ion.ena, sections[0](0.5).ena, sections[0](1.0 / 6).ena)
print(len(list(sections[0](0.5))), len(list(sections[1](0.5))))
