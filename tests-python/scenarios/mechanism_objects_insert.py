"""Mechanism objects (NEURON 9): sec.insert(h.hh), h.pas.insert(section list), uninsert,
and the mechanism's parameters reached per segment and section-wide after each."""

from neuron import h

print(h.hh, h.pas, repr(h.na_ion))
secs = [h.Section(name=f"c{i}") for i in range(3)]
for sec in secs:
    sec.nseg = 2
secs[0].insert(h.hh)
group = h.SectionList(secs[1:])
h.pas.insert(group)
h.hh.insert(group)
print([[m.name() for m in sec(0.25)] for sec in secs])
secs[1].uninsert("pas")
print([[m.name() for m in sec(0.75)] for sec in secs])
secs[0].insert("pas").insert("pas")
print([m.name() for m in secs[0](0.25)], secs[0].has_membrane("hh"), secs[1].has_membrane("pas"))
for sec in secs:
    sec.gnabar_hh = 0.2
    for seg in sec:
        seg.hh.gl = 0.0005 * (1 + seg.x)
print([(seg.gnabar_hh, seg.hh.gl, seg.gl_hh) for sec in secs for seg in sec])
h.hh.uninsert(group)
print([h.ismembrane("hh", sec=sec) for sec in secs], [h.ismembrane("na_ion", sec=sec) for sec in secs])
for sec in secs:
    sec.L, sec.diam = 20, 20
    sec.connect(secs[0]) if sec is not secs[0] else None
secs[2].insert("pas")
h.finitialize(-60)
for _ in range(200):
    h.fadvance()
print(h.t, [seg.v for sec in secs for seg in sec])
